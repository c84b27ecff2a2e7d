using Verbatim.Searching;
using Verbatim.Storage.Catalog.Sqlite;

namespace Verbatim.Storage.Tests.Catalog;

public sealed class SqliteCatalogTests : CatalogContract
{
    // A file, not ":memory:": another connection opens it too.
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"verbatim-catalog-{Guid.NewGuid():N}.sqlite");

    protected override ICatalog OpenEmpty() => SqliteCatalog.Open(_file);

    protected override ICatalog OpenAnother() => SqliteCatalog.OpenReadOnly(_file);

    protected override void DeleteCatalog()
    {
        foreach (var file in new[] { _file, _file + "-wal", _file + "-shm" })
            File.Delete(file);
    }
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

    [Fact]
    public void The_writer_of_a_small_catalog_keeps_a_small_page_cache()
    {
        using var writer = SqliteCatalog.Open(_file);
        writer.Upsert(TestDocuments.All.First(d => d.Id == "lenin-1921-10-20-to-stalin"), 1);
        using (writer.Batch())
            Assert.Equal(SqliteCatalog.CacheBytesFor(0), writer.CacheBytes);
        Assert.True(writer.CacheBytes < 1L << 30);
    }

    [Theory]
    [InlineData(0L, 64L << 20)]
    [InlineData(300_000_000L, 300_000_000L)]
    [InlineData(5L << 30, 1L << 30)]
    public void The_writers_page_cache_follows_the_catalogs_size_within_bounds(long catalogBytes, long cacheBytes)
        => Assert.Equal(cacheBytes, SqliteCatalog.CacheBytesFor(catalogBytes));
}
