namespace Verbatim.Cli.Tests;

/// <summary>
/// A temporary folder holding an archive of seed 004, the polemic that prints Lenin's letter to
/// Trotsky, says how it was misread, and gives one sentence of Stalin's twice; deleted on Dispose.
/// </summary>
public sealed class PolemicArchive : IDisposable
{
    public const string PolemicId = "trotsky-1930-03-22-with-lenin-against-stalin";

    public PolemicArchive()
    {
        Assert.Equal(0, CliRun.Of("init", "--archive", Archive).ExitCode);
        Assert.Equal(0, CliRun.Of("ingest", CliRun.Seed("004"), "--archive", Archive).ExitCode);
    }

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), $"verbatim-polemic-{Guid.NewGuid():N}");

    public string Archive => Path.Combine(Folder, "archive");

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
