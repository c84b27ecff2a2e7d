using System.Collections.Concurrent;
using System.Diagnostics;
using Npgsql;
using Verbatim.Storage.Catalog.Postgres;

namespace Verbatim.Storage.Tests.Catalog.Postgres;

/// <summary>A reader of a PostgreSQL catalog is told of every commit another connection makes (LISTEN/NOTIFY), instead of asking.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresCatalogChangesTests(PostgresCluster cluster) : IDisposable
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    private readonly string _database = cluster.NewDatabase();
    private readonly BlockingCollection<long> _heard = [];

    private PostgresCatalogChanges Listen()
    {
        var changes = PostgresCatalogChanges.Listen(_database);
        changes.Committed += _heard.Add;
        var clock = Stopwatch.StartNew();
        while (!changes.IsListening && clock.Elapsed < TimeSpan.FromSeconds(10))
            Thread.Sleep(10);
        Assert.True(changes.IsListening, "the listener did not listen within 10 s");
        // What it says on (re)connecting, the generation as it stands, is not a commit of the test's.
        while (_heard.TryTake(out _, TimeSpan.FromMilliseconds(100)))
        {
        }
        return changes;
    }

    [Fact]
    public void A_commit_in_one_connection_is_heard_in_another_within_a_second_with_the_generation_it_made()
    {
        using var writer = PostgresCatalog.Open(_database);
        using var changes = Listen();

        using (var batch = writer.Batch())
        {
            writer.Upsert(TestDocuments.All[0], 1);
            batch.Commit();
        }

        // From the commit's end: the write's own time (a first upsert on a loaded machine) is not the notice's.
        Assert.True(_heard.TryTake(out var generation, Second), "no commit heard within a second");
        Assert.Equal(writer.Generation, generation);
    }

    [Fact]
    public void A_batch_that_is_not_committed_tells_nothing()
    {
        using var writer = PostgresCatalog.Open(_database);
        using var changes = Listen();

        using (writer.Batch())
            writer.Upsert(TestDocuments.All[0], 1);

        Assert.False(_heard.TryTake(out _, Second));
    }

    [Fact]
    public void A_listener_whose_connection_is_cut_listens_again_and_hears_the_next_commit()
    {
        using var writer = PostgresCatalog.Open(_database);
        using var changes = Listen();

        using (var connection = new NpgsqlConnection(_database))
        {
            connection.Open();
            using var cut = new NpgsqlCommand($"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = '{PostgresCatalogChanges.ApplicationName}' AND datname = current_database()", connection);
            Assert.True((bool)cut.ExecuteScalar()!);
        }
        var clock = Stopwatch.StartNew();
        var relistened = false;
        while (clock.Elapsed < TimeSpan.FromSeconds(20))
        {
            using (var batch = writer.Batch())
            {
                writer.Upsert(TestDocuments.All[0], 1);
                batch.Commit();
            }
            // What was heard of earlier commits may arrive late on a loaded machine: every notice
            // waiting is read, so that this commit's is found however far behind it stands.
            var committed = writer.Generation;
            while (!relistened && _heard.TryTake(out var generation, TimeSpan.FromMilliseconds(500)))
                relistened = generation == committed && changes.IsListening;
            if (relistened)
                break;
        }

        Assert.True(relistened, "no commit heard within 20 s of the listening connection's end");
    }

    public void Dispose() => _heard.Dispose();
}
