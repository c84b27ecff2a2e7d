using System.Text;
using Verbatim.Formats.Common;

namespace Verbatim.Formats.Tests.Common;

public sealed class NestingDepthTests
{
    private static string Nested(string open, string close, int depth, string prefix = "", string suffix = "")
        => prefix + string.Concat(Enumerable.Repeat(open, depth)) + "text" + string.Concat(Enumerable.Repeat(close, depth)) + suffix;

    [Fact]
    public void Markup_at_the_limit_passes_and_one_deeper_is_refused_at_its_line()
    {
        Assert.Null(NestingDepth.Check(Nested("<hi>", "</hi>", NestingDepth.Maximum), "a.xml", html: false));
        var refused = NestingDepth.Check("<TEI>\n<text>\n" + Nested("<hi>\n", "</hi>", NestingDepth.Maximum), "a.xml", html: false);
        Assert.NotNull(refused);
        Assert.Equal(("a.xml", NestingDepth.Maximum + 1), (refused.File, refused.Line));
        Assert.Contains($"more than {NestingDepth.Maximum} elements deep", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Elements_that_close_themselves_or_have_no_end_tag_do_not_nest()
    {
        var many = string.Concat(Enumerable.Repeat("<p>para<br><img src='a>b'><lb/><!-- <div> --><li>", 5000));
        Assert.Null(NestingDepth.Check("<html><body>" + many + "</body></html>", "a.html", html: true));
        Assert.Null(NestingDepth.Check("<TEI>" + string.Concat(Enumerable.Repeat("<lb/><pb n=\"1\"/>", 5000)) + "</TEI>", "a.xml", html: false));
    }

    [Fact]
    public void A_script_s_text_is_not_markup()
        => Assert.Null(NestingDepth.Check("<script>" + string.Concat(Enumerable.Repeat("<div>", 2000)) + "</script><div>a</div>", "a.html", html: true));

    [Theory]
    [InlineData("tei")]
    [InlineData("mia-html")]
    public void A_file_of_a_hundred_thousand_nested_elements_is_one_located_error_not_a_crash(string format)
    {
        var text = format == "tei"
            ? Nested("<hi>", "</hi>", 100_000, "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><teiHeader/><text><body><p>", "</p></body></text></TEI>")
            : Nested("<div>", "</div>", 100_000, "<html><body><p class=\"information\">Written: 1921</p>", "</body></html>");
        var result = Readers.CreateDefaultRegistry().Read("deep." + (format == "tei" ? "xml" : "html"), Encoding.UTF8.GetBytes(text), format);
        Assert.False(result.Succeeded);
        Assert.Contains("elements deep", Assert.Single(result.Errors).Message, StringComparison.Ordinal);
        Assert.Equal(1, result.Errors[0].Line);
    }
}
