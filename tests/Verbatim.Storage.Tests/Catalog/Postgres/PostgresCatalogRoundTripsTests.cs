using System.Diagnostics;
using Npgsql;
using Verbatim.Searching;
using Verbatim.Storage.Catalog.Postgres;

namespace Verbatim.Storage.Tests.Catalog.Postgres;

/// <summary>How often a PostgreSQL search asks the server: each statement is a round trip (design notes, "On a server, a question costs its round trip").</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresCatalogRoundTripsTests(PostgresCluster cluster)
{
    private readonly string _database = cluster.NewDatabase();

    /// <summary>The SQL of every statement sent to this test's database while <paramref name="action"/> runs.</summary>
    private List<string> Statements(Action action)
    {
        var name = new NpgsqlConnectionStringBuilder(_database).Database;
        var statements = new List<string>();
        using (var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (activity.GetTagItem("db.namespace") as string == name)
                {
                    lock (statements)
                        statements.Add(activity.GetTagItem("db.query.text") as string ?? activity.DisplayName);
                }
            },
        })
        {
            ActivitySource.AddActivityListener(listener);
            action();
        }
        return statements;
    }

    [Fact]
    public void A_search_asks_the_server_twice_once_its_result_index_is_held_and_ends_its_snapshot_in_the_second()
    {
        using var catalog = PostgresCatalog.Open(_database);
        foreach (var document in TestDocuments.All)
            catalog.Upsert(document, 1);
        catalog.Search(new SearchQuery("Stalin"));

        var statements = Statements(() => Assert.NotEmpty(catalog.Search(new SearchQuery("Stalin") { Filter = new WorkFilter { Author = "Lenin" } }).Hits));

        Assert.Equal(2, statements.Count);
        Assert.EndsWith("COMMIT", statements[1].Trim(), StringComparison.Ordinal);
        // The snapshot has ended: a write now is a batch of its own, not refused as one inside it.
        catalog.Remove(TestDocuments.All[0].Id);
        Assert.Equal(TestDocuments.All.Count - 1, catalog.Count);
    }
}
