using Verbatim.Archiving;
using Verbatim.Searching;

namespace Verbatim.Tests.Archiving;

/// <summary>
/// Several writers of one archive on PostgreSQL at once: each archive opened here has a connection
/// of its own, which is what the locks know of a process, and a staging folder of its own.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class SharedCatalogWritersTests(PostgresCluster cluster) : ArchiveFolderTests
{
    private static readonly IReadOnlyList<string> Letters = [.. Directory.GetFiles(RepositoryPaths.Shared("corpus", "schnitzler-tei"), "*.xml").Order(StringComparer.Ordinal).Take(40)];

    private void InitOnPostgres()
    {
        using var archive = Archive.Init(ArchivePath, cluster.NewDatabaseAddress());
    }

    /// <summary>Two writers open at once ingest at once; what each returns.</summary>
    private (IngestReport First, IngestReport Second) IngestAtOnce(IReadOnlyList<string> first, IReadOnlyList<string> second)
    {
        using var one = Archive.Open(ArchivePath);
        using var two = Archive.Open(ArchivePath);
        using var start = new Barrier(2);
        IngestReport Run(Archive archive, IReadOnlyList<string> files)
        {
            start.SignalAndWait();
            return archive.Ingest(files, Options);
        }
        var a = Task.Run(() => Run(one, first));
        var b = Task.Run(() => Run(two, second));
        Task.WaitAll([a, b], TimeSpan.FromMinutes(3));
        return (a.Result, b.Result);
    }

    /// <summary>Every document of the store is in the catalog once, the audit is clean, and each object's versions are 1, 2, ... without a gap.</summary>
    private void AssertWhole(int documents)
    {
        using var reader = Archive.OpenForReading(ArchivePath);
        var listed = reader.List(new WorkFilter()).Select(w => w.Id).ToList();
        var stored = reader.Store.Ids().Where(id => !id.StartsWith('_')).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(documents, stored.Count);
        Assert.Equal(stored, listed.Order(StringComparer.Ordinal));
        Assert.True(reader.Audit().Clean, string.Join("; ", reader.Audit().Findings.Select(f => f.Message)));
        foreach (var id in stored)
            Assert.Equal(Enumerable.Range(1, reader.History(id).Count), reader.History(id).Select(v => v.Number));
        Assert.Empty(((ICatalogLocks)reader.Catalog).Pending());
    }

    [Fact]
    public void Two_writers_at_once_over_different_files_both_land_every_document_once()
    {
        InitOnPostgres();

        var (first, second) = IngestAtOnce([.. Letters.Take(20)], [.. Letters.Skip(20)]);

        Assert.Equal(20, first.Documents.Count);
        Assert.Equal(20, second.Documents.Count);
        Assert.Empty(first.Failed.Concat(second.Failed));
        AssertWhole(40);
    }

    [Fact]
    public void Two_writers_at_once_over_the_same_files_store_each_document_once_and_one_version_of_it()
    {
        InitOnPostgres();

        var (first, second) = IngestAtOnce([.. Letters.Take(25)], [.. Letters.Skip(15).Take(25).Reverse()]);

        Assert.Empty(first.Failed.Concat(second.Failed));
        var stored = first.Documents.Concat(second.Documents).Where(d => d.Status == Verbatim.Storing.WriteStatus.New).Select(d => d.Id).ToList();
        Assert.Equal(40, stored.Count);
        Assert.Equal(40, stored.Distinct(StringComparer.Ordinal).Count());
        AssertWhole(40);
        using var reader = Archive.OpenForReading(ArchivePath);
        Assert.All(reader.Store.Ids().Where(id => !id.StartsWith('_')), id => Assert.Single(reader.History(id)));
    }

    [Fact]
    public void The_same_bytes_under_two_names_from_two_writers_at_once_are_one_document_and_a_duplicate()
    {
        InitOnPostgres();
        var copy = Path.Combine(Folder, "copy", "the-same-letter.xml");
        Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
        File.Copy(Letters[0], copy);

        var (first, second) = IngestAtOnce([Letters[0]], [copy]);

        Assert.Equal(1, first.Documents.Count + second.Documents.Count);
        Assert.Equal(1, first.Duplicates.Count + second.Duplicates.Count);
        AssertWhole(1);
    }

    [Fact]
    public void A_write_of_the_whole_archive_waits_for_every_other_writer_and_no_writer_opens_while_it_works()
    {
        InitOnPostgres();
        using (var writer = Archive.Open(ArchivePath))
        {
            writer.Ingest([.. Letters.Take(3)], Options);
            using var other = Archive.Open(ArchivePath);

            var busy = Assert.Throws<ArchiveBusyException>(() => other.Reindex());
            Assert.Contains("other writers at work", busy.Message, StringComparison.Ordinal);
            // The refused writer holds its share again and goes on writing documents.
            other.Ingest([Letters[3]], Options);
        }

        using var alone = Archive.Open(ArchivePath);
        Assert.Equal(4, alone.Reindex().Documents);
    }

    [Fact]
    public void A_writer_that_died_between_store_and_catalog_is_mended_by_the_next_and_one_at_work_is_left_alone()
    {
        InitOnPostgres();
        using (var writer = Archive.Open(ArchivePath))
            writer.Ingest([.. Letters.Take(2)], Options);
        using var cut = Archive.Open(ArchivePath);
        string[] ids = [.. cut.List(new WorkFilter()).Select(w => w.Id).Order(StringComparer.Ordinal)];
        // As writers stopped after their store write: marked pending, not catalogued. The one of
        // the second document still holds its lock (at work); the other's lock is gone (dead).
        var locks = (ICatalogLocks)cut.Catalog;
        locks.MarkPending(ids);
        foreach (var id in ids)
            cut.Catalog.Remove(id);
        Assert.True(locks.TryLock("object:" + ids[1]));

        using (var next = Archive.Open(ArchivePath))
        {
            Assert.NotNull(next.Catalog.Text(ids[0]));
            Assert.Null(next.Catalog.Text(ids[1]));
            Assert.Equal([ids[1]], ((ICatalogLocks)next.Catalog).Pending());
        }
        locks.UnlockAll();
        using var last = Archive.Open(ArchivePath);
        Assert.NotNull(last.Catalog.Text(ids[1]));
        Assert.Empty(((ICatalogLocks)last.Catalog).Pending());
    }
}
