using System.Text.Json;

namespace Verbatim.Cli.Tests.Verbs;

public class ParseVerbTests
{
    [Fact]
    public void Json_is_an_array_of_document_json_objects()
    {
        var run = CliRun.Of("parse", CliRun.Seed("000"), CliRun.Seed("002"), "--json");
        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        var ids = json.RootElement.EnumerateArray().Select(d => d.GetProperty("id").GetString()).ToList();
        Assert.Equal(["lenin-1921-10-20-to-stalin", "lenin-1921-05-30-to-lutovinov"], ids);
        var first = json.RootElement[0];
        Assert.Equal("1921-10-20", first.GetProperty("written").GetProperty("date").GetString());
        Assert.Equal("J. V. Stalin", first.GetProperty("addressees")[0].GetProperty("name").GetString());
    }

    [Fact]
    public void Failed_file_gives_exit_1_after_the_others_are_printed()
    {
        var empty = Path.Combine(Path.GetTempPath(), $"verbatim-empty-{Guid.NewGuid():N}.txt");
        File.WriteAllBytes(empty, []);
        try
        {
            var run = CliRun.Of("parse", empty, CliRun.Seed("001"), "--json");
            Assert.Equal(1, run.ExitCode);
            Assert.Contains($"error: {empty}: the file is empty", run.Error);
            using var json = JsonDocument.Parse(run.Output);
            Assert.Equal("lenin-1921-12-20-to-zalutsky-and-solts", Assert.Single(json.RootElement.EnumerateArray()).GetProperty("id").GetString());
        }
        finally
        {
            File.Delete(empty);
        }
    }

    [Fact]
    public void Missing_file_is_one_clear_line_not_a_stack_trace()
    {
        var run = CliRun.Of("parse", "no-such-file.txt");
        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("error: no-such-file.txt: cannot read the file", run.Error);
        Assert.DoesNotContain("   at ", run.Error);
    }

    [Fact]
    public void Text_output_shows_provenance_then_the_body()
    {
        var run = CliRun.Of("parse", CliRun.Seed("001"));
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("# To Zalutsky and Solts", run.Output);
        Assert.Contains("printed from  a typewritten copy", run.Output);
        Assert.Contains("20.00 hours, December 20, 1921.", run.Output);
    }

    [Fact]
    public void Format_option_accepts_only_known_readers()
    {
        var run = CliRun.Of("parse", CliRun.Seed("000"), "--format", "docx");
        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("docx", run.Error);
    }

    [Fact]
    public void Format_option_forces_a_reader()
    {
        var run = CliRun.Of("parse", CliRun.Seed("000"), "--format", "text", "--json");
        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        Assert.Equal("text", json.RootElement[0].GetProperty("origin").GetProperty("format").GetString());
    }
}
