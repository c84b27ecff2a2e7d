using Verbatim.Searching;
using Verbatim.Storage.Catalog.Postgres;

namespace Verbatim.Storage.Tests.Catalog.Postgres;

/// <summary>The catalog contract on PostgreSQL: one database for the class, emptied for each test.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresCatalogTests(PostgresCluster cluster) : CatalogContract
{
    private static readonly Lock Creating = new();
    private static string? s_database;

    protected override ICatalog OpenEmpty()
    {
        lock (Creating)
            s_database ??= cluster.NewDatabase();
        var catalog = PostgresCatalog.Open(s_database);
        catalog.Clear();
        return catalog;
    }

    protected override ICatalog OpenAnother() => PostgresCatalog.Open(s_database!);

    protected override int FingerprintsHeldUnwritten => PostgresCatalog.FingerprintsWrittenAtOnce;
}
