using Verbatim.Searching;
using Verbatim.Storage.Catalog.Sqlite;

namespace Verbatim.Storage.Tests.Catalog;

public sealed class SqliteCatalogTests : CatalogContract
{
    protected override ICatalog OpenEmpty() => SqliteCatalog.Open(":memory:");
}

public sealed class SqliteCatalogFileTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"verbatim-catalog-{Guid.NewGuid():N}.sqlite");

    public void Dispose()
    {
        foreach (var file in new[] { _file, _file + "-wal", _file + "-shm" })
            File.Delete(file);
    }

    [Fact]
    public void A_second_connection_sees_what_the_first_wrote_after_it_searched()
    {
        using var writer = SqliteCatalog.Open(_file);
        using var reader = SqliteCatalog.Open(_file);
        var letter = TestDocuments.All.First(d => d.Id == "lenin-1921-10-20-to-stalin");
        writer.Upsert(letter, 1);
        Assert.Equal(1, reader.Search(new SearchQuery("")).Total);
        Assert.Equal([new FacetCount("letter", 1)], reader.Search(new SearchQuery("")).Facets["kind"]);

        writer.Upsert(TestDocuments.All.First(d => d.Id == "trotsky-1930-03-22-with-lenin-against-stalin"), 1);
        var after = reader.Search(new SearchQuery("Stalin"));
        Assert.Equal(2, after.Total);
        Assert.Contains(new FacetCount("article", 1), after.Facets["kind"]);
        Assert.Equal(2, reader.List(new WorkFilter()).Count);
    }
}
