using Verbatim.Archiving;
using Verbatim.Searching;

namespace Verbatim.Tests.Archiving;

/// <summary>An archive's catalog chosen at init, used by every opening, and moved from one backend to the other.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ArchiveCatalogChoiceTests(PostgresCluster cluster) : ArchiveFolderTests
{
    // Words, phrases, prefixes, the three operators, filters and text a parser could stumble on:
    // the mix of the archive benchmark in small, with what a user types by mistake.
    private static readonly string[] Queries =
    [
        "", "Wien", "wien", "Arthur", "Schnitzler", "Brief", "herzlich*", "\"lieber Freund\"", "\"herzliche Grüße\"", "Wien AND Berlin",
        "Brief OR Karte", "Wien NOT Berlin", "Zeit", "Theater", "Buch*", "\"unbalanced", "Wien)", "(a OR", "AND", "-", "*", "Wien*Berlin", "'; DROP TABLE documents; --",
        "nirgendwoxyz",
    ];

    private IReadOnlyList<string> Letters(int count) => [.. Directory.GetFiles(RepositoryPaths.Shared("corpus", "schnitzler-tei"), "*.xml").Order(StringComparer.Ordinal).Take(count)];

    [Fact]
    public void An_archive_made_on_postgresql_records_it_and_every_opening_uses_it()
    {
        var address = cluster.NewDatabaseAddress();
        using (var archive = Archive.Init(ArchivePath, address))
        {
            Assert.Equal("postgresql", archive.CatalogLocation.Backend);
            archive.Ingest([.. Letters(20)], Options);
        }

        Assert.Equal(address, File.ReadAllText(Path.Combine(ArchivePath, "catalog.location")).Trim());
        Assert.False(File.Exists(Path.Combine(ArchivePath, "catalog.sqlite")));
        using (var reader = Archive.OpenForReading(ArchivePath))
        {
            Assert.Equal(20, reader.Catalog.Count);
            Assert.Equal(20, reader.Search(new SearchQuery("")).Total);
            using var connection = reader.OpenCatalogReader();
            Assert.Equal(20, connection.List(new WorkFilter()).Count);
            // A reader's connection refuses to write, whatever asks it to.
            Assert.ThrowsAny<Npgsql.PostgresException>(() => connection.Clear());
        }
        using var writer = Archive.Open(ArchivePath);
        writer.Ingest([.. Letters(25)], Options);
        Assert.Equal(25, writer.Catalog.Count);
    }

    [Fact]
    public void A_database_made_anew_under_an_archive_is_rebuilt_from_the_store_when_the_archive_is_next_opened()
    {
        var address = cluster.NewDatabaseAddress();
        using (var archive = Archive.Init(ArchivePath, address))
            archive.Ingest([.. Letters(7)], Options);
        using (var connection = new Npgsql.NpgsqlConnection(Verbatim.Storage.Catalog.Postgres.PostgresAddress.ToConnectionString(address, "the test")))
        {
            connection.Open();
            using var drop = new Npgsql.NpgsqlCommand("DROP SCHEMA public CASCADE; CREATE SCHEMA public", connection);
            drop.ExecuteNonQuery();
        }

        using var reader = Archive.OpenForReading(ArchivePath);

        Assert.Equal(7, reader.Catalog.Count);
        Assert.Equal(7, reader.Search(new SearchQuery("")).Total);
    }

    [Fact]
    public void A_catalog_of_an_older_schema_is_upgraded_in_place_when_the_archive_is_next_opened()
    {
        var address = cluster.NewDatabaseAddress();
        using (var archive = Archive.Init(ArchivePath, address))
            archive.Ingest([.. Letters(6)], Options);
        using (var connection = new Npgsql.NpgsqlConnection(Verbatim.Storage.Catalog.Postgres.PostgresAddress.ToConnectionString(address, "the test")))
        {
            connection.Open();
            using var older = new Npgsql.NpgsqlCommand("UPDATE meta SET value = '0' WHERE key = 'schema_version'", connection);
            older.ExecuteNonQuery();
        }

        using var reader = Archive.OpenForReading(ArchivePath);

        Assert.True(reader.Catalog.IsCurrent);
        Assert.Equal(6, reader.Search(new SearchQuery("")).Total);
        Assert.Equal(address, File.ReadAllText(Path.Combine(ArchivePath, "catalog.location")).Trim());
    }

    [Fact]
    public void A_catalog_named_by_an_environment_variable_keeps_the_connection_string_out_of_the_archive()
    {
        var variable = $"VERBATIM_TEST_CATALOG_{Guid.NewGuid():N}";
        Environment.SetEnvironmentVariable(variable, new Npgsql.NpgsqlConnectionStringBuilder(cluster.NewDatabase()).ConnectionString);
        try
        {
            using (var archive = Archive.Init(ArchivePath, $"env:{variable}"))
                archive.Ingest([.. Letters(3)], Options);
            Assert.Equal($"env:{variable}", File.ReadAllText(Path.Combine(ArchivePath, "catalog.location")).Trim());
            using (var reader = Archive.OpenForReading(ArchivePath))
                Assert.Equal(3, reader.Catalog.Count);
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
        var unset = Assert.Throws<ArchiveException>(() => Archive.OpenForReading(ArchivePath));
        Assert.Contains($"${variable}, which is not set", unset.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("postgresql://someone@127.0.0.1:5432/db?nonsense=1", "\"nonsense\" is not one Verbatim passes on")]
    [InlineData("mysql://someone@host/db", "neither \"sqlite\", a postgresql:// address nor a connection string")]
    [InlineData("Port=5432;Database=x", "names no Host")]
    [InlineData("env:", "names no environment variable")]
    public void A_catalog_named_wrongly_is_refused_naming_the_fault_and_nothing_is_made(string catalog, string fault)
    {
        var refused = Assert.Throws<ArchiveException>(() => Archive.Init(ArchivePath, catalog));
        Assert.StartsWith("--catalog: ", refused.Message, StringComparison.Ordinal);
        Assert.Contains(fault, refused.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(ArchivePath));
    }

    [Fact]
    public void A_second_archive_named_at_another_archives_database_is_refused_and_the_first_keeps_its_catalog()
    {
        var address = cluster.NewDatabaseAddress();
        using (var first = Archive.Init(ArchivePath, address))
            first.Ingest([.. Letters(5)], Options);
        var second = Path.Combine(Path.GetDirectoryName(ArchivePath)!, "second-archive");

        var refused = Assert.Throws<ArchiveException>(() => Archive.Init(second, address));

        Assert.Contains("belongs to another archive", refused.Message, StringComparison.Ordinal);
        // Nothing of the second archive is left half made, and the first reads as before.
        Assert.False(Directory.Exists(second) && Directory.EnumerateFileSystemEntries(second).Any());
        using var reader = Archive.OpenForReading(ArchivePath);
        Assert.Equal(5, reader.Catalog.Count);
        // A folder whose catalog.location is edited to name the first's database is refused by readers and writers alike.
        Directory.CreateDirectory(second);
        using (Archive.Init(second)) { }
        File.WriteAllText(Path.Combine(second, "catalog.location"), address);
        Assert.Contains("belongs to another archive", Assert.Throws<ArchiveException>(() => Archive.Open(second)).Message, StringComparison.Ordinal);
        Assert.Contains("belongs to another archive", Assert.Throws<ArchiveException>(() => Archive.OpenForReading(second)).Message, StringComparison.Ordinal);
        Assert.Equal(5, Archive.OpenForReading(ArchivePath).Catalog.Count);
    }

    [Fact]
    public void An_archive_made_before_archives_had_ids_gets_one_and_its_catalog_records_it()
    {
        var address = cluster.NewDatabaseAddress();
        using (var made = Archive.Init(ArchivePath, address))
            made.Ingest([.. Letters(2)], Options);
        // As an archive and a catalog made before either recorded an id.
        File.Delete(Path.Combine(ArchivePath, "archive.id"));
        using (var connection = new Npgsql.NpgsqlConnection(Verbatim.Storage.Catalog.Postgres.PostgresAddress.ToConnectionString(address, "the test")))
        {
            connection.Open();
            using var forget = new Npgsql.NpgsqlCommand("DELETE FROM meta WHERE key = 'archive'", connection);
            Assert.Equal(1, forget.ExecuteNonQuery());
        }

        using var archive = Archive.Open(ArchivePath);

        var id = File.ReadAllText(Path.Combine(ArchivePath, "archive.id")).Trim();
        Assert.Equal(32, id.Length);
        Assert.Equal(id, archive.Catalog.ArchiveId);
        Assert.Equal(2, archive.Catalog.Count);
    }

    [Fact]
    public void An_archive_whose_id_file_is_lost_takes_it_back_from_the_catalog_in_its_folder()
    {
        string id;
        using (var made = Archive.Init(ArchivePath))
            id = made.Catalog.ArchiveId!;
        File.Delete(Path.Combine(ArchivePath, "archive.id"));

        using var archive = Archive.Open(ArchivePath);

        Assert.Equal(id, File.ReadAllText(Path.Combine(ArchivePath, "archive.id")).Trim());
    }

    [Fact]
    public void An_existing_archive_is_not_moved_by_init()
    {
        Archive.Init(ArchivePath).Dispose();
        var refused = Assert.Throws<ArchiveException>(() => Archive.Init(ArchivePath, cluster.NewDatabaseAddress()));
        Assert.Contains("catalog migrate", refused.Message, StringComparison.Ordinal);
        Assert.Equal("sqlite", File.ReadAllText(Path.Combine(ArchivePath, "catalog.location")).Trim());
    }

    [Fact]
    public void Catalogs_built_from_one_store_on_sqlite_and_on_postgresql_answer_alike_and_migrate_both_ways()
    {
        using var archive = Archive.Init(ArchivePath);
        archive.Ingest([.. Letters(150), RepositoryPaths.Seed("000"), RepositoryPaths.Seed("001")], Options);
        var onSqlite = Answers(archive);
        Assert.True(archive.Search(new SearchQuery("Wien")).Total > 10, "the queries find something in the corpus");

        var (report, leftBehind) = archive.MigrateCatalog(cluster.NewDatabaseAddress());

        Assert.Equal(152, report.Documents);
        Assert.Null(leftBehind);
        Assert.Equal("postgresql", archive.CatalogLocation.Backend);
        Assert.False(File.Exists(Path.Combine(ArchivePath, "catalog.sqlite")));
        Assert.Equal(onSqlite, Answers(archive));
        using (var reader = Archive.OpenForReading(ArchivePath))
            Assert.Equal(onSqlite, Answers(reader));

        var (back, database) = archive.MigrateCatalog("sqlite");
        Assert.Equal(152, back.Documents);
        Assert.Contains("drop them (or the database)", database, StringComparison.Ordinal);
        Assert.Equal(onSqlite, Answers(archive));
    }

    [Fact]
    public void A_migration_that_cannot_reach_its_database_leaves_the_archive_on_its_catalog()
    {
        using var archive = Archive.Init(ArchivePath);
        archive.Ingest([.. Letters(5)], Options);

        var refused = Assert.Throws<ArchiveException>(() => archive.MigrateCatalog($"postgresql://nobody@127.0.0.1:{cluster.Port}/no_such_database"));

        Assert.Contains("cannot open the catalog (PostgreSQL database no_such_database", refused.Message, StringComparison.Ordinal);
        Assert.Equal("sqlite", archive.CatalogLocation.Backend);
        Assert.Equal(5, archive.Search(new SearchQuery("")).Total);
        using var reader = Archive.OpenForReading(ArchivePath);
        Assert.Equal(5, reader.Catalog.Count);
    }

    /// <summary>What each query answers: how many, which documents (in any order: the two rank by their own measures), the facets, or the error.</summary>
    private static List<string> Answers(Archive archive)
    {
        var authors = archive.Search(new SearchQuery("")).Facets["author"].Take(2).Select(f => f.Value).ToList();
        var filters = new List<WorkFilter> { new(), new() { YearFrom = 1900, YearTo = 1905 }, new() { Kind = "letter" } };
        filters.AddRange(authors.Select(a => new WorkFilter { Author = a }));
        var answers = new List<string>();
        foreach (var text in Queries)
        {
            foreach (var filter in filters)
            {
                try
                {
                    var results = archive.Search(new SearchQuery(text) { Filter = filter, Limit = 1000 });
                    var facets = string.Join(" | ", results.Facets.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key}: {string.Join(", ", f.Value.Select(v => $"{v.Value}={v.Count}"))}"));
                    answers.Add($"{text} {filter}: {results.Total} [{string.Join(" ", results.Hits.Select(h => h.Id).Order(StringComparer.Ordinal))}] {facets}");
                }
                catch (QuerySyntaxException exception)
                {
                    answers.Add($"{text} {filter}: refused at {exception.Position}");
                }
            }
        }
        return answers;
    }
}
