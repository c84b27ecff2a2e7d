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
    public void One_batch_finds_and_stores_what_ingesting_file_by_file_does()
    {
        // One call ingests every seed in one batch: each document is looked up against the
        // fingerprints of those before it that are not written yet.
        var seeds = new[] { "004", "000", "003", "002", "001" }.Select(RepositoryPaths.Seed).ToList();
        using var byFile = Archive.Init(Path.Combine(_folder, "by-file"));
        seeds.ForEach(seed => byFile.Ingest([seed], SeedArchive.Options));
        using var atOnce = Archive.Init(Path.Combine(_folder, "at-once"));
        atOnce.Ingest(seeds, SeedArchive.Options);

        Assert.NotEmpty(AllLinks(atOnce));
        Assert.Equal(AllLinks(byFile), AllLinks(atOnce));
        Assert.Equal(Fingerprints(byFile), Fingerprints(atOnce));
        atOnce.Reindex();
        Assert.Equal(AllLinks(byFile), AllLinks(atOnce));
        Assert.Equal(Fingerprints(byFile), Fingerprints(atOnce));
    }

    [Fact]
    public void A_run_held_too_often_is_not_paired_whether_its_places_are_written_or_not()
    {
        // Seventy letters share one formula; each pairs with the letters before it until the
        // formula is held more than the limit (64) times. Forty arrive in one call, thirty in the
        // next, so the second call counts places in the catalog and in its own unwritten batch.
        var letters = Path.Combine(_folder, "letters");
        Directory.CreateDirectory(letters);
        for (var i = 1; i <= 70; i++)
        {
            var own = string.Join(' ', Enumerable.Range(0, 40).Select(k => $"w{i}x{k}"));
            File.WriteAllText(Path.Combine(letters, $"letter-{i:000}.txt"),
                $"Letter {i}\n\n{own} the committee resolved that every member shall attend the plenary session in person {own}\n");
        }
        var files = Directory.GetFiles(letters).Order(StringComparer.Ordinal).ToList();
        var options = SeedArchive.Options with { Format = "text" };
        using var byFile = Archive.Init(Path.Combine(_folder, "by-file"));
        files.ForEach(file => byFile.Ingest([file], options));
        using var inTwo = Archive.Init(Path.Combine(_folder, "in-two"));
        inTwo.Ingest(files.Take(40), options);
        inTwo.Ingest(files.Skip(40), options);

        var links = AllLinks(byFile);
        Assert.NotEmpty(links);
        Assert.Equal(links, AllLinks(inTwo));
        // The formula's runs are held 70 times in the end; the last letters came after the limit,
        // and pair only with themselves (each gives its own words twice).
        var paired = links.Where(l => l.SourceId != l.TargetId).SelectMany(l => new[] { l.SourceId, l.TargetId }).ToHashSet();
        Assert.Contains("letter-64", paired);
        Assert.DoesNotContain("letter-65", paired);
        Assert.DoesNotContain("letter-70", paired);
        Assert.Equal(Fingerprints(byFile), Fingerprints(inTwo));
    }

    /// <summary>Every fingerprint the catalog holds, by document id (rowids differ between archives).</summary>
    private static List<(long Hash, string Id, long Word, long Start)> Fingerprints(Archive archive)
    {
        using var connection = new SqliteConnection($"Data Source={archive.Layout.Catalog};Mode=ReadOnly;Pooling=false");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT f.hash, d.id, f.word, f.start FROM fingerprints f JOIN documents d ON d.rowid = f.document ORDER BY 1, 2, 3";
        using var reader = command.ExecuteReader();
        var rows = new List<(long, string, long, long)>();
        while (reader.Read())
            rows.Add((reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2), reader.GetInt64(3)));
        return rows;
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
