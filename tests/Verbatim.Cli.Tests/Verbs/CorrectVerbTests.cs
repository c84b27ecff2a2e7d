using System.Text.Json;

namespace Verbatim.Cli.Tests.Verbs;

/// <summary>`verbatim correct` as an archivist runs it.</summary>
public sealed class CorrectVerbTests : IDisposable
{
    private readonly string _archive = Path.Combine(Path.GetTempPath(), $"verbatim-cli-correct-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_archive))
            Directory.Delete(_archive, recursive: true);
    }

    private CliRun Run(params string[] args) => CliRun.Of([.. args, "--archive", _archive]);

    private string IngestOne()
    {
        Assert.Equal(0, Run("init").ExitCode);
        var ingest = Run("ingest", CliRun.Seed("000"), "--json");
        Assert.True(ingest.ExitCode == 0, ingest.Error);
        using var json = JsonDocument.Parse(ingest.Output);
        return json.RootElement.GetProperty("documents")[0].GetProperty("id").GetString()!;
    }

    [Fact]
    public void A_correction_is_a_new_version_and_showing_the_fields_lists_it_with_its_reason()
    {
        var id = IngestOne();

        var corrected = Run("correct", id, "--date", "1921-10-21", "--addressee", "J. V. Stalin", "--addressee", "L. B. Kamenev", "--clear", "shelfmarks", "--reason", "per the register");
        using var json = JsonDocument.Parse(Run("correct", id, "--json").Output);

        Assert.True(corrected.ExitCode == 0, corrected.Error);
        Assert.Contains($"{id} corrected in version 2", corrected.Output, StringComparison.Ordinal);
        var fields = json.RootElement.GetProperty("fields");
        Assert.Equal(("1921-10-21", "J. V. Stalin\nL. B. Kamenev", ""), (fields.GetProperty("date").GetString(), fields.GetProperty("addressees").GetString(), fields.GetProperty("shelfmarks").GetString()));
        Assert.Contains(json.RootElement.GetProperty("corrections").EnumerateArray(), c => c.GetProperty("field").GetString() == "date" && c.GetProperty("reason").GetString() == "per the register");
        Assert.Contains("date        “1921-10-21”", Run("correct", id).Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_correction_without_a_reason_a_bad_date_or_on_an_old_version_writes_nothing_and_says_why()
    {
        var id = IngestOne();

        var unreasoned = Run("correct", id, "--date", "1921");
        var badDate = Run("correct", id, "--date", "October 1921", "--reason", "why");
        Assert.Equal(0, Run("correct", id, "--place", "Gorki", "--reason", "dictated at Gorki").ExitCode);
        var stale = Run("correct", id, "--date", "1921", "--reason", "why", "--based-on", "1");

        Assert.NotEqual(0, unreasoned.ExitCode);
        Assert.Contains("--reason", unreasoned.Error, StringComparison.Ordinal);
        Assert.NotEqual(0, badDate.ExitCode);
        Assert.Contains("date: “October 1921” is not a date", badDate.Error, StringComparison.Ordinal);
        Assert.NotEqual(0, stale.ExitCode);
        Assert.Contains("place (empty) → “Gorki”", stale.Error, StringComparison.Ordinal);
        Assert.Equal(2, JsonDocument.Parse(Run("history", id, "--json").Output).RootElement.GetArrayLength());
    }
}
