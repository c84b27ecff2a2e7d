using AngleSharp.Html.Parser;

namespace Verbatim.Web.Tests.Hosting;

/// <summary>A document whose date of writing is unknown is undated in the reader, however late a printing came.</summary>
[Collection(ReaderCollection.Name)]
public sealed class UndatedDocumentPageTests(ReaderFixture reader)
{
    // M. I. Ulyanova's second statement (seed 003): undated, first printed by Izvestia TsK KPSS in 1989.
    private const string Statement = "ulyanova-m-i-ulyanova-on-vladimir-ilyich-lenins";

    [Fact]
    public async Task Provenance_says_the_date_of_writing_is_unknown_and_when_it_was_first_printed()
    {
        var html = new HtmlParser().ParseDocument(await reader.Client.GetStringAsync($"/documents/{Statement}"));
        var written = html.QuerySelectorAll("section.provenance dt").Single(dt => dt.TextContent == "Written");
        Assert.Equal("date of writing unknown; first printed 1989", written.NextElementSibling!.TextContent.Trim());
    }

    [Fact]
    public async Task The_works_index_by_year_files_it_as_undated_not_under_its_printing()
    {
        var html = new HtmlParser().ParseDocument(await reader.Client.GetStringAsync("/?by=year"));
        var group = html.QuerySelectorAll("section.work-group").Single(s => s.QuerySelector($"a[href='/documents/{Statement}']") is not null);
        Assert.StartsWith("Undated", group.QuerySelector("h2")!.TextContent, StringComparison.Ordinal);
    }
}
