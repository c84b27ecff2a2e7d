using Microsoft.Data.Sqlite;
using Verbatim.Archiving;
using Verbatim.Model;

namespace Verbatim.Tests.Quoting;

public sealed class QuoteLinkIndexingTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"verbatim-links-{Guid.NewGuid():N}");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private static List<QuoteLink> AllLinks(Archive archive) =>
        [.. archive.Store.Ids().SelectMany(archive.QuoteLinks).Distinct().OrderBy(l => l.ToString(), StringComparer.Ordinal)];

    [Fact]
    public void Links_found_file_by_file_at_ingest_are_the_links_a_rebuild_finds_at_once()
    {
        using var archive = Archive.Init(_folder);
        foreach (var seed in new[] { "004", "000", "003", "002", "001" })
            archive.Ingest([RepositoryPaths.Seed(seed)], SeedArchive.Options);
        var atIngest = AllLinks(archive);
        Assert.NotEmpty(atIngest);

        archive.Reindex();
        Assert.Equal(atIngest, AllLinks(archive));
    }

    [Fact]
    public void Fingerprints_of_an_older_scheme_are_rebuilt_when_the_archive_opens()
    {
        List<QuoteLink> before;
        using (var archive = Archive.Init(_folder))
        {
            archive.Ingest([RepositoryPaths.Seed("004")], SeedArchive.Options);
            before = AllLinks(archive);
        }
        using (var connection = new SqliteConnection($"Data Source={Path.Combine(_folder, "catalog.sqlite")};Pooling=false"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "UPDATE meta SET value = 'an-older-scheme' WHERE key = 'fingerprint_scheme'; DELETE FROM quote_links;";
            command.ExecuteNonQuery();
        }

        using var reopened = Archive.Open(_folder);
        Assert.NotEqual("an-older-scheme", reopened.Catalog.FingerprintScheme);
        Assert.Equal(before, AllLinks(reopened));
    }
}
