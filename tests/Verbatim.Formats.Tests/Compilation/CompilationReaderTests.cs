using System.Text;
using Verbatim.Formats.Common;
using Verbatim.Formats.Compilation;
using Verbatim.Formats.PlainText;
using Verbatim.Model;
using Verbatim.Reading;

namespace Verbatim.Formats.Tests.Compilation;

public class CompilationReaderTests
{
    private const string UnassignedTitle = "Unassigned lines";

    private static readonly CompilationReader Reader = new();

    private static SourceInput Seed(string prefix)
    {
        var path = SharedMaterial.Seed(prefix);
        return TextDecoding.Decode(Path.GetFileName(path), File.ReadAllBytes(path));
    }

    private static SourceInput Text(string text, string fileName = "page.txt")
        => TextDecoding.Decode(fileName, Encoding.UTF8.GetBytes(text));

    private static IReadOnlyList<Document> ReadSeed003()
    {
        var result = Reader.Read(Seed("003"));
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        return result.Documents;
    }

    private static Document Part(IReadOnlyList<Document> documents, string titleStart)
        => documents.Skip(1).Single(d => d.Title.StartsWith(titleStart, StringComparison.Ordinal));

    [Fact]
    public void Seed_003_outline_matches_the_golden_file()
    {
        var documents = ReadSeed003();
        Golden.Verify(SharedMaterial.TestFolder("Compilation", "Golden", "003.outline.expected.json"), CompilationOutline.Serialize(documents));
    }

    [Fact]
    public void Seed_003_every_non_blank_line_lands_in_exactly_one_part()
    {
        var input = Seed("003");
        var documents = Reader.Read(input).Documents;
        AssertExactCoverage(input.Text!, documents);
    }

    [Fact]
    public void Seed_003_page_lists_its_parts_and_every_part_points_back()
    {
        var documents = ReadSeed003();
        var page = documents[0];
        Assert.Equal(DocumentKind.Compilation, page.Kind);
        Assert.Equal("compilation-lenin-on-jewish-nation", page.Id);
        Assert.Equal(documents.Skip(1).Select(d => d.Id), page.Parts);
        Assert.All(documents.Skip(1), d => Assert.Equal(page.Id, d.PartOf));
        Assert.Equal(documents.Count, documents.Select(d => d.Id).Distinct().Count());
        Assert.DoesNotContain(documents, d => d.Title == UnassignedTitle);
        Assert.Equal(10, page.Parts.Count);
    }

    [Fact]
    public void Seed_003_shelfmarks_are_read_into_archival_refs()
    {
        var documents = ReadSeed003();
        var first = Assert.Single(Part(documents, "M.I. Ulyanova to the presidium").ArchivalRefs);
        Assert.Equal(("Ts PA IML", "17", "2", "246", "IV", null, ArchivalForm.Printed),
            (first.Repository, first.Fond, first.Opis, first.Delo, first.Issue, first.Folios, first.Form));

        var second = Assert.Single(Part(documents, "M.I. Ulyanova on").ArchivalRefs);
        Assert.Equal(("Ts PA IML", "14", "1", "398", null, "1-8", ArchivalForm.Autograph),
            (second.Repository, second.Fond, second.Opis, second.Delo, second.Issue, second.Folios, second.Form));

        var third = Assert.Single(Part(documents, "Letter of Joseph Stalin").ArchivalRefs);
        Assert.Equal(("Ts PA IML", "2", "1", "26004", null, "3", ArchivalForm.Autograph),
            (third.Repository, third.Fond, third.Opis, third.Delo, third.Issue, third.Folios, third.Form));
    }

    [Fact]
    public void Seed_003_Stalins_letter_to_Lenin_is_a_letter_of_7_March_1923()
    {
        var letter = Part(ReadSeed003(), "Letter of Joseph Stalin");
        Assert.Equal(DocumentKind.Letter, letter.Kind);
        Assert.Equal("Joseph Stalin", Assert.Single(letter.Authors).Name);
        Assert.Equal("Lenin", PersonNames.Surname(Assert.Single(letter.Addressees).Name));
        Assert.Equal("1923-03-07", letter.Written?.Date);
        Assert.Equal(DatePrecision.Day, letter.Written?.Precision);
        Assert.Equal("stalin-1923-03-07-to-lenin", letter.Id);
        Assert.Equal(new[] { "Sumana Jha" }, letter.Translators);
        Assert.Contains(letter.Body, b => b.Type == BlockType.Salutation && b.Text == "Comrade Lenin!");
        Assert.Contains(letter.Body, b => b.Type == BlockType.Signature && b.Text == "I. Stalin.");
        Assert.Contains(letter.Body, b => b.Type == BlockType.Editorial && b.Text.EndsWith("– editor].", StringComparison.Ordinal));
        Assert.Contains(letter.Header, h => h.Label == "Courtesy");
        Assert.Equal("http://www.revolutionarydemocracy.org/rdv8n1/lenstal.htm", letter.Source?.Url);
    }

    [Fact]
    public void Seed_003_first_Ulyanova_statement_is_dated_26_July_1926()
    {
        var statement = Part(ReadSeed003(), "M.I. Ulyanova to the presidium");
        Assert.Equal(DocumentKind.Statement, statement.Kind);
        Assert.Equal("M. I. Ulyanova", Assert.Single(statement.Authors).Name);
        Assert.Equal("1926-07-26", statement.Written?.Date);
        Assert.Equal(DatePrecision.Day, statement.Written?.Precision);
        Assert.Equal("dateline", statement.Written?.From);
        Assert.Equal(1989, statement.Source?.Year);
    }

    [Fact]
    public void Seed_003_both_Krupskaya_passages_are_in_her_item()
    {
        var documents = ReadSeed003();
        var holders = new[]
        {
            "Everyone can see, how the friendship between people is strengthening",
            "Everybody can see how on the foundation of these economic organisations",
        }.Select(passage => Assert.Single(documents.Skip(1), d => d.BodyText.Contains(passage, StringComparison.Ordinal))).ToList();
        Assert.All(holders, d => Assert.Equal("N. Krupskaya", Assert.Single(d.Authors).Name));
        Assert.Equal("Lenin’s Wife on Stalin and the Trotskyites", holders[0].Title);
        Assert.Same(holders[0], holders[1]);
        Assert.Equal(("1936", DatePrecision.Year), (holders[0].Written?.Date, holders[0].Written?.Precision));
    }

    [Fact]
    public void Seed_003_attribution_gives_author_and_year_and_the_source_its_issue()
    {
        var lenin = Part(ReadSeed003(), "Lenin on");
        Assert.Equal("V. I. Lenin", Assert.Single(lenin.Authors).Name);
        Assert.Equal(("1903", DatePrecision.Year, "attribution"), (lenin.Written?.Date, lenin.Written?.Precision, lenin.Written?.From));
        Assert.Equal(("51", "1903-10-22"), (lenin.Source?.Issue, lenin.Source?.Date));
        Assert.Equal(DocumentKind.Article, lenin.Kind);
        Assert.All(lenin.Body.TakeWhile(b => b.Type != BlockType.Attribution).Skip(1), b => Assert.Equal(BlockType.Quote, b.Type));
        Assert.Equal(BlockType.Caption, lenin.Body[^1].Type);
    }

    [Fact]
    public void Seed_003_obituary_keeps_its_subheadings_inside_one_item()
    {
        var obituary = Part(ReadSeed003(), "Stalin: Story of a Great Servant");
        Assert.Equal("Andrew Rothstein", Assert.Single(obituary.Authors).Name);
        Assert.Contains(obituary.Body, b => b.Type == BlockType.Heading && b.Text == "Loyal to Marxist principles");
        Assert.Contains(obituary.Body, b => b.Type == BlockType.Heading && b.Text == "Sixty years’ service to mankind");
        var printing = Assert.Single(obituary.Published);
        Assert.Equal(1953, printing.Year);
        Assert.StartsWith("Daily Worker", printing.In, StringComparison.Ordinal);
        Assert.Equal(DocumentKind.Article, obituary.Kind);
    }

    [Fact]
    public void Seed_003_stray_sentence_between_items_is_a_caption_of_the_item_before_it_with_a_warning()
    {
        var documents = ReadSeed003();
        var holder = Assert.Single(documents.Skip(1), d => d.BodyText.Contains("On 18 December 1922", StringComparison.Ordinal));
        Assert.StartsWith("M.I. Ulyanova on", holder.Title, StringComparison.Ordinal);
        Assert.Equal(BlockType.Caption, holder.Body[^1].Type);
        Assert.Contains(holder.Warnings, w => w.Line == holder.Body[^1].Line);
    }

    [Fact]
    public void Detect_recognises_seed_003_and_no_other_seed()
    {
        Assert.Equal(0.5, Reader.Detect(Seed("003")));
        foreach (var prefix in new[] { "000", "001", "002", "004" })
            Assert.Equal(0, Reader.Detect(Seed(prefix)));
    }

    [Fact]
    public void Detect_scores_between_plain_text_and_a_header_reader()
    {
        var score = Reader.Detect(Seed("003"));
        Assert.True(score > new PlainTextReader().Detect(Seed("003")));
        Assert.True(score < 0.8);
    }

    [Fact]
    public void Registry_picks_the_compilation_reader_for_seed_003_only()
    {
        var registry = Readers.CreateDefaultRegistry();
        Assert.Equal(CompilationReader.FormatName, registry.Detect(Seed("003"))?.Format);
        foreach (var prefix in new[] { "000", "001", "002", "004" })
            Assert.NotEqual(CompilationReader.FormatName, registry.Detect(Seed(prefix))?.Format);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\t\n \u00A0 \n")]
    public void White_space_only_text_is_a_located_error(string text)
    {
        var result = Reader.Read(new SourceInput("blank.txt", Encoding.UTF8.GetBytes(text), text, "utf-8", null));
        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Errors);
        Assert.Equal("blank.txt", error.File);
        Assert.Equal(1, error.Line);
    }

    [Fact]
    public void Undecodable_input_is_an_error_not_an_exception()
    {
        var result = Reader.Read(new SourceInput("x.bin", new byte[] { 0, 1, 2 }, null, null, "binary"));
        Assert.False(result.Succeeded);
        Assert.Equal("binary", Assert.Single(result.Errors).Message);
    }

    [Fact]
    public void Lines_before_the_first_item_land_in_an_unassigned_part()
    {
        var text = "just some words, with no title above them.\n\nA Title\n\nThe text of the item, long enough to be prose.\n\nSource: Pravda, No. 1, 5 May 1912.\n";
        var documents = Reader.Read(Text(text)).Documents;
        var unassigned = documents[1];
        Assert.Equal(UnassignedTitle, unassigned.Title);
        Assert.Equal(1, unassigned.Origin?.FirstLine);
        Assert.Equal("A Title", documents[2].Title);
        Assert.Equal("compilation-a-title", documents[0].Id);
        AssertExactCoverage(text, documents);
    }

    [Fact]
    public void Same_ids_are_made_unique_within_the_page()
    {
        var text = "Notes\n\nFirst text of the item.\n\nSource: A, 1990.\n\nNotes\n\nSecond text of the item.\n\nSource: B, 1991.\n";
        var documents = Reader.Read(Text(text)).Documents;
        Assert.Equal(new[] { "notes", "notes-2" }, documents[0].Parts);
    }

    [Theory]
    [InlineData("No. 1")]
    [InlineData("No. 1\n\nNo. 2.")]
    [InlineData("Source: x")]
    [InlineData("(Ts PA IML, F. 1, Op. 1, D. 1)")]
    [InlineData("Title\n\nBy X Y")]
    [InlineData("Title\n\nTitle")]
    [InlineData("Printed and published by the\n\nDaily Worker,\n\nat Farringdon Road -")]
    [InlineData("A Name (1900)\n\n[note]\n\nTranslated by A. B.")]
    [InlineData("Comrade Lenin!\n\n7th March, 1923.\n\nTo Com. Lenin from Stalin\n\nI. Stalin.")]
    [InlineData("x\n\nPaper presented at a seminar on 5th and 6th November, 1994.\n\nAvailable at http://example.org")]
    public void Odd_pages_are_read_without_losing_a_line(string text)
    {
        var result = Reader.Read(Text(text));
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        AssertExactCoverage(text, result.Documents);
    }

    [Fact]
    public void Shuffled_paragraphs_of_seed_003_are_read_without_losing_a_line()
    {
        var paragraphs = Paragraphs.Split(Seed("003").Text!).Select(p => p.Text).ToList();
        var random = new Random(20240601);
        for (var round = 0; round < 25; round++)
        {
            var shuffled = paragraphs.OrderBy(_ => random.Next()).Take(random.Next(1, paragraphs.Count)).ToList();
            var text = string.Join(random.Next(2) == 0 ? "\n\n" : "\n\n\n", shuffled) + "\n";
            var result = Reader.Read(Text(text));
            Assert.True(result.Succeeded, string.Join("; ", result.Errors));
            AssertExactCoverage(text, result.Documents);
        }
    }

    [Fact]
    public void A_long_page_of_short_lines_is_read_in_linear_time()
    {
        var text = string.Concat(Enumerable.Range(0, 50_000).Select(n => $"Short Line {n}\n\n")) + "Source: Pravda, No. 1, 5 May 1912.\n";
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var result = Reader.Read(Text(text));
        Assert.True(result.Succeeded);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
        Assert.Equal(50_001, result.Documents.Skip(1).Sum(d => d.Body.Count));
    }

    /// <summary>
    /// Every non-blank line of <paramref name="text"/> is covered by a block of exactly one part,
    /// inside that part's origin lines, and its folded text occurs in that part's body text. A
    /// block spans its first line and one more line per line break it keeps.
    /// </summary>
    private static void AssertExactCoverage(string text, IReadOnlyList<Document> documents)
    {
        var lines = TextDecoding.NormaliseLineEndings(text).Split('\n');
        var nonBlank = Enumerable.Range(1, lines.Length).Where(n => !string.IsNullOrWhiteSpace(lines[n - 1])).ToHashSet();
        var page = documents[0];
        Assert.Equal(DocumentKind.Compilation, page.Kind);
        Assert.All(page.Body, b => Assert.Null(b.Line));

        var owner = new Dictionary<int, Document>();
        foreach (var part in documents.Skip(1))
        {
            Assert.Equal(page.Id, part.PartOf);
            var origin = part.Origin!;
            foreach (var block in part.Body)
            {
                Assert.NotNull(block.Line);
                var last = block.Line!.Value + block.Text.Count(c => c == '\n');
                Assert.InRange(block.Line.Value, origin.FirstLine!.Value, origin.LastLine!.Value);
                Assert.InRange(last, origin.FirstLine!.Value, origin.LastLine!.Value);
                for (var n = block.Line.Value; n <= last; n++)
                {
                    Assert.True(owner.TryAdd(n, part), $"line {n} is in {part.Id} and in {(owner.TryGetValue(n, out var other) ? other.Id : "?")}");
                }
            }
        }
        Assert.Equal(nonBlank.Order(), owner.Keys.Order());
        var bodyTexts = documents.Skip(1).ToDictionary(d => d.Id, d => d.BodyText);
        foreach (var n in nonBlank)
        {
            var folded = Whitespace.CollapseToLine(lines[n - 1]);
            Assert.True(bodyTexts[owner[n].Id].Contains(folded, StringComparison.Ordinal), $"line {n} is not in the body of {owner[n].Id}");
        }
    }
}
