using Microsoft.Data.Sqlite;
using Verbatim.Model;
using Verbatim.Searching;
using Verbatim.Storage.Catalog;
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
        using (var batch = _writer.Batch())
        {
            foreach (var document in TestDocuments.All.Skip(1))
                _writer.Upsert(document, 1);
            batch.Commit();
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
    public void Readers_that_share_a_result_index_build_it_once_per_committed_generation()
    {
        var shared = new SharedResultIndex();
        using var first = SqliteCatalog.OpenReadOnly(CatalogPath, shared);
        using var second = SqliteCatalog.OpenReadOnly(CatalogPath, shared);
        var before = TestDocuments.All.Count - 1;
        Assert.Equal(before, first.Search(new SearchQuery("")).Total);
        Assert.Equal(before, second.Search(new SearchQuery("")).Total);
        Assert.Equal(1, shared.Builds);

        _writer.Upsert(TestDocuments.All[0], 1);
        Assert.Equal(before + 1, second.List(new WorkFilter()).Count);
        Assert.Equal(before + 1, first.Search(new SearchQuery("")).Total);
        Assert.Contains(first.Search(new SearchQuery(TestDocuments.All[0].Title) { Limit = 100 }).Hits, h => h.Id == TestDocuments.All[0].Id);
        Assert.Equal(2, shared.Builds);
    }

    [Fact]
    public void After_a_small_write_the_shared_index_keeps_the_rows_it_had_and_answers_as_one_read_whole()
    {
        var shared = new SharedResultIndex();
        using var reader = SqliteCatalog.OpenReadOnly(CatalogPath, shared);
        Assert.Equal(TestDocuments.All.Count - 1, reader.Search(new SearchQuery("")).Total);

        var changed = TestDocuments.All[1] with { Title = "A changed title", Authors = [.. TestDocuments.All[1].Authors, new PersonRef("Ein Neuer Autor")] };
        using (var batch = _writer.Batch())
        {
            _writer.Upsert(TestDocuments.All[0], 1);
            _writer.Upsert(changed, 2);
            _writer.Remove(TestDocuments.All[2].Id);
            batch.Commit();
        }

        using var whole = SqliteCatalog.OpenReadOnly(CatalogPath);
        foreach (var query in new[] { new SearchQuery("") { Limit = 100 }, new SearchQuery("changed"), new SearchQuery("") { Filter = new WorkFilter { Author = "neuer" } } })
            Assert.Equal(Json(whole.Search(query)), Json(reader.Search(query)));
        Assert.Equal(Json(whole.List(new WorkFilter())), Json(reader.List(new WorkFilter())));
        Assert.Equal((2, 1), (shared.Builds, shared.Extended));
    }

    private static string Json(object value) => System.Text.Json.JsonSerializer.Serialize(value);

    [Fact]
    public void A_reader_in_an_older_snapshot_keeps_its_index_while_another_shares_the_next()
    {
        var shared = new SharedResultIndex();
        using var older = SqliteCatalog.OpenReadOnly(CatalogPath, shared);
        using var newer = SqliteCatalog.OpenReadOnly(CatalogPath, shared);
        var before = TestDocuments.All.Count - 1;
        using (older.Snapshot())
        {
            Assert.Equal(before, older.Search(new SearchQuery("")).Total);
            _writer.Upsert(TestDocuments.All[0], 1);
            Assert.Equal(before + 1, newer.Search(new SearchQuery("")).Total);
            Assert.Equal(before, older.Search(new SearchQuery("")).Total);
            Assert.Equal(before, older.List(new WorkFilter()).Count);
        }
        Assert.Equal(before + 1, older.List(new WorkFilter()).Count);
        Assert.Equal(2, shared.Builds);
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
    public void Within_a_snapshot_a_reader_sees_one_committed_state_and_the_next_write_after_it()
    {
        using var reader = SqliteCatalog.OpenReadOnly(CatalogPath);
        var before = TestDocuments.All.Count - 1;
        using (reader.Snapshot())
        {
            Assert.Equal(before, reader.Search(new SearchQuery("")).Total);
            _writer.Upsert(TestDocuments.All[0], 1);
            Assert.Equal(before, reader.List(new WorkFilter()).Count);
            Assert.Equal(before, reader.Search(new SearchQuery("")).Total);
            Assert.Equal(before, reader.Count);
        }
        Assert.Equal(before + 1, reader.Search(new SearchQuery("")).Total);
        Assert.Equal(before + 1, reader.List(new WorkFilter()).Count);
    }

    [Fact]
    public void Every_committed_batch_changes_the_generation_a_reader_reads_and_a_rebuilt_catalog_starts_past_it()
    {
        using var reader = SqliteCatalog.OpenReadOnly(CatalogPath);
        var first = reader.Generation;
        Assert.NotEqual(0, first);
        _writer.Upsert(TestDocuments.All[0], 1);
        var second = reader.Generation;
        Assert.True(second > first);
        _writer.Clear();
        var cleared = reader.Generation;
        Assert.True(cleared > second);
        Assert.Equal(cleared, reader.Generation);

        using var rebuilt = SqliteCatalog.Open(Path.Combine(_folder, "rebuilt.sqlite"));
        rebuilt.Upsert(TestDocuments.All[0], 1);
        Assert.True(rebuilt.Generation > cleared);
    }

    [Fact]
    public void A_reader_cannot_write()
    {
        using var reader = SqliteCatalog.OpenReadOnly(CatalogPath);
        Assert.Throws<SqliteException>(() => reader.Upsert(TestDocuments.All[0], 1));
        Assert.Equal(TestDocuments.All.Count - 1, _writer.Count);
    }
}
