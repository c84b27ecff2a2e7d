using Verbatim.Formats.Common;
using Verbatim.Formats.MiaText;
using Verbatim.Model;
using Verbatim.Reading;

namespace Verbatim.Formats.Tests.MiaText;

public class MiaTextReaderTests
{
    private static readonly MiaTextReader Reader = new();

    public static Document ReadSeed(string prefix)
    {
        var path = SharedMaterial.Seed(prefix);
        var result = Reader.Read(TextDecoding.Decode(Path.GetFileName(path), File.ReadAllBytes(path)));
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        return Assert.Single(result.Documents);
    }

    private static Document Read(string text, string name = "page.txt")
    {
        var result = Reader.Read(TextDecoding.Decode(name, System.Text.Encoding.UTF8.GetBytes(text)));
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        return Assert.Single(result.Documents);
    }

    [Theory]
    [InlineData("000")]
    [InlineData("001")]
    [InlineData("002")]
    [InlineData("004")]
    public void Seed_page_matches_its_reviewed_golden_json(string prefix)
    {
        var document = ReadSeed(prefix);
        Golden.VerifyDocuments(SharedMaterial.TestFolder("MiaText", "Golden", prefix + ".expected.json"), [document]);
    }

    [Fact]
    public void Note_written_on_another_letter_reads_every_header_field()
    {
        var document = ReadSeed("000");
        Assert.Equal("lenin-1921-10-20-to-stalin", document.Id);
        Assert.Equal(DocumentKind.Letter, document.Kind);
        Assert.Equal("V. I. Lenin", Assert.Single(document.Authors).Name);
        var addressee = Assert.Single(document.Addressees);
        Assert.Equal(("J. V. Stalin", "J. V. STALIN"), (addressee.Name, addressee.Text));
        Assert.Equal(("1921-10-20", DatePrecision.Day, "written"), (document.Written!.Date, document.Written.Precision, document.Written.Mode));
        var published = Assert.Single(document.Published);
        Assert.Equal((1945, "Lenin Miscellany XXXV", PublicationExtent.Full, true), (published.Year, published.In, published.Extent, published.First));
        Assert.Equal("the original", document.PrintedFrom);
        Assert.Equal(("Lenin Collected Works", "Progress Publishers", "Moscow", 1976, "45", "348b"),
            (document.Source!.Collection, document.Source.Publisher, document.Source.Place, document.Source.Year, document.Source.Volume, document.Source.Pages));
        Assert.Equal(["Yuri Sdobnikov"], document.Translators);
        Assert.Equal(["R. Cymbala"], document.Transcribers);
        Assert.StartsWith("Public Domain: Lenin Internet Archive", document.Rights);
        Assert.EndsWith("as your source.", document.Rights);
        Assert.Equal(["To", "Written", "Published", "Source", "Translated", "Transcription\\Markup", "Public Domain"], document.Header.Select(h => h.Label));
    }

    [Fact]
    public void Footnote_marker_is_anchored_at_its_offset_in_the_body_text()
    {
        var document = ReadSeed("000");
        var note = Assert.Single(document.Notes);
        var anchor = Assert.Single(note.Anchors);
        Assert.Equal("[1]", document.BodyText.Substring(anchor, 3));
        Assert.EndsWith("despite our political differences.", document.BodyText[..anchor]);
        Assert.StartsWith("This was written on Y. I. Vishnyak’s letter", note.Text);
        Assert.Equal(4, note.Text.Split(Document.BlockSeparator).Length);
    }

    [Fact]
    public void Navigation_lines_are_kept_out_of_body_and_notes()
    {
        var document = ReadSeed("000");
        Assert.Equal(["< backward forward >", "Works Index | Volume 45 | Collected Works | L.I.A. Index"], document.Navigation);
        Assert.DoesNotContain("backward", document.BodyText);
        Assert.DoesNotContain("Works Index", document.Notes[0].Text);
    }

    [Fact]
    public void Letter_dated_only_by_its_closing_dateline_takes_that_date()
    {
        var document = ReadSeed("001");
        Assert.Equal(["Zalutsky", "Solts"], document.Addressees.Select(a => a.Name));
        Assert.All(document.Addressees, a => Assert.Equal("Comrade", a.Role));
        var written = document.Written!;
        Assert.Equal(("1921-12-20", "20:00", "dateline", "dictated", "phone"), (written.Date, written.Time, written.From, written.Mode, written.Means));
        Assert.Equal(BlockType.Dateline, document.Body[^1].Type);
        Assert.Equal("a typewritten copy", document.PrintedFrom);
        Assert.Equal("413c-414a", document.Source!.Pages);
        Assert.Equal(["Text"], document.OtherFormats);
    }

    [Fact]
    public void Publication_in_part_then_in_full_is_two_entries()
    {
        var document = ReadSeed("002");
        Assert.Collection(document.Published,
            p => Assert.Equal((1957, "the magazine Voprosy Istorii KPSS No. 2", PublicationExtent.Part, true), (p.Year, p.In, p.Extent, p.First)),
            p => Assert.Equal((1959, "Lenin Miscellany XXXVI", PublicationExtent.Full, false), (p.Year, p.In, p.Extent, p.First)));
        Assert.Equal("Lutovinov", Assert.Single(document.Addressees).Name);
        Assert.Equal(["1", "2", "3"], document.Notes.Select(n => n.N));
        Assert.All(document.Notes, n => Assert.Equal($"[{n.N}]", document.BodyText.Substring(Assert.Single(n.Anchors), n.N.Length + 2)));
        Assert.Equal((BlockType.Closing, "With comradely greetings,"), (document.Body[^1].Type, document.Body[^1].Text));
    }

    [Fact]
    public void Paragraph_split_by_a_page_break_is_joined()
    {
        var document = ReadSeed("002");
        Assert.Contains(document.Body, b => b.Text.Contains("attached to the Red Army”! Indeed", StringComparison.Ordinal));
    }

    [Fact]
    public void Article_takes_its_date_from_the_periodical_not_from_letters_it_quotes()
    {
        var document = ReadSeed("004");
        Assert.Equal(DocumentKind.Article, document.Kind);
        Assert.Equal("trotsky-1930-03-22-with-lenin-against-stalin", document.Id);
        Assert.Equal(("L. D. Trotsky", "L.D. Trotsky"), (document.Authors[0].Name, document.Authors[0].Text));
        Assert.Equal("With Lenin Against Stalin", document.Title);
        Assert.Null(document.Written);
        Assert.Equal(("The Militant", "III", "12", "1930-03-22", "7"),
            (document.Source!.Collection, document.Source.Volume, document.Source.Issue, document.Source.Date, document.Source.Pages));
        Assert.Equal(BlockType.Editorial, document.Body[0].Type);
        Assert.Empty(document.Addressees);
    }

    [Fact]
    public void Block_offsets_point_at_their_text_in_the_body_text()
    {
        foreach (var prefix in new[] { "000", "001", "002", "004" })
        {
            var document = ReadSeed(prefix);
            Assert.All(document.Body, b => Assert.Equal(b.Text, document.BodyText.Substring(b.Start, b.Text.Length)));
        }
    }

    [Fact]
    public void Unknown_header_label_is_kept_verbatim_and_reported_with_its_line()
    {
        var document = Read("V. I. Lenin\n\nWritten: Written on May 1, 1920\nArchive Note:  kept in  F. 2\n\nComrades:\n\nText.\n");
        Assert.Contains(new HeaderField("Archive Note", "kept in  F. 2"), document.Header);
        var warning = Assert.Single(document.Warnings);
        Assert.Equal(4, warning.Line);
        Assert.Contains("Archive Note", warning.Message);
    }

    [Fact]
    public void Detects_the_seed_pages_and_not_other_text()
    {
        foreach (var prefix in new[] { "000", "001", "002", "004" })
        {
            var path = SharedMaterial.Seed(prefix);
            Assert.True(Reader.Detect(TextDecoding.Decode(path, File.ReadAllBytes(path))) >= 0.6, prefix);
        }
        Assert.Equal(0, Reader.Detect(TextDecoding.Decode("essay.txt", "An essay\n\nIt begins: here, and goes on.\n"u8.ToArray())));
        var compilation = SharedMaterial.Seed("003");
        Assert.Equal(0, Reader.Detect(TextDecoding.Decode(compilation, File.ReadAllBytes(compilation))));
    }

    [Fact]
    public void Reader_refuses_input_that_is_not_text()
    {
        var result = Reader.Read(new SourceInput("x.bin", new byte[] { 0 }, null, null, "binary file"));
        Assert.False(result.Succeeded);
        Assert.Equal("x.bin", Assert.Single(result.Errors).File);
    }
}
