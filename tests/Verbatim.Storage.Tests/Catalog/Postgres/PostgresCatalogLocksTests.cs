using System.Diagnostics;
using Verbatim.Storage.Catalog.Postgres;

namespace Verbatim.Storage.Tests.Catalog.Postgres;

/// <summary>What a PostgreSQL catalog gives the several processes that write one archive at once: locks, the pending list, batches one after the other.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresCatalogLocksTests(PostgresCluster cluster)
{
    private readonly string _database = cluster.NewDatabase();

    [Fact]
    public void A_document_locked_by_one_connection_is_not_taken_by_another_until_let_go_or_the_connection_ends()
    {
        using var first = PostgresCatalog.Open(_database);
        using (var second = PostgresCatalog.Open(_database))
        {
            Assert.True(first.TryLock("object:a"));
            Assert.False(second.TryLock("object:a"));
            Assert.True(second.TryLock("object:b"));

            first.UnlockAll();

            Assert.True(second.TryLock("object:a"));
            Assert.False(first.TryLock("object:b"));
        }

        // The server ends a closed connection's session a moment after the close.
        Assert.True(SoonTrue(() => first.TryLock("object:a")));
        Assert.True(first.TryLock("object:b"));
    }

    private static bool SoonTrue(Func<bool> condition)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(5))
                return false;
            Thread.Sleep(20);
        }
        return true;
    }

    [Fact]
    public async Task A_lock_waited_for_is_had_once_its_holder_lets_go()
    {
        using var holder = PostgresCatalog.Open(_database);
        using var waiter = PostgresCatalog.Open(_database);
        Assert.True(holder.TryLock("object:a"));

        var waiting = Task.Run(() => waiter.Lock("object:a"));

        Assert.NotSame(waiting, await Task.WhenAny(waiting, Task.Delay(300)));
        holder.UnlockAll();
        await waiting.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.False(holder.TryLock("object:a"));
    }

    [Fact]
    public void Writers_share_the_archive_and_a_writer_of_the_whole_archive_excludes_them_and_is_excluded_by_them()
    {
        using var first = PostgresCatalog.Open(_database);
        using var second = PostgresCatalog.Open(_database);

        Assert.True(first.TryLockWriters(exclusive: false));
        Assert.True(second.TryLockWriters(exclusive: false));
        Assert.False(second.TryLockWriters(exclusive: true));

        first.UnlockWriters(exclusive: false);
        second.UnlockWriters(exclusive: false);
        Assert.True(second.TryLockWriters(exclusive: true));
        Assert.False(first.TryLockWriters(exclusive: false));
        Assert.False(first.TryLockWriters(exclusive: true));

        second.UnlockWriters(exclusive: true);
        Assert.True(first.TryLockWriters(exclusive: false));
    }

    [Fact]
    public void Pending_documents_are_seen_by_every_connection_and_leave_only_with_a_committed_batch()
    {
        using var writer = PostgresCatalog.Open(_database);
        using var other = PostgresCatalog.Open(_database);

        writer.MarkPending(["b", "a"]);
        Assert.Equal(["a", "b"], other.Pending());

        using (writer.Batch())
            writer.ClearPending(["a"]);
        Assert.Equal(["a", "b"], other.Pending());

        using (var batch = writer.Batch())
        {
            writer.ClearPending(["a"]);
            batch.Commit();
        }
        Assert.Equal(["b"], other.Pending());
        Assert.Throws<InvalidOperationException>(() =>
        {
            using var batch = writer.Batch();
            writer.MarkPending(["c"]);
        });
    }

    [Fact]
    public async Task Batches_of_two_connections_run_one_after_the_other_and_the_second_reads_what_the_first_committed()
    {
        using var first = PostgresCatalog.Open(_database);
        using var second = PostgresCatalog.Open(_database);
        var batch = first.Batch();
        first.Upsert(TestDocuments.All[0], 1);

        var clock = Stopwatch.StartNew();
        var seen = Task.Run(() =>
        {
            using var later = second.Batch();
            var text = second.Text(TestDocuments.All[0].Id);
            later.Commit();
            return (text, clock.Elapsed);
        });
        await Task.Delay(300);
        var committedAt = clock.Elapsed;
        batch.Commit();
        batch.Dispose();

        var (text, at) = await seen.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.NotNull(text);
        Assert.True(at >= committedAt, $"the second batch ran at {at} before the first committed at {committedAt}");
    }
}
