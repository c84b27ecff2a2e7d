using Verbatim.Model;

namespace Verbatim.Formats.Tests.MiaHtml;

/// <summary>
/// Each seed page marked up by hand as the archive serves it (Fixtures/) reads to the same document
/// as the seed's plain-text page, and to its reviewed golden JSON.
/// </summary>
public class MiaHtmlSeedTests
{
    public static TheoryData<string, string> Seeds => new()
    {
        { "000", "000_lenin-to-stalin" },
        { "001", "001_lenin-to-zalutsky-and-solts" },
        { "002", "002_lenin-to-lutovinov" },
        { "004", "004_trotsky-with-lenin-against-stalin" },
    };

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Html_page_reads_to_the_document_of_its_text_page(string seed, string fixture)
    {
        var html = ReadOne(Fixture(fixture), "mia-html");
        var text = ReadOne(SharedMaterial.Seed(seed), "mia-text");

        Assert.Equal(Comparable(text), Comparable(html));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Html_page_differs_from_its_text_page_only_where_the_reader_documents_it(string seed, string fixture)
    {
        var html = ReadOne(Fixture(fixture), "mia-html");
        var text = ReadOne(SharedMaterial.Seed(seed), "mia-text");

        Assert.Equal(text.Body.Count, html.Body.Count);
        for (var i = 0; i < html.Body.Count; i++)
        {
            var (h, t) = (html.Body[i], text.Body[i]);
            Assert.True(h.Type == t.Type || (h.Type == BlockType.Quote && t.Type == BlockType.P), $"block {i}: {h.Type} in HTML, {t.Type} in text");
            Assert.NotNull(h.Line);
        }
        Assert.Empty(html.Warnings);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Html_page_matches_its_golden_file(string seed, string fixture)
    {
        _ = seed;
        var path = Fixture(fixture);
        var result = Readers.CreateDefaultRegistry().Read(Path.GetFileName(path), File.ReadAllBytes(path));
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        Golden.VerifyDocuments(SharedMaterial.TestFolder("MiaHtml", "Golden", fixture + ".expected.json"), result.Documents);
    }

    [Fact]
    public void Only_the_quoted_letters_of_the_polemic_are_quotations()
    {
        var html = ReadOne(Fixture("004_trotsky-with-lenin-against-stalin"), "mia-html");
        var quotes = html.Body.Where(b => b.Type == BlockType.Quote).Select(b => b.Text).ToList();

        Assert.StartsWith("You probably have received already from Stalin", quotes[0]);
        Assert.Contains("J. Stalin", quotes);
        Assert.DoesNotContain(quotes, q => q.StartsWith("After all the slanders", StringComparison.Ordinal));
        // The closing words Trotsky says Stalin altered stay a closing inside the quoted letter.
        Assert.Contains(html.Body, b => b.Type == BlockType.Closing && b.Text == "With the very best comradely greetings,");
    }

    internal static string Fixture(string name) => SharedMaterial.TestFolder("MiaHtml", "Fixtures", name + ".html");

    /// <summary>Reads a file as the registry would, checking detection picked the expected reader.</summary>
    internal static Document ReadOne(string path, string expectedFormat)
    {
        var result = Readers.CreateDefaultRegistry().Read(Path.GetFileName(path), File.ReadAllBytes(path));
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        var document = Assert.Single(result.Documents);
        Assert.Equal(expectedFormat, document.Origin?.Format);
        return document;
    }

    /// <summary>
    /// The document with what the readers may differ in set equal (MiaHtmlReader's summary): the
    /// origin, the block lines, Quote (which only HTML can show) read as P, and the place of each
    /// warning, which is in a different file.
    /// </summary>
    private static string Comparable(Document document) => DocumentJson.Serialize(document with
    {
        Origin = null,
        Body = [.. document.Body.Select(b => b with { Line = null, Type = b.Type == BlockType.Quote ? BlockType.P : b.Type })],
        Warnings = [.. document.Warnings.Select(w => new Diagnostic(w.Message))],
    });
}
