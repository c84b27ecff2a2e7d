using System.Text;
using Verbatim.Formats.Common;
using Verbatim.Formats.MiaHtml;
using Verbatim.Formats.MiaText;

namespace Verbatim.Formats.Tests.MiaHtml;

public class MiaHtmlDetectionTests
{
    private static double Score(string text) => new MiaHtmlReader().Detect(TextDecoding.Decode("page", Encoding.UTF8.GetBytes(text)));

    [Theory]
    [InlineData("000_lenin-to-stalin")]
    [InlineData("001_lenin-to-zalutsky-and-solts")]
    [InlineData("002_lenin-to-lutovinov")]
    [InlineData("004_trotsky-with-lenin-against-stalin")]
    public void Archive_pages_score_high_and_the_text_reader_does_not_claim_them(string fixture)
    {
        var input = TextDecoding.Decode(fixture + ".html", File.ReadAllBytes(MiaHtmlSeedTests.Fixture(fixture)));

        Assert.Equal(0.9, new MiaHtmlReader().Detect(input));
        Assert.Equal(0, new MiaTextReader().Detect(input));
        Assert.Equal("mia-html", Readers.CreateDefaultRegistry().Detect(input)?.Format);
    }

    [Theory]
    [InlineData("000")]
    [InlineData("001")]
    [InlineData("002")]
    [InlineData("003")]
    [InlineData("004")]
    public void Text_pages_are_not_html(string seed)
        => Assert.Equal(0, Score(File.ReadAllText(SharedMaterial.Seed(seed))));

    [Theory]
    [InlineData("<!DOCTYPE html>\n<html><head><link href=\"https://www.marxists.org/css/works.css\"></head>")]
    [InlineData("\uFEFF  <!-- saved page -->\n<!doctype HTML><html><body><p class=\"information\">")]
    [InlineData("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Strict//EN\" \"x\">\n<html><body>Lenin Internet Archive")]
    [InlineData("<HTML>\n<BODY><P CLASS=\"information\">")]
    public void Html_that_names_the_archive_scores_high(string text) => Assert.Equal(0.9, Score(text));

    [Theory]
    [InlineData("<!DOCTYPE html>\n<html><body><p>Hello</p></body></html>")]
    [InlineData("<html lang=\"de\"><body>Briefe</body></html>")]
    public void Other_html_scores_low_but_above_plain_text(string text)
    {
        Assert.Equal(0.3, Score(text));
        var input = TextDecoding.Decode("page.html", Encoding.UTF8.GetBytes(text));
        Assert.Equal("mia-html", Readers.CreateDefaultRegistry().Detect(input)?.Format);
    }

    [Theory]
    [InlineData("<?xml version=\"1.0\"?>\n<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><p>marxists.org</p></TEI>")]
    [InlineData("V. I. Lenin\n\nWritten: Written on October 20,1921\n<html> in the text")]
    [InlineData("<htmlish>marxists.org</htmlish>")]
    [InlineData("<!-- never closed <html> marxists.org")]
    [InlineData("")]
    public void Anything_else_scores_zero(string text) => Assert.Equal(0, Score(text));
}
