using System.Net;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Verbatim.Web.Hosting;

namespace Verbatim.Web.Tests.Hosting;

/// <summary>The index of names, the timeline and the network over the seeds and the shared TEI letters.</summary>
[Collection(ReaderCollection.Name)]
public sealed class LettersApiTests(ReaderFixture reader)
{
    private async Task<JsonElement> Json(string path)
    {
        var response = await reader.Client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    private async Task<IReadOnlyList<string>> TeiIds()
        => [.. (await Json("/api/documents")).EnumerateArray().Select(w => w.GetProperty("id").GetString()!)
            .Where(id => System.Text.RegularExpressions.Regex.IsMatch(id, @"-l\d{5}$"))];

    private static IEnumerable<string> Variants(JsonElement entity)
        => entity.GetProperty("variants").EnumerateArray().Select(v => v.GetProperty("name").GetString()!);

    [Fact]
    public async Task Names_holds_the_secretary_and_the_Politburo_once_each_with_every_spelling()
    {
        var names = (await Json("/api/names")).EnumerateArray().ToList();
        var secretary = Assert.Single(names, e => Variants(e).Contains("Volidicheva"));
        Assert.Contains("Volodicheva", Variants(secretary));
        Assert.Contains("M. V.", Variants(secretary));
        var politburo = Assert.Single(names, e => Variants(e).Contains("Polittburo"));
        Assert.Equal("organisation", politburo.GetProperty("kind").GetString());
        Assert.Contains("Politbureau", Variants(politburo));

        var places = await Json("/api/names?kind=place");
        Assert.All(places.EnumerateArray(), p => Assert.Equal("place", p.GetProperty("kind").GetString()));
        Assert.NotEmpty(places.EnumerateArray());
    }

    [Fact]
    public async Task The_timeline_shows_seed_and_TEI_letters_in_date_order_with_their_precision()
    {
        var timeline = (await Json("/api/timeline")).EnumerateArray().ToList();
        var ids = timeline.Select(e => e.GetProperty("id").GetString()!).ToList();
        Assert.Contains("lenin-1921-10-20-to-stalin", ids);
        Assert.All(await TeiIds(), id => Assert.Contains(id, ids));
        var starts = timeline.Select(e => e.TryGetProperty("date", out var d) ? d.GetString()! : e.GetProperty("notBefore").GetString()!).ToList();
        Assert.Equal(starts.Order(StringComparer.Ordinal), starts);
        var lenin = timeline.Single(e => e.GetProperty("id").GetString() == "lenin-1921-10-20-to-stalin");
        Assert.Equal("day", lenin.GetProperty("precision").GetString());
        Assert.Contains(timeline, e => e.GetProperty("precision").GetString() == "range");

        var stalin = (await Json("/api/names")).EnumerateArray().Single(e => e.GetProperty("documents").EnumerateArray()
            .Any(d => d.GetProperty("id").GetString() == "lenin-1921-10-20-to-stalin" && d.GetProperty("roles").EnumerateArray().Any(r => r.GetString() == "addressee")));
        var id = stalin.GetProperty("id").GetString()!;
        var his = (await Json($"/api/timeline?person={id}")).EnumerateArray().Select(e => e.GetProperty("id").GetString()!).ToList();
        Assert.Contains("lenin-1921-10-20-to-stalin", his);
        Assert.DoesNotContain(await TeiIds(), his.Contains);
    }

    [Fact]
    public async Task A_date_the_source_doubts_is_doubted_in_the_timeline_and_on_the_document_page()
    {
        // samples/tei/L03634 is dated "[zwischen 5. und 12. 6. 1911?]"; Lenin's letter of 20 October 1921 plainly.
        var id = (await TeiIds()).Single(i => i.EndsWith("-l03634", StringComparison.Ordinal));
        var timeline = (await Json("/api/timeline")).EnumerateArray().ToList();
        var doubted = timeline.Single(e => e.GetProperty("id").GetString() == id);
        Assert.Equal("uncertain", doubted.GetProperty("certainty").GetString());
        Assert.False(timeline.Single(e => e.GetProperty("id").GetString() == "lenin-1921-10-20-to-stalin").TryGetProperty("certainty", out _));

        var page = new HtmlParser().ParseDocument(await reader.Client.GetStringAsync("/timeline"));
        var entry = page.QuerySelectorAll("ol.timeline li").Single(li => li.QuerySelector("a")!.GetAttribute("href")!.Contains(id, StringComparison.Ordinal));
        Assert.EndsWith("?", entry.QuerySelector(".when")!.TextContent.Trim(), StringComparison.Ordinal);

        var document = new HtmlParser().ParseDocument(await reader.Client.GetStringAsync($"/documents/{id}"));
        Assert.Contains("1911-06-12?", document.QuerySelector(".provenance")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_network_has_an_edge_from_sender_to_addressee_for_seed_and_TEI_letters()
    {
        var network = await Json("/api/network");
        var edges = network.GetProperty("edges").EnumerateArray().ToList();
        var documents = edges.SelectMany(e => e.GetProperty("documents").EnumerateArray().Select(d => d.GetString()!)).ToHashSet();
        Assert.Contains("lenin-1921-10-20-to-stalin", documents);
        Assert.Contains("lenin-1921-12-20-to-zalutsky-and-solts", documents);
        Assert.Contains((await TeiIds())[0], documents);
        var nodes = network.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("id").GetString()).ToHashSet();
        Assert.All(edges, e => Assert.Contains(e.GetProperty("source").GetString(), nodes));

        var early = await Json("/api/network?from=1921&to=1921");
        Assert.All(early.GetProperty("edges").EnumerateArray(), e => Assert.StartsWith("1921", e.GetProperty("first").GetString()));
        Assert.True(early.GetProperty("letters").GetInt32() < network.GetProperty("letters").GetInt32());
    }

    [Fact]
    public async Task The_network_keeps_only_people_with_at_least_min_letters_in_the_api_and_the_pages_table()
    {
        var everyone = await Json("/api/network");
        var min = 2;
        var kept = everyone.GetProperty("nodes").EnumerateArray()
            .Where(n => n.GetProperty("sent").GetInt32() + n.GetProperty("received").GetInt32() >= min)
            .Select(n => n.GetProperty("id").GetString()!).ToHashSet();
        Assert.InRange(kept.Count, 2, everyone.GetProperty("nodes").GetArrayLength() - 1);

        var busy = await Json($"/api/network?min={min}");
        Assert.Equal(kept.Order(StringComparer.Ordinal), busy.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("id").GetString()!).Order(StringComparer.Ordinal));
        Assert.NotEmpty(busy.GetProperty("edges").EnumerateArray());
        Assert.All(busy.GetProperty("edges").EnumerateArray(), e =>
        {
            Assert.Contains(e.GetProperty("source").GetString()!, kept);
            Assert.Contains(e.GetProperty("target").GetString()!, kept);
        });
        Assert.True(busy.GetProperty("letters").GetInt32() <= everyone.GetProperty("letters").GetInt32());

        var page = new HtmlParser().ParseDocument(await reader.Client.GetStringAsync($"/network?min={min}"));
        Assert.Equal(busy.GetProperty("edges").GetArrayLength(), page.QuerySelectorAll("table.edges tbody tr").Length);
        Assert.Equal(min.ToString(System.Globalization.CultureInfo.InvariantCulture), page.QuerySelector("input#min")!.GetAttribute("value"));
        Assert.Contains($"min={min}", page.QuerySelector("#network")!.GetAttribute("data-api"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_the_network_page_may_run_scripts_and_only_the_readers_own()
    {
        var response = await reader.Client.GetAsync("/network");
        Assert.Equal(SecurityHeaders.ScriptPagePolicy, response.Headers.GetValues("Content-Security-Policy").Single());
        var html = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        var scripts = html.QuerySelectorAll("script").ToList();
        Assert.Equal(["/assets/cytoscape.min.js", "/assets/network.js"], scripts.Select(s => s.GetAttribute("src")));
        Assert.All(scripts, s => Assert.Equal("", s.TextContent));
        var script = await reader.Client.GetAsync("/assets/cytoscape.min.js");
        Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);

        foreach (var page in new[] { "/names", "/timeline" })
        {
            var other = await reader.Client.GetAsync(page);
            Assert.Equal(SecurityHeaders.ContentSecurityPolicy, other.Headers.GetValues("Content-Security-Policy").Single());
            Assert.Empty(new HtmlParser().ParseDocument(await other.Content.ReadAsStringAsync()).QuerySelectorAll("script"));
        }
    }

    [Fact]
    public async Task A_name_page_lists_documents_by_role_and_an_unknown_name_is_not_found()
    {
        var lenin = (await Json("/api/names")).EnumerateArray().Single(e => Variants(e).Contains("V. I. Lenin"));
        var page = await reader.Client.GetAsync($"/names/{lenin.GetProperty("id").GetString()}");
        var html = new HtmlParser().ParseDocument(await page.Content.ReadAsStringAsync());
        Assert.Contains("Wrote", html.QuerySelector("#role-author")!.TextContent);
        Assert.NotNull(html.QuerySelector("a[href='/documents/lenin-1921-10-20-to-stalin']"));
        Assert.Equal(HttpStatusCode.NotFound, (await reader.Client.GetAsync("/names/person-nobody-at-all")).StatusCode);
    }
}
