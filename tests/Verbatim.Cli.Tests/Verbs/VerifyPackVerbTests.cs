namespace Verbatim.Cli.Tests.Verbs;

/// <summary>`verbatim export pack` and `verbatim verify-pack` as a user runs them: made from an archive, checked alone, against a fresh archive, and after one byte is changed.</summary>
public sealed class VerifyPackVerbTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"verbatim-pack-{Guid.NewGuid():N}");

    private string Archive => Path.Combine(_folder, "archive");

    private string Pack => Path.Combine(_folder, "pack");

    public void Dispose()
    {
        if (Directory.Exists(_folder))
            Directory.Delete(_folder, recursive: true);
    }

    private CliRun Exported()
    {
        Assert.Equal(0, CliRun.Of("init", "--archive", Archive).ExitCode);
        Assert.Equal(0, CliRun.Of("ingest", Path.Combine(CliRun.RepositoryRoot, "samples", "mia"), "--archive", Archive).ExitCode);
        return CliRun.Of("export", "pack", Pack, "--archive", Archive, "--question", "Are facts stubborn things?",
            "--cite", "lenin-1921-05-30-to-lutovinov@1:946-1003", "--cite", "lenin-1921-10-20-to-stalin",
            "--quote", "Facts—you will recall this yourself—are obstinate things.");
    }

    [Fact]
    public void An_exported_pack_verifies_alone_and_against_its_archive_and_a_fresh_one_holds_none_of_it()
    {
        var export = Exported();
        Assert.Equal(0, CliRun.Of("init", "--archive", Path.Combine(_folder, "fresh")).ExitCode);

        var alone = CliRun.Of("verify-pack", Pack);
        var against = CliRun.Of("verify-pack", Pack, "--archive", Archive);
        var fresh = CliRun.Of("verify-pack", Pack, "--archive", Path.Combine(_folder, "fresh"), "--json");

        Assert.True(export.ExitCode == 0, export.Error);
        Assert.Contains("3. quotation-check lenin-1921-05-30-to-lutovinov v1", export.Output, StringComparison.Ordinal);
        Assert.True(alone.ExitCode == 0, alone.Output);
        Assert.Contains("the pack holds together (3 citations", alone.Output, StringComparison.Ordinal);
        Assert.Equal(0, against.ExitCode);
        Assert.Contains("the archive holds every cited version, byte for byte", against.Output, StringComparison.Ordinal);
        Assert.Equal(0, fresh.ExitCode);
        using var json = System.Text.Json.JsonDocument.Parse(fresh.Output);
        Assert.True(json.RootElement.GetProperty("holdsTogether").GetBoolean());
        Assert.All(json.RootElement.GetProperty("citations").EnumerateArray(), c => Assert.Equal("missing", c.GetProperty("archive").GetString()));
    }

    [Fact]
    public void A_pack_with_one_changed_byte_fails_naming_the_file()
    {
        Assert.Equal(0, Exported().ExitCode);
        var source = Directory.GetFiles(Path.Combine(Pack, "data", "documents", "lenin-1921-10-20-to-stalin", "v1", "source"))[0];
        var bytes = File.ReadAllBytes(source);
        bytes[100] ^= 0x01;
        File.WriteAllBytes(source, bytes);

        var verified = CliRun.Of("verify-pack", Pack);

        Assert.Equal(1, verified.ExitCode);
        Assert.Contains("error: manifest-sha512.txt:", verified.Output, StringComparison.Ordinal);
        Assert.Contains($"error: data/documents/lenin-1921-10-20-to-stalin/v1/source/{Path.GetFileName(source)}: citation 2 gives it the SHA-512", verified.Output, StringComparison.Ordinal);
        Assert.Contains("does NOT hold together", verified.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_citation_that_is_not_there_is_refused_and_nothing_is_written()
    {
        Assert.Equal(0, CliRun.Of("init", "--archive", Archive).ExitCode);
        Assert.Equal(0, CliRun.Of("ingest", Path.Combine(CliRun.RepositoryRoot, "samples", "mia"), "--archive", Archive).ExitCode);

        var pastTheEnd = CliRun.Of("export", "pack", Pack, "--archive", Archive, "--question", "Q", "--cite", "lenin-1921-05-30-to-lutovinov:10-9999999");
        var malformed = CliRun.Of("export", "pack", Pack, "--archive", Archive, "--question", "Q", "--cite", "lenin:ten-twenty");

        Assert.Equal(2, pastTheEnd.ExitCode);
        Assert.Contains("citation 1 (lenin-1921-05-30-to-lutovinov): the range 10-9999999 reaches past the end", pastTheEnd.Error, StringComparison.Ordinal);
        Assert.Equal(2, malformed.ExitCode);
        Assert.Contains("\"lenin:ten-twenty\" is not a citation", malformed.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Pack));
    }

    [Fact]
    public void A_folder_that_is_no_pack_fails_and_the_archive_is_not_said_to_hold_it()
    {
        Assert.Equal(0, CliRun.Of("init", "--archive", Archive).ExitCode);

        var verified = CliRun.Of("verify-pack", Path.Combine(_folder, "nothing"), "--archive", Archive);

        Assert.Equal(1, verified.ExitCode);
        Assert.Contains("error: data/citations.json: the pack holds no index", verified.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("the archive holds", verified.Output, StringComparison.Ordinal);
    }
}
