using System.Diagnostics;
using Verbatim.Archiving;
using Verbatim.Searching;
using Verbatim.Storing;

namespace Verbatim.Tests.Archiving;

/// <summary>
/// An ingest that fills the disk says so and keeps what it stored; the full archive can still be
/// read, searched and audited. The disk is a small tmpfs the test mounts, which needs root, as the
/// test command runs in CI and on the developers' machines.
/// </summary>
public sealed class DiskFullTests : IDisposable
{
    private static readonly IngestOptions Options = new("auto", "test ingest", new StoreUser("Tester", "mailto:tester@example.org"));

    private readonly string _mount = Path.Combine(Path.GetTempPath(), $"verbatim-full-{Guid.NewGuid():N}");

    public DiskFullTests()
    {
        Directory.CreateDirectory(_mount);
        Assert.True(Environment.UserName == "root", "the disk-full test mounts a small tmpfs, which needs root (the test command runs as root in CI)");
        Run("mount", "-t", "tmpfs", "-o", "size=1536k", "tmpfs", _mount);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        // Lazily: the folder is detached at once even while a handle on it waits for the collector.
        Run("umount", "--lazy", _mount);
        Directory.Delete(_mount);
    }

    private static void Run(string command, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(command, arguments) { RedirectStandardError = true })!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{command} {string.Join(' ', arguments)}: {error}");
    }

    [Fact]
    public void A_full_disk_is_said_in_one_sentence_and_the_full_archive_still_reads()
    {
        var folder = Path.Combine(_mount, "archive");
        var letters = Directory.GetFiles(RepositoryPaths.Shared("corpus", "schnitzler-tei"), "*.xml").Order(StringComparer.Ordinal).ToList();
        int stored;
        using (var archive = Archive.Init(folder))
        {
            stored = archive.Ingest(letters.Take(20), Options).Documents.Count;
            var error = Assert.Throws<ArchiveException>(() => archive.Ingest(letters.Skip(20), Options));
            Assert.StartsWith($"the disk holding {folder} is full", error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain('\n', error.Message);
        }
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(folder, "staging")));

        using var reader = Archive.OpenForReading(folder);
        Assert.True(reader.Audit().Clean, string.Join("; ", reader.Audit().Findings.Select(f => f.Message)));
        Assert.True(reader.List(new WorkFilter()).Count >= stored);
        Assert.True(reader.Search(new SearchQuery("Schnitzler")).Total >= 1);
        Assert.Throws<ArchiveException>(() => reader.Reindex());
    }
}
