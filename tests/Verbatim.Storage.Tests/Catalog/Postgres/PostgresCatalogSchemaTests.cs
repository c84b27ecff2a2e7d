using Npgsql;
using Verbatim.Model;
using Verbatim.Searching;
using Verbatim.Storage.Catalog.Postgres;

namespace Verbatim.Storage.Tests.Catalog.Postgres;

/// <summary>What the PostgreSQL catalog does beyond the contract: its schema, and the limits of PostgreSQL's full text.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresCatalogSchemaTests(PostgresCluster cluster)
{
    private readonly string _database = cluster.NewDatabase();

    private object? Scalar(string sql)
    {
        using var connection = new NpgsqlConnection(_database);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        return command.ExecuteScalar();
    }

    [Fact]
    public void The_schema_version_is_recorded_and_a_catalog_of_another_is_emptied_for_a_rebuild()
    {
        using (var catalog = PostgresCatalog.Open(_database))
        {
            Assert.False(catalog.NeedsRebuild);
            catalog.Upsert(TestDocuments.All[0], 1);
        }
        Assert.Equal("3", Scalar("SELECT value FROM meta WHERE key = 'schema_version'"));
        using (var again = PostgresCatalog.Open(_database))
        {
            Assert.False(again.NeedsRebuild);
            Assert.Equal(1, again.Count);
        }

        Scalar("UPDATE meta SET value = '0' WHERE key = 'schema_version'");
        using var older = PostgresCatalog.Open(_database);

        Assert.True(older.NeedsRebuild);
        Assert.Equal(0, older.Count);
        Assert.Equal("3", Scalar("SELECT value FROM meta WHERE key = 'schema_version'"));
    }

    [Fact]
    public void The_full_text_index_holds_a_short_list_of_rows_not_yet_merged()
    {
        using (var catalog = PostgresCatalog.Open(_database))
            catalog.Upsert(TestDocuments.All[0], 1);

        Assert.Equal("{gin_pending_list_limit=256}", Scalar("SELECT reloptions::text FROM pg_class WHERE relname = 'texts_search'"));
    }

    [Fact]
    public void A_catalog_of_version_2_is_upgraded_in_place_keeping_its_documents()
    {
        using (var catalog = PostgresCatalog.Open(_database))
            catalog.Upsert(TestDocuments.All[0], 1);
        Scalar("ALTER INDEX texts_search RESET (gin_pending_list_limit); UPDATE meta SET value = '2' WHERE key = 'schema_version'");

        using var upgraded = PostgresCatalog.Open(_database);

        Assert.False(upgraded.NeedsRebuild);
        Assert.Equal(1, upgraded.Count);
        Assert.Equal("3", Scalar("SELECT value FROM meta WHERE key = 'schema_version'"));
        Assert.Equal("{gin_pending_list_limit=256}", Scalar("SELECT reloptions::text FROM pg_class WHERE relname = 'texts_search'"));
    }

    [Fact]
    public void Catalogs_opening_one_new_database_at_once_all_open_it()
    {
        var catalogs = Enumerable.Range(0, 4).AsParallel().Select(_ => PostgresCatalog.Open(_database)).ToList();
        try
        {
            catalogs[0].Upsert(TestDocuments.All[0], 1);
            Assert.All(catalogs, c => Assert.Equal(1, c.Count));
        }
        finally
        {
            catalogs.ForEach(c => c.Dispose());
        }
    }

    [Fact]
    public void A_word_longer_than_a_lexeme_may_be_is_stored_and_found_and_a_query_of_one_never_errors()
    {
        var word = "Stalin" + new string('x', 3_000);
        var document = TestDocuments.All[0] with { Id = "long-word", Body = [new Block(BlockType.P, "before " + word + " after", 0)] };
        using var catalog = PostgresCatalog.Open(_database);

        catalog.Upsert(document, 1);

        Assert.Equal(["long-word"], catalog.Search(new SearchQuery(word)).Hits.Select(h => h.Id));
        Assert.Equal(["long-word"], catalog.Search(new SearchQuery($"\"before {word} after\"")).Hits.Select(h => h.Id));
    }

    [Fact]
    public void A_text_of_more_words_than_a_tsvector_holds_is_stored_and_its_early_words_found()
    {
        // Some 1.5 MB of different words: more than PostgreSQL's 1 MB tsvector takes.
        var words = Enumerable.Range(0, 150_000).Select(k => $"w{k:x}q");
        var document = TestDocuments.All[0] with { Id = "many-words", Body = [new Block(BlockType.P, "Grzhebinskaya " + string.Join(' ', words), 0)] };
        using var catalog = PostgresCatalog.Open(_database);

        catalog.Upsert(document, 1);

        Assert.Equal(["many-words"], catalog.Search(new SearchQuery("Grzhebinskaya")).Hits.Select(h => h.Id));
        Assert.Equal(document.BodyText, catalog.Text("many-words")!.Body);
    }
}
