using System.Text.Json;

namespace Verbatim.Cli.Tests;

/// <summary>What holds for every verb: where --archive may stand, --json, unknown options, the usage line.</summary>
public sealed class VerbatimCommandTests : IDisposable
{
    private readonly string _archive = Path.Combine(Path.GetTempPath(), $"verbatim-command-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_archive))
            Directory.Delete(_archive, recursive: true);
    }

    [Fact]
    public void The_archive_is_taken_before_the_verb_as_well_as_after_it()
    {
        Assert.Equal(0, CliRun.Of("--archive", _archive, "init").ExitCode);
        Assert.Equal(0, CliRun.Of("--archive", _archive, "ingest", CliRun.Seed("000")).ExitCode);

        var before = CliRun.Of("--archive", _archive, "search", "Stalin", "--json");
        var after = CliRun.Of("search", "Stalin", "--json", "--archive", _archive);

        Assert.True(before.ExitCode == 0, before.Error);
        Assert.Equal(after.Output, before.Output);
        using var json = JsonDocument.Parse(before.Output);
        Assert.Equal("lenin-1921-10-20-to-stalin", json.RootElement.GetProperty("hits")[0].GetProperty("id").GetString());
    }

    [Theory]
    [InlineData("collate", "--bogus", "a=x.txt", "b=y.txt")]
    [InlineData("search", "--bogus", "Stalin")]
    [InlineData("ingest", "--bogus", "letter.txt")]
    [InlineData("diff", "some-id", "--bogus")]
    [InlineData("parse", "-z", "letter.txt")]
    [InlineData("export", "cmif", "--bogus")]
    public void An_unknown_option_is_an_error_that_names_it(params string[] args)
    {
        var run = CliRun.Of([.. args, "--archive", _archive]);
        Assert.NotEqual(0, run.ExitCode);
        var unknown = args.Single(a => a.StartsWith('-'));
        // Where no argument has room for it, the parser's own "Unrecognized command or argument" names it.
        Assert.Matches($"(unknown option|Unrecognized command or argument) '{unknown}'", run.Error);
        Assert.DoesNotContain("no archive", run.Error);
    }

    [Fact]
    public void Show_takes_json_as_every_verb_does_and_refuses_a_format_that_disagrees()
    {
        Assert.Equal(0, CliRun.Of("init", "--archive", _archive).ExitCode);
        Assert.Equal(0, CliRun.Of("ingest", CliRun.Seed("000"), "--archive", _archive).ExitCode);

        var json = CliRun.Of("show", "lenin-1921-10-20-to-stalin", "--json", "--archive", _archive);
        Assert.True(json.ExitCode == 0, json.Error);
        Assert.Equal(CliRun.Of("show", "lenin-1921-10-20-to-stalin", "--format", "json", "--archive", _archive).Output, json.Output);
        Assert.Equal(0, CliRun.Of("show", "lenin-1921-10-20-to-stalin", "--json", "--format", "json", "--archive", _archive).ExitCode);

        var both = CliRun.Of("show", "lenin-1921-10-20-to-stalin", "--json", "--format", "text", "--archive", _archive);
        Assert.NotEqual(0, both.ExitCode);
        Assert.Contains("--json and --format text disagree", both.Error);
    }

    [Fact]
    public void The_usage_line_names_the_command_as_it_is_typed()
    {
        var run = CliRun.Of("search", "--help");
        Assert.Contains("verbatim search <QUERY> [options]", run.Output);
        Assert.Contains("--archive", run.Output);
        Assert.DoesNotContain("Verbatim.Cli", run.Output);
    }
}
