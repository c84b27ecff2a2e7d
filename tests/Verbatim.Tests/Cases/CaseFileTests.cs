using System.Text;
using Verbatim.Archiving;
using Verbatim.Cases;
using Verbatim.Storing;
using Verbatim.Tests.Archiving;

namespace Verbatim.Tests.Cases;

/// <summary>Case files are objects of the store of their own: versioned, audited, untouched by reindex, and each citation held at its version.</summary>
public sealed class CaseFileTests : ArchiveFolderTests
{
    private static readonly StoreUser Historian = new("historian", "mailto:historian@example.org");

    private const string Polemic = "trotsky-1930-03-22-with-lenin-against-stalin";

    private const string Greeting = "If for some reason you do not agree, send me back all the papers. I will consider that a sign of your disagreement. With Communist greetings";

    private static string Sample(string name) => Path.Combine(RepositoryPaths.Root, "samples", "mia", name);

    private Archive WithPolemic()
    {
        var archive = Archive.Init(ArchivePath);
        Assert.Empty(archive.Ingest([Sample("trotsky-1930-with-lenin-against-stalin.txt"), Sample("lenin-1921-05-30-to-lutovinov.txt")], Options).Failed);
        return archive;
    }

    [Fact]
    public void A_case_is_an_object_of_its_own_each_change_a_version_by_its_author_and_the_store_lists_no_case_as_a_document()
    {
        using var archive = WithPolemic();
        var documents = archive.Store.Ids().ToList();

        archive.NewCase("greeting", "Did the closing words change?", "The polemic says so.", Historian);
        archive.AddToCase("greeting", CaseItems.Document(archive, Polemic), Historian);
        archive.AddToCase("greeting", new NoteItem("Compare with the letter as printed."), Historian);
        var stored = archive.ReadCase("greeting")!;

        Assert.Equal(documents, archive.Store.Ids().ToList());
        Assert.Equal(["greeting"], archive.CaseIds());
        Assert.Equal(3, stored.Version.Number);
        Assert.Equal(["new case: Did the closing words change?", $"added document {Polemic} version 1", "added note"], archive.CaseHistory("greeting").Select(v => v.Message));
        Assert.All(archive.CaseHistory("greeting"), v => Assert.Equal("historian", v.User.Name));
        Assert.Equal(("Did the closing words change?", "The polemic says so.", "historian"), (stored.Case.Question, stored.Case.Summary, stored.Case.Author.Name));
        Assert.Equal([new DocumentItem(Polemic, 1), new NoteItem("Compare with the letter as printed.")], stored.Case.Items);
        Assert.Empty(archive.ReadCase("greeting", 1)!.Case.Items);
        Assert.Equal(Archive.CaseObjectId("greeting"), archive.Log.Entries().Last().Document);
    }

    [Fact]
    public void A_passage_keeps_its_version_range_and_words_and_a_quotation_check_keeps_its_answer()
    {
        using var archive = WithPolemic();
        archive.NewCase("greeting", "Did the closing words change?", null, Historian);
        var text = archive.Show(Polemic)!.BodyText;
        var at = text.IndexOf("With the very best comradely greetings", StringComparison.Ordinal);

        var byRange = CaseItems.Passage(archive, $"{Polemic}@1", at, at + 38);
        var byWords = CaseItems.Passage(archive, Polemic, "With the very best comradely greetings");
        var check = CaseItems.Quotation(archive, Greeting);
        archive.AddToCase("greeting", check, Historian);

        Assert.Equal(new PassageItem(Polemic, 1, at, at + 38, "With the very best comradely greetings"), byRange);
        Assert.Equal(byRange, byWords);
        var source = Assert.Single(((QuotationItem)archive.ReadCase("greeting")!.Case.Items[0]).Matches);
        Assert.Equal((Polemic, 1), (source.Id, source.Version));
        Assert.Contains(source.Differences, d => (d.Type, d.Quoted, d.Source) == ("substitution", "Communist", "the very best comradely"));
        Assert.Equal("the very best comradely", text[source.Differences.First(d => d.Type == "substitution").Offset..][..23]);
    }

    [Fact]
    public void A_case_survives_a_reindex_byte_for_byte_with_its_versions()
    {
        using var archive = WithPolemic();
        archive.NewCase("greeting", "Did the closing words change?", null, Historian);
        archive.AddToCase("greeting", CaseItems.Passage(archive, Polemic, "With the very best comradely greetings"), Historian);
        var objectRoot = Path.Combine(ArchivePath, "store", Storage.Ocfl.OcflStore.Layout.PathFor(Archive.CaseObjectId("greeting")));
        var before = Directory.GetFiles(objectRoot, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(f => (f, Convert.ToHexString(File.ReadAllBytes(f)))).ToList();

        archive.Reindex();

        Assert.Equal(before, Directory.GetFiles(objectRoot, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(f => (f, Convert.ToHexString(File.ReadAllBytes(f)))).ToList());
        Assert.Equal(2, archive.ReadCase("greeting")!.Version.Number);
        Assert.Single(archive.ReadCase("greeting")!.Case.Items);
    }

    [Fact]
    public void A_cited_range_still_points_at_the_cited_version_after_a_new_version_and_what_changed_in_it_is_found()
    {
        using var archive = Archive.Init(ArchivePath);
        var letter = Input("letter.txt", "A letter\n\nThe first paragraph says one thing.\n\nThe closing words are: with comradely greetings, Lenin.\n");
        var id = archive.Ingest([letter], Options).Documents[0].Id;
        archive.NewCase("closing", "Did the closing change?", null, Historian);
        var cited = CaseItems.Passage(archive, id, "with comradely greetings, Lenin.");
        archive.AddToCase("closing", cited, Historian);

        File.WriteAllText(letter, "A letter\n\nThe first paragraph, now longer, says one thing and another.\n\nThe closing words are: with Communist greetings, Lenin.\n");
        Assert.Equal(2, archive.Ingest([letter], Options).Documents[0].Version);

        var kept = (PassageItem)archive.ReadCase("closing")!.Case.Items[0];
        Assert.Equal(cited, kept);
        Assert.Equal(kept.Text, archive.Show(id, kept.Version)!.BodyText[kept.Start..kept.End]);
        Assert.NotEqual(kept.Text, archive.Show(id)!.BodyText[kept.Start..kept.End]);
        var changes = VersionDiff.WithinRange(archive.Show(id, 1)!.BodyText, archive.Show(id)!.BodyText, kept.Start, kept.End);
        Assert.Equal("with Communist greetings, Lenin.", changes.Now);
        Assert.Equal([new WordChange("with", "comradely", "Communist")], changes.Changes);
    }

    [Fact]
    public void A_range_that_reads_the_same_in_the_newer_version_has_no_change()
    {
        var changes = VersionDiff.WithinRange("one two three four five", "zero one two three four five six", 4, 13);
        Assert.Equal(("two three", 0), (changes.Now, changes.Changes.Count));
    }

    [Fact]
    public void What_cannot_be_cited_is_refused_by_name_and_nothing_is_written()
    {
        using var archive = WithPolemic();
        archive.NewCase("greeting", "Did the closing words change?", null, Historian);
        var length = archive.Show(Polemic)!.BodyText.Length;

        Assert.Equal("no document 'no-such-letter' in the archive", Assert.Throws<ArchiveException>(() => CaseItems.Document(archive, "no-such-letter")).Message);
        Assert.Equal($"no version 7 of '{Polemic}' (it has 1)", Assert.Throws<ArchiveException>(() => CaseItems.Document(archive, $"{Polemic}@7")).Message);
        Assert.Equal($"characters 10–{length + 5} are past the end of '{Polemic}' version 1: its text has {length} characters",
            Assert.Throws<ArchiveException>(() => CaseItems.Passage(archive, Polemic, 10, length + 5)).Message);
        Assert.Contains("does not read", Assert.Throws<ArchiveException>(() => CaseItems.Passage(archive, Polemic, "With Communist greetings")).Message, StringComparison.Ordinal);
        Assert.Contains("more than once", Assert.Throws<ArchiveException>(() => CaseItems.Passage(archive, Polemic, "Stalin")).Message, StringComparison.Ordinal);
        Assert.Contains("two witnesses", Assert.Throws<ArchiveException>(() => CaseItems.Collation(archive, [Polemic])).Message, StringComparison.Ordinal);
        Assert.Equal("no document '_name-variants' in the archive", Assert.Throws<ArchiveException>(() => CaseItems.Document(archive, "_name-variants")).Message);
        Assert.Equal("no case 'nothing' in the archive (verbatim case list shows them)",
            Assert.Throws<ArchiveException>(() => archive.AddToCase("nothing", new NoteItem("a note"), Historian)).Message);
        Assert.Contains("already", Assert.Throws<ArchiveException>(() => archive.NewCase("greeting", "Again?", null, Historian)).Message, StringComparison.Ordinal);
        Assert.Contains("cannot name a case", Assert.Throws<ArchiveException>(() => archive.NewCase("../up", "Where?", null, Historian)).Message, StringComparison.Ordinal);
        Assert.Single(archive.CaseHistory("greeting"));
    }

    [Fact]
    public void A_collation_item_names_each_witness_at_its_version_and_range()
    {
        using var archive = WithPolemic();
        var item = CaseItems.Collation(archive, [$"{Polemic}@1:0-40", "lenin-1921-05-30-to-lutovinov"]);

        Assert.Equal([new CitedWitness(Polemic, 1, 0, 40), new CitedWitness("lenin-1921-05-30-to-lutovinov", 1)], item.Witnesses);
        Assert.Equal(archive.Show(Polemic)!.BodyText[..40], CaseItems.WitnessText(archive.Show(Polemic)!, item.Witnesses[0]));
    }

    [Fact]
    public void The_audit_finds_a_changed_case_and_reading_it_says_it_is_damaged()
    {
        using var archive = WithPolemic();
        archive.NewCase("greeting", "Did the closing words change?", null, Historian);
        var objectRoot = Path.Combine(ArchivePath, "store", Storage.Ocfl.OcflStore.Layout.PathFor(Archive.CaseObjectId("greeting")));
        var content = Path.Combine(objectRoot, "v1", "content", "case.json");
        File.WriteAllText(content, File.ReadAllText(content).Replace("closing", "opening", StringComparison.Ordinal));

        var report = archive.Audit();

        Assert.Contains(report.Findings, f => f.Code == "E092" && f.Document == Archive.CaseObjectId("greeting"));
        Assert.Contains("damaged", Assert.Throws<ArchiveException>(() => archive.ReadCase("greeting")).Message, StringComparison.Ordinal);
        // The folder's own check after the test would fail on the damage made on purpose.
        File.WriteAllText(content, File.ReadAllText(content).Replace("opening", "closing", StringComparison.Ordinal));
    }

    [Fact]
    public void Case_json_reads_back_into_the_same_case_with_each_item_kind_named()
    {
        var original = new CaseFile
        {
            Id = "c",
            Question = "Q?",
            Author = Historian,
            Items = [new DocumentItem("a", 1), new PassageItem("a", 2, 3, 5, "xy"), new NoteItem("n"),
                new CollationItem([new CitedWitness("a", 1), new CitedWitness("b", 2, 0, 4)]),
                new QuotationItem("q", 5, [new QuotationSource("a", 1, 0, 9, 0.8, 4, "p", [new QuotationDifference("substitution", "x", "y", 3, 1)])], [])],
        };
        var json = Encoding.UTF8.GetString(CaseJson.ToUtf8(original));

        var read = CaseJson.Read(Encoding.UTF8.GetBytes(json));

        Assert.Equal(CaseJson.Serialize(original), CaseJson.Serialize(read));
        // Items holding lists compare by reference; their equality is the serialised form's, above.
        Assert.Equal(original.Items.Take(3), read.Items.Take(3));
        Assert.Contains("\"kind\": \"passage\"", json, StringComparison.Ordinal);
    }
}
