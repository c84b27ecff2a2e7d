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

    /// <summary>Letters that each give their own words around one formula of twelve words; letter i's text.</summary>
    private static string FormulaLetter(int i, bool withFormula = true)
    {
        var own = string.Join(' ', Enumerable.Range(0, 40).Select(k => $"w{i}x{k}"));
        var formula = withFormula ? "the committee resolved that every member shall attend the plenary session in person" : "";
        return $"Letter {i}\n\n{own} {formula} {own}\n";
    }

    private List<string> WriteFormulaLetters(string folder, int count, Func<int, bool>? withFormula = null)
    {
        var letters = Path.Combine(_folder, folder);
        Directory.CreateDirectory(letters);
        for (var i = 1; i <= count; i++)
            File.WriteAllText(Path.Combine(letters, $"letter-{i:000}.txt"), FormulaLetter(i, withFormula?.Invoke(i) ?? true));
        return [.. Directory.GetFiles(letters).Order(StringComparer.Ordinal)];
    }

    private static readonly IngestOptions TextOptions = SeedArchive.Options with { Format = "text" };

    [Fact]
    public void A_run_held_more_often_than_the_limit_is_paired_nowhere_however_the_letters_arrive()
    {
        // Seventy letters share one formula, held more than the limit (64) times in the end. It
        // pairs no two letters, whether they arrived one by one, in two calls, or in a rebuild;
        // each letter gives its own words twice, and only that is a passage.
        var files = WriteFormulaLetters("letters", 70);
        using var byFile = Archive.Init(Path.Combine(_folder, "by-file"));
        files.ForEach(file => byFile.Ingest([file], TextOptions));
        using var inTwo = Archive.Init(Path.Combine(_folder, "in-two"));
        inTwo.Ingest(files.Take(40), TextOptions);
        inTwo.Ingest(files.Skip(40), TextOptions);

        var links = AllLinks(byFile);
        Assert.Equal(70, links.Count);
        Assert.All(links, l => Assert.Equal(l.SourceId, l.TargetId));
        Assert.Equal(links, AllLinks(inTwo));
        Assert.Equal(Fingerprints(byFile), Fingerprints(inTwo));
        byFile.Reindex();
        Assert.Equal(links, AllLinks(byFile));
    }

    [Fact]
    public void A_correction_that_brings_a_formula_under_the_limit_pairs_the_letters_that_still_hold_it()
    {
        // Seventy letters hold the formula; corrected versions of ten drop it, and the sixty left
        // hold it fewer times than the limit: every two of them now share it, as a rebuild finds.
        var files = WriteFormulaLetters("letters", 70);
        using var archive = Archive.Init(Path.Combine(_folder, "archive"));
        archive.Ingest(files, TextOptions);
        Assert.All(AllLinks(archive), l => Assert.Equal(l.SourceId, l.TargetId));

        var corrected = WriteFormulaLetters("corrected", 70, withFormula: i => i > 10).Take(10).ToList();
        Assert.All(archive.Ingest(corrected, TextOptions).Documents, d => Assert.Equal(Storing.WriteStatus.Updated, d.Status));

        var links = AllLinks(archive);
        Assert.Equal(60 * 59 / 2, links.Count(l => l.SourceId != l.TargetId));
        archive.Reindex();
        Assert.Equal(links, AllLinks(archive));
    }

    [Fact]
    public void Six_hundred_real_letters_ingested_then_corrected_hold_the_links_a_rebuild_finds()
    {
        // Every letter is corrected by an editor's words at the start of its text: a run the
        // corrections share, formulaic once all are in, as the Schnitzler letters' own envelopes and
        // letterheads are formulaic or not depending on how many letters hold them.
        var letters = Directory.GetFiles(RepositoryPaths.Shared("corpus", "schnitzler-tei"), "*.xml").Order(StringComparer.Ordinal).Take(600).ToList();
        using var archive = Archive.Init(Path.Combine(_folder, "archive"));
        Assert.Empty(archive.Ingest(letters, SeedArchive.Options).Failed);
        var corrections = Path.Combine(_folder, "corrected");
        Directory.CreateDirectory(corrections);
        var corrected = new List<string>();
        foreach (var letter in letters)
        {
            var xml = File.ReadAllText(letter);
            var body = xml.IndexOf("<body", StringComparison.Ordinal);
            var paragraph = body < 0 ? -1 : xml.IndexOf("<p", body, StringComparison.Ordinal);
            var opened = paragraph < 0 ? -1 : xml.IndexOf('>', paragraph);
            Assert.True(opened > 0, letter);
            var target = Path.Combine(corrections, Path.GetFileName(letter));
            File.WriteAllText(target, xml[..(opened + 1)] + "nach einer Prüfung der Handschrift berichtigt " + xml[(opened + 1)..]);
            corrected.Add(target);
        }
        archive.Ingest(corrected.Take(300), SeedArchive.Options);
        archive.Ingest(corrected.Skip(300), SeedArchive.Options);
        var atIngest = AllLinks(archive);

        archive.Reindex();
        Assert.Equal(atIngest, AllLinks(archive));
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

    /// <summary>Letters 1 to <paramref name="count"/>, each of sixty words of its own put into its text by <paramref name="text"/>; their files in order.</summary>
    private List<string> WriteLetters(string folder, int count, Func<int, string, string> text)
    {
        var letters = Path.Combine(_folder, folder);
        Directory.CreateDirectory(letters);
        return [.. Enumerable.Range(1, count).Select(i =>
        {
            var file = Path.Combine(letters, $"letter-{i}.txt");
            File.WriteAllText(file, text(i, string.Join(' ', Enumerable.Range(0, 60).Select(k => $"w{i}x{k}"))));
            return file;
        })];
    }

    private const string Letterhead = "Verlag der Wiener Rundschau Wien Kohlmarkt sieben Fernsprecher Telegramme Rundschau Redaktion Schriftleitung";
    private const string Quotation = "the question of the monopoly of foreign trade must be settled in our favour at the plenum";

    [Fact]
    public void A_letterhead_many_letters_carry_is_boilerplate_kept_out_of_their_links_unless_asked_for_however_they_arrive()
    {
        // Letters 1-4 carry one letterhead; letters 5 and 6 share a passage no other letter gives.
        var files = WriteLetters("letterheads", 6, (i, own) => $"Letter {i}\n\n{(i <= 4 ? Letterhead : "")}\n\n{own} {(i >= 5 ? Quotation : "")} w{i}end.\n");
        using var atOnce = Archive.Init(Path.Combine(_folder, "at-once"));
        var ids = atOnce.Ingest(files, TextOptions).Documents.Select(d => d.Id).ToList();
        using var byFile = Archive.Init(Path.Combine(_folder, "by-file"));
        Enumerable.Reverse(files).ToList().ForEach(file => byFile.Ingest([file], TextOptions));

        foreach (var archive in new[] { atOnce, byFile })
        {
            var headed = archive.QuoteLinkSides(ids[0]);
            Assert.Equal(3, headed.Boilerplate.Count);
            Assert.Empty(headed.Quotes.Concat(headed.QuotedIn).Concat(headed.SharedWith));
            Assert.Equal(3, archive.QuoteLinkSides(ids[0], withBoilerplate: true).SharedWith.Count);
            var quoting = archive.QuoteLinkSides(ids[4]);
            Assert.Empty(quoting.Boilerplate);
            var shared = Assert.Single(quoting.SharedWith);
            Assert.Equal(ids[5], shared.SourceId == ids[4] ? shared.TargetId : shared.SourceId);
        }
    }

    [Fact]
    public void A_letterhead_a_letter_gives_twice_is_boilerplate_within_the_letter_too()
    {
        var files = WriteLetters("twice", 3, (i, own) => $"Letter {i}\n\n{Letterhead}\n\n{own}\n\n{(i == 1 ? Letterhead : "")}\n");
        using var archive = Archive.Init(Path.Combine(_folder, "archive"));
        var id = archive.Ingest(files, TextOptions).Documents[0].Id;

        var sides = archive.QuoteLinkSides(id);

        Assert.Contains(sides.Boilerplate, l => l.SourceId == id && l.TargetId == id);
        Assert.Empty(sides.Quotes);
        Assert.Contains(archive.QuoteLinkSides(id, withBoilerplate: true).Quotes, l => l.SourceId == id && l.TargetId == id);
    }
}
