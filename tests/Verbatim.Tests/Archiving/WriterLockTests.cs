using System.Diagnostics;
using Verbatim.Archiving;
using Verbatim.Storing;

namespace Verbatim.Tests.Archiving;

public sealed class WriterLockTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"verbatim-lock-{Guid.NewGuid():N}");

    private string ArchivePath => Path.Combine(_folder, "archive");

    public void Dispose()
    {
        if (Directory.Exists(_folder))
            Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void Deleting_the_lock_file_does_not_let_a_second_writer_in()
    {
        using var writer = Archive.Init(ArchivePath);
        File.Delete(Path.Combine(ArchivePath, ".lock"));

        var error = Assert.Throws<ArchiveBusyException>(() => Archive.Open(ArchivePath));
        Assert.Contains("in use by another verbatim process", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Second_writer_says_who_holds_the_lock_waits_its_limit_and_fails_clearly()
    {
        using var writer = Archive.Init(ArchivePath);
        var said = new List<string>();
        var clock = Stopwatch.StartNew();

        var error = Assert.Throws<ArchiveBusyException>(() => Archive.Open(ArchivePath, TimeSpan.FromMilliseconds(600), said.Add));

        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(550), TimeSpan.FromSeconds(10));
        var waiting = Assert.Single(said);
        Assert.StartsWith($"waiting for the archive's writer lock, held by process {Environment.ProcessId} since ", waiting, StringComparison.Ordinal);
        Assert.Contains("in use by another verbatim process", error.Message, StringComparison.Ordinal);
        Assert.Contains($"process {Environment.ProcessId}", error.Message, StringComparison.Ordinal);
        Assert.Contains("--wait", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Second_writer_goes_on_once_the_first_is_done()
    {
        var first = Archive.Init(ArchivePath);
        var release = Task.Delay(300).ContinueWith(_ => first.Dispose(), TaskScheduler.Default);

        using var second = Archive.Open(ArchivePath, TimeSpan.FromSeconds(20));
        await release;
        var ingested = second.Ingest([RepositoryPaths.Seed("000")], new IngestOptions("auto", "after the wait", new StoreUser("Tester", null)));
        Assert.Single(ingested.Documents);
    }

    [Fact]
    public void A_reader_beside_a_batch_in_progress_is_not_told_an_ingest_was_cut_off()
    {
        using (var setup = Archive.Init(ArchivePath))
            setup.Ingest([RepositoryPaths.Seed("000")], new IngestOptions("auto", "setup", new StoreUser("Tester", null)));
        using var writer = Archive.Open(ArchivePath);
        // What a writer's batch lists between its store write and its catalog commit.
        File.WriteAllText(Path.Combine(ArchivePath, "catalog.pending"), "lenin-1921-10-20-to-stalin\n");

        using var reader = Archive.OpenForReading(ArchivePath);

        Assert.Null(reader.CatalogLag);
        File.Delete(Path.Combine(ArchivePath, "catalog.pending"));
    }

    [Fact]
    public void Readers_open_beside_a_writer_and_take_no_lock()
    {
        using (var setup = Archive.Init(ArchivePath))
            setup.Ingest([RepositoryPaths.Seed("000")], new IngestOptions("auto", "setup", new StoreUser("Tester", null)));
        using var reader = Archive.OpenForReading(ArchivePath);
        using var writer = Archive.Open(ArchivePath);
        Assert.Single(reader.List(new Searching.WorkFilter()));
    }
}
