using System.Text.Json;

namespace Verbatim.Cli.Tests.Verbs;

/// <summary>`verbatim access` and `ingest --access` as an archivist runs them.</summary>
public sealed class AccessVerbTests : IDisposable
{
    private readonly string _archive = Path.Combine(Path.GetTempPath(), $"verbatim-cli-access-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_archive))
            Directory.Delete(_archive, recursive: true);
    }

    private CliRun Run(params string[] args) => CliRun.Of([.. args, "--archive", _archive]);

    private string IngestOne(params string[] options)
    {
        Assert.Equal(0, Run("init").ExitCode);
        var ingest = Run(["ingest", CliRun.Seed("000"), "--json", .. options]);
        Assert.True(ingest.ExitCode == 0, ingest.Error);
        using var json = JsonDocument.Parse(ingest.Output);
        return json.RootElement.GetProperty("documents")[0].GetProperty("id").GetString()!;
    }

    [Fact]
    public void Setting_an_access_records_it_and_showing_it_lists_each_change_with_its_reason()
    {
        var id = IngestOne();

        var set = Run("access", id, "embargoed:2040-01-01", "--reason", "closed by the family's wish");
        var shown = Run("access", id);

        Assert.Equal(0, set.ExitCode);
        Assert.Contains("embargoed until 2040-01-01 from version 2", set.Output, StringComparison.Ordinal);
        Assert.StartsWith($"{id}: embargoed until 2040-01-01", shown.Output, StringComparison.Ordinal);
        Assert.Contains("(closed by the family's wish)", shown.Output, StringComparison.Ordinal);
        Assert.Contains("v2", Run("history", id).Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Ingest_with_access_gives_it_to_the_documents_it_stores()
    {
        var id = IngestOne("--access", "restricted:family,party-archive");

        using var json = JsonDocument.Parse(Run("access", id, "--json").Output);

        Assert.Equal("restricted:family,party-archive", json.RootElement.GetProperty("access").GetString());
        Assert.Equal(1, json.RootElement.GetProperty("changes")[0].GetProperty("version").GetInt32());
    }

    [Theory]
    [InlineData("secret", "is not an access")]
    [InlineData("embargoed:next-year", "embargoed:YYYY-MM-DD")]
    [InlineData("restricted:", "needs the groups")]
    public void A_rule_that_does_not_read_is_refused_with_its_forms_and_nothing_is_written(string rule, string said)
    {
        var id = IngestOne();

        var run = Run("access", id, rule, "--reason", "why");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains(said, run.Error, StringComparison.Ordinal);
        Assert.Single(JsonDocument.Parse(Run("history", id, "--json").Output).RootElement.EnumerateArray());
    }

    [Fact]
    public void A_change_without_a_reason_is_refused()
    {
        var id = IngestOne();

        var run = Run("access", id, "withdrawn:a forgery");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("--reason", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_access_of_no_such_document_is_an_error()
    {
        IngestOne();
        var run = Run("access", "no-such-letter");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("no document 'no-such-letter'", run.Error, StringComparison.Ordinal);
    }
}
