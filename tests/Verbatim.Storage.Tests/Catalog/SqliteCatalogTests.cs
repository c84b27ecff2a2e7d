using Verbatim.Searching;
using Verbatim.Storage.Catalog.Sqlite;

namespace Verbatim.Storage.Tests.Catalog;

public sealed class SqliteCatalogTests : CatalogContract
{
    protected override ICatalog OpenEmpty() => SqliteCatalog.Open(":memory:");
}
