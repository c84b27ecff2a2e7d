using Verbatim.Archiving;
using Verbatim.Cli.Tests.CrashSafety;
using Verbatim.Searching;

namespace Verbatim.Cli.Tests.Verbs;

/// <summary>`verbatim ingest` in two processes at once over one archive on PostgreSQL.</summary>
[Collection(PostgresCollection.Name)]
public sealed class SharedCatalogIngestTests(PostgresCluster cluster) : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"verbatim-two-ingests-{Guid.NewGuid():N}");

    private string ArchivePath => Path.Combine(_folder, "archive");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string[] Letters(string name, int skip, int count)
    {
        var folder = Directory.CreateDirectory(Path.Combine(_folder, name)).FullName;
        var letters = Directory.GetFiles(RepositoryPaths.Shared("corpus", "schnitzler-tei"), "*.xml").Order(StringComparer.Ordinal).Skip(skip).Take(count);
        return [.. letters.Select(letter =>
        {
            var copy = Path.Combine(folder, Path.GetFileName(letter));
            File.Copy(letter, copy);
            return copy;
        })];
    }

    [Fact]
    public async Task Two_ingests_started_at_once_both_exit_0_and_leave_every_document_once_audited_clean_with_contiguous_versions()
    {
        var init = CliRun.Of("init", "--archive", ArchivePath, "--catalog", cluster.NewDatabaseAddress());
        Assert.True(init.ExitCode == 0, init.Error);
        var shared = Letters("shared", 30, 2);
        string[] first = [.. Letters("first", 0, 15), .. shared];
        string[] second = [.. shared, .. Letters("second", 15, 15)];
        var errors = new System.Collections.Concurrent.ConcurrentQueue<string>();

        // No wait: a second writer that had to wait for the first would fail at once.
        (bool Killed, int ExitCode) Ingest(string[] files) => CliProcess.Run(["ingest", .. files, "--archive", ArchivePath, "--wait", "0"], TimeSpan.FromMinutes(3), errorLine: errors.Enqueue);
        var runs = await Task.WhenAll(Task.Run(() => Ingest(first)), Task.Run(() => Ingest(second)));

        Assert.True(runs.All(r => r.ExitCode == 0), string.Join('\n', errors));
        var audit = CliRun.Of("audit", "--archive", ArchivePath);
        Assert.True(audit.ExitCode == 0, audit.Output + audit.Error);
        using var archive = Archive.OpenForReading(ArchivePath);
        var stored = archive.Store.Ids().Where(id => !id.StartsWith('_')).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(32, stored.Count);
        Assert.Equal(stored, archive.List(new WorkFilter()).Select(w => w.Id).Order(StringComparer.Ordinal));
        Assert.All(stored, id => Assert.Equal(Enumerable.Range(1, archive.History(id).Count), archive.History(id).Select(v => v.Number)));
        Assert.All(stored, id => Assert.Single(archive.History(id)));
    }
}
