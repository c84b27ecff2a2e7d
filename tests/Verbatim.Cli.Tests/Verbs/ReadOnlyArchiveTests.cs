namespace Verbatim.Cli.Tests.Verbs;

/// <summary>
/// An archive folder its reader cannot write (a mounted copy, a backup, another user's files) is
/// listed, searched, shown, audited and served: the commands run as "nobody" over a copy whose
/// every file and folder has lost its write permission.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class ReadOnlyArchiveTests : IDisposable
{
    private const string Stalin = "lenin-1921-10-20-to-stalin";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"verbatim-readonly-{Guid.NewGuid():N}");

    private string ArchivePath => Path.Combine(_folder, "archive");

    public ReadOnlyArchiveTests()
    {
        Assert.True(Nobody.CanSwitch, "this test runs the command as another user, which needs root (the test command runs as root in CI)");
        Directory.CreateDirectory(_folder);
        File.SetUnixFileMode(_folder, (UnixFileMode)0b111_101_101);
        Assert.Equal(0, CliRun.Of("init", "--archive", ArchivePath).ExitCode);
        Assert.Equal(0, CliRun.Of("ingest", CliRun.Seed("000"), CliRun.Seed("001"), "--archive", ArchivePath).ExitCode);
        SetWritable(false);
    }

    private void SetWritable(bool writable)
    {
        foreach (var folder in Directory.EnumerateDirectories(ArchivePath, "*", SearchOption.AllDirectories).Prepend(ArchivePath))
            File.SetUnixFileMode(folder, (UnixFileMode)(writable ? 0b111_101_101 : 0b101_101_101));
        foreach (var file in Directory.EnumerateFiles(ArchivePath, "*", SearchOption.AllDirectories))
            File.SetUnixFileMode(file, (UnixFileMode)(writable ? 0b110_100_100 : 0b100_100_100));
    }

    public void Dispose()
    {
        SetWritable(true);
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void A_folder_the_reader_cannot_write_is_listed_searched_shown_compared_and_audited()
    {
        var list = Nobody.Run(_folder, "list", "--archive", ArchivePath);
        Assert.True(list.ExitCode == 0, list.Error);
        Assert.Contains(Stalin, list.Output, StringComparison.Ordinal);

        var search = Nobody.Run(_folder, "search", "Stalin", "--archive", ArchivePath);
        Assert.True(search.ExitCode == 0, search.Error);
        Assert.Contains(Stalin, search.Output, StringComparison.Ordinal);

        var show = Nobody.Run(_folder, "show", Stalin, "--archive", ArchivePath);
        Assert.True(show.ExitCode == 0, show.Error);
        Assert.Contains("Have a look", show.Output, StringComparison.Ordinal);

        var compared = Nobody.Run(_folder, "compare-testimonies", $"{Stalin}@1", Stalin, "--archive", ArchivePath);
        Assert.True(compared.ExitCode == 0, compared.Error);
        Assert.Contains(" shared, 0 reworded, 0 only in A, 0 only in B, 0 disagreeing", compared.Output, StringComparison.Ordinal);

        var audit = Nobody.Run(_folder, "audit", "--archive", ArchivePath);
        Assert.True(audit.ExitCode == 0, audit.Error);
        Assert.Empty(audit.Error);
    }

    [Fact]
    public async Task A_folder_the_reader_cannot_write_is_served()
    {
        using var server = Nobody.Start(_folder, "serve", "--archive", ArchivePath, "--port", "0");
        try
        {
            // Its first line may be the warning that the reader's keys live in memory, the folder being closed to it.
            string? serving;
            do
                serving = await server.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
            while (serving is not null && !serving.StartsWith("Serving ", StringComparison.Ordinal));
            Assert.NotNull(serving);
            var address = new Uri(serving.Split(" at ")[1].Split(' ')[0]);
            using var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
            Assert.Contains(Stalin, await client.GetStringAsync(new Uri("/api/search?q=Stalin", UriKind.Relative)), StringComparison.Ordinal);
            Assert.Contains("Have a look", await client.GetStringAsync(new Uri($"/documents/{Stalin}", UriKind.Relative)), StringComparison.Ordinal);
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
        }
    }
}
