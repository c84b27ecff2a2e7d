namespace Verbatim.Web.Tests.Hosting;

/// <summary>
/// The leak hunt over archives whose catalogs are PostgreSQL databases: the closed documents'
/// rows, the hidden set and every count come from the other backend, and must hide as well.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class LeakHuntOnPostgresTests(PostgresCluster cluster) : LeakHunt
{
    protected override string? NewCatalog() => cluster.NewDatabaseAddress();
}
