using Microsoft.Data.Sqlite;
using Verbatim.Searching;
using Verbatim.Storage.Catalog.Sqlite;

namespace Verbatim.Storage.Tests.Catalog;

public sealed class SqliteReadOnlyCatalogTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"verbatim-catalog-{Guid.NewGuid():N}");
    private readonly SqliteCatalog _writer;

    public SqliteReadOnlyCatalogTests()
    {
        Directory.CreateDirectory(_folder);
        _writer = SqliteCatalog.Open(CatalogPath);
        using (_writer.Batch())
        {
            foreach (var document in TestDocuments.All.Skip(1))
                _writer.Upsert(document, 1);
        }
    }

    private string CatalogPath => Path.Combine(_folder, "catalog.sqlite");

    public void Dispose()
    {
        _writer.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void Readers_search_and_list_at_once_beside_the_writer()
    {
        using var first = SqliteCatalog.OpenReadOnly(CatalogPath);
        using var second = SqliteCatalog.OpenReadOnly(CatalogPath);
        var expected = _writer.Search(new SearchQuery("Stalin"));
        Assert.True(expected.Total > 0);

        var answers = new[] { first, second }.AsParallel().Select(reader => Enumerable.Range(0, 20).Select(_ => reader.Search(new SearchQuery("Stalin")).Total).Distinct().Single()).ToList();
        Assert.Equal([expected.Total, expected.Total], answers);
        Assert.Equal(_writer.List(new WorkFilter()).Count, first.List(new WorkFilter()).Count);
    }

    [Fact]
    public void A_reader_sees_a_write_made_after_it_opened_and_searched()
    {
        using var reader = SqliteCatalog.OpenReadOnly(CatalogPath);
        Assert.Equal(TestDocuments.All.Count - 1, reader.Search(new SearchQuery("")).Total);
        _writer.Upsert(TestDocuments.All[0], 1);
        Assert.Equal(TestDocuments.All.Count, reader.Search(new SearchQuery("")).Total);
        Assert.Equal(TestDocuments.All.Count, reader.List(new WorkFilter()).Count);
        Assert.Contains(reader.Search(new SearchQuery(TestDocuments.All[0].Title) { Limit = 100 }).Hits, h => h.Id == TestDocuments.All[0].Id);
    }

    [Fact]
    public void A_reader_cannot_write()
    {
        using var reader = SqliteCatalog.OpenReadOnly(CatalogPath);
        Assert.Throws<SqliteException>(() => reader.Upsert(TestDocuments.All[0], 1));
        Assert.Equal(TestDocuments.All.Count - 1, _writer.Count);
    }
}
