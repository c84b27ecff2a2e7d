using System.Net;
using System.Text.Json;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Verbatim.Web.Tests.Hosting;

/// <summary>/testimonies and /api/testimonies on Ulyanova's two statements, ingested from the seeds' compilation page.</summary>
[Collection(ReaderCollection.Name)]
public sealed class TestimoniesPageTests(ReaderFixture reader)
{
    public const string StatementOne = "ulyanova-1926-07-26-to-ccc";
    public const string StatementTwo = "ulyanova-m-i-ulyanova-on-vladimir-ilyich-lenins";

    private async Task<(HttpResponseMessage Response, IHtmlDocument Html)> Get(string path)
    {
        var response = await reader.Client.GetAsync(path);
        return (response, new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task The_two_statements_stand_side_by_side_with_their_summary_and_the_api_says_the_same()
    {
        var (response, html) = await Get($"/testimonies?a={StatementOne}&b={StatementTwo}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await reader.Client.GetStringAsync($"/api/testimonies?a={StatementOne}&b={StatementTwo}"));
        var summary = json.RootElement.GetProperty("summary");
        var counts = new[] { "shared", "reworded", "only-in-a", "only-in-b", "disagreeing" }.Select(k => summary.GetProperty(k).GetInt32()).ToArray();
        Assert.Equal($"{counts[0]} shared, {counts[1]} reworded, {counts[2]} only in A, {counts[3]} only in B, {counts[4]} disagreeing", html.QuerySelector("p.summary")!.TextContent);
        Assert.Equal(json.RootElement.GetProperty("items").GetArrayLength(), html.QuerySelectorAll("table.testimonies tbody tr").Length);

        var apology = Assert.Single(html.QuerySelectorAll("tr.testimony-disagreeing"), tr => tr.QuerySelectorAll("td")[0].TextContent.Contains("Stalin apologized", StringComparison.Ordinal));
        Assert.Contains("did not come to know", apology.QuerySelectorAll("td")[2].TextContent, StringComparison.Ordinal);
        Assert.Equal("disagreeing: only B negates (“not”)", apology.QuerySelector("td.relation")!.TextContent);
        Assert.Contains(apology.QuerySelectorAll("td")[2].QuerySelectorAll("mark"), m => m.TextContent.Split(' ').Contains("not"));

        var alone = html.QuerySelectorAll("tr.testimony-only-in-b").First();
        Assert.Equal("", alone.QuerySelectorAll("td")[0].TextContent.Trim());
        Assert.Equal("only in B", alone.QuerySelector("td.relation")!.TextContent);
        Assert.Empty(alone.QuerySelectorAll("mark"));
    }

    [Fact]
    public async Task A_version_and_a_range_narrow_a_side_and_a_bad_range_says_why()
    {
        var (response, html) = await Get($"/testimonies?a={StatementOne}&av=1&ar=0-200&b={StatementTwo}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.All(html.QuerySelectorAll("table.testimonies tbody tr"), tr => Assert.True(tr.QuerySelectorAll("td")[0].TextContent.Trim().Length < 260));
        Assert.Contains("version 1, characters 0-200", html.QuerySelector("p.meta")!.TextContent, StringComparison.Ordinal);

        var (bad, refused) = await Get($"/testimonies?a={StatementOne}&ar=50-10&b={StatementTwo}");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("These testimonies cannot be compared", refused.QuerySelector(".nothing h2")!.TextContent);
        Assert.Equal(HttpStatusCode.BadRequest, (await reader.Client.GetAsync($"/api/testimonies?a={StatementOne}&ar=50-10&b={StatementTwo}")).StatusCode);
    }

    [Fact]
    public async Task A_document_that_is_not_there_is_not_found_on_either_side()
    {
        foreach (var path in new[] { $"/testimonies?a=no-such-document&b={StatementTwo}", $"/testimonies?a={StatementOne}&b=no-such-document", $"/testimonies?a={StatementOne}&av=9&b={StatementTwo}" })
            Assert.Equal(HttpStatusCode.NotFound, (await Get(path)).Response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.Client.GetAsync($"/api/testimonies?a={StatementOne}&b=no-such-document")).StatusCode);
    }

    [Fact]
    public async Task The_collation_page_has_a_form_that_leads_here()
    {
        var (_, html) = await Get("/collate");
        var form = html.QuerySelector("form[action='/testimonies']")!;
        Assert.Equal(["a", "b"], form.QuerySelectorAll("input").Select(i => i.GetAttribute("name")));
    }
}
