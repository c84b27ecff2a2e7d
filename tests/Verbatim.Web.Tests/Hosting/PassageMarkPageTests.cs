using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Verbatim.Web.Tests.Hosting;

/// <summary>Passages a document shares with others, marked in the text of its page.</summary>
[Collection(ReaderCollection.Name)]
public sealed partial class PassageMarkPageTests(ReaderFixture reader)
{
    private const string Polemic = "trotsky-1930-03-22-with-lenin-against-stalin";

    private async Task<IHtmlDocument> Page(string path) =>
        new HtmlParser().ParseDocument(await reader.Client.GetStringAsync(path));

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [Fact]
    public async Task The_quoted_passages_marked_are_the_ones_the_page_lists()
    {
        var page = await Page($"/documents/{Polemic}");

        var listed = page.QuerySelector("#quotes-heading")!.ParentElement!.QuerySelectorAll("a")
            .Where(a => a.TextContent == "Read side by side").Select(a => a.GetAttribute("href")).Order(StringComparer.Ordinal);
        var marked = page.QuerySelectorAll(".body a.passage-start.passage-quotes").Select(a => a.GetAttribute("href")).Order(StringComparer.Ordinal);
        Assert.Equal(listed, marked);
    }

    [Fact]
    public async Task Marks_never_change_the_text_shown()
    {
        var page = await Page($"/documents/{Polemic}");
        var text = await reader.Client.GetStringAsync($"/documents/{Polemic}/text");

        Assert.NotEmpty(page.QuerySelectorAll(".body mark"));
        // The plain text is a header and the body: every character the page shows in the body is the source's, in order.
        Assert.Contains(Whitespace().Replace(page.QuerySelector(".body")!.TextContent, ""), Whitespace().Replace(text, ""), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Marks_nest_inside_their_paragraph_and_never_cross_one_another()
    {
        var nested = 0;
        foreach (var id in new[] { Polemic, "ulyanova-1926-07-26-to-ccc", "singh-on-the-relations-between-lenin-and", "rothstein-stalin-story-of-a-great-servant" })
        {
            // The strict parser throws at the first tag that closes out of order.
            var html = await reader.Client.GetStringAsync($"/documents/{id}?boilerplate=true");
            var page = new HtmlParser(new HtmlParserOptions { IsStrictMode = true }).ParseDocument(html);

            Assert.All(page.QuerySelectorAll(".body mark"), m => Assert.True(m.ParentElement!.LocalName is "mark" or "p" or "h3"));
            Assert.Empty(page.QuerySelectorAll(".body a a, .body mark a.passage-start, .body mark a.passage-end"));
            nested += page.QuerySelectorAll(".body mark mark").Length;
        }
        Assert.True(nested > 0, "some of these pages hold passages within passages");
    }

    [Fact]
    public async Task Each_mark_has_an_accessible_name_and_a_legend_explains_the_three_kinds()
    {
        var page = await Page($"/documents/{Polemic}");

        Assert.All(page.QuerySelectorAll(".body a.passage-start, .body a.passage-end"), a => Assert.False(string.IsNullOrWhiteSpace(a.GetAttribute("aria-label"))));
        var legend = page.QuerySelector(".passage-legend")!;
        Assert.Equal(["passage-quotes", "passage-quoted-in", "passage-shared"], legend.QuerySelectorAll("mark").Select(m => m.ClassList.Single(c => c.StartsWith("passage-", StringComparison.Ordinal))));
    }

    [Fact]
    public async Task A_page_without_shared_passages_has_no_marks_and_no_legend()
    {
        var page = await Page($"/documents/{reader.ScriptDocumentId}");

        Assert.Empty(page.QuerySelectorAll(".body mark, .body a.passage-start"));
        Assert.Null(page.QuerySelector(".passage-legend"));
    }
}
