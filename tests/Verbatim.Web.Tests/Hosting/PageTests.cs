using System.Net;
using System.Net.Http.Json;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Verbatim.Web.Hosting;

namespace Verbatim.Web.Tests.Hosting;

[Collection(ReaderCollection.Name)]
public sealed class PageTests(ReaderFixture reader)
{
    private async Task<(HttpResponseMessage Response, IHtmlDocument Html)> Get(string path)
    {
        var response = await reader.Client.GetAsync(path);
        var html = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        return (response, html);
    }

    public static TheoryData<string> EveryKindOfPage => new()
    {
        "/",
        "/?by=year",
        "/?by=addressee",
        "/?by=volume",
        $"/documents/{ReaderFixture.RevisedId}",
        $"/documents/{ReaderFixture.RevisedId}?version=1",
        $"/documents/{ReaderFixture.RevisedId}/diff?from=1&to=2",
        "/search",
        "/search?q=Stalin",
        "/search?q=nothingmatchesthisword",
        "/collate",
        $"/collate?w={ReaderFixture.RevisedId}@1&w={ReaderFixture.RevisedId}@2",
        "/testimonies",
        $"/testimonies?a={TestimoniesPageTests.StatementOne}&b={TestimoniesPageTests.StatementTwo}",
        "/cases",
        $"/cases/{ReaderFixture.CaseId}",
        "/no/such/page",
    };

    [Theory]
    [MemberData(nameof(EveryKindOfPage))]
    public async Task Every_page_has_one_h1_a_language_labelled_inputs_and_the_security_policy(string path)
    {
        var (response, html) = await Get(path);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Single(html.QuerySelectorAll("h1"));
        Assert.Equal("en", html.DocumentElement.GetAttribute("lang"));
        foreach (var input in html.QuerySelectorAll("input:not([type=hidden])"))
            Assert.NotNull(html.QuerySelector($"label[for='{input.Id}']"));
        Assert.Empty(html.QuerySelectorAll("script"));
        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task The_works_index_groups_by_each_facet_with_counts()
    {
        var (_, byAuthor) = await Get("/");
        var lenin = byAuthor.QuerySelectorAll("section.work-group").Single(s => s.QuerySelector("h2")!.TextContent.StartsWith("V. I. Lenin", StringComparison.Ordinal));
        var count = lenin.QuerySelectorAll("ol.works > li").Length;
        Assert.True(count >= 3);
        Assert.Contains($"{count} works", lenin.QuerySelector("h2 .count")!.TextContent);

        var (_, byVolume) = await Get("/?by=volume");
        Assert.Contains(byVolume.QuerySelectorAll("section.work-group h2"), h => h.TextContent.StartsWith("Lenin Collected Works, volume 45", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_works_index_of_a_small_archive_is_one_page_and_a_page_past_it_is_not_found()
    {
        var (first, html) = await Get("/?page=1");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Null(html.QuerySelector(".pagination"));
        Assert.All(html.QuerySelectorAll(".group-list a"), a => Assert.StartsWith("#", a.GetAttribute("href"), StringComparison.Ordinal));
        var (past, pastHtml) = await Get("/?by=year&page=2");
        Assert.Equal(HttpStatusCode.NotFound, past.StatusCode);
        Assert.Contains("no page 2", pastHtml.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_document_shows_its_provenance_notes_neighbours_formats_citations_and_versions()
    {
        var (response, html) = await Get($"/documents/{ReaderFixture.RevisedId}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("To J. V. Stalin", html.QuerySelector("h1")!.TextContent);
        var provenance = html.QuerySelector(".provenance")!.TextContent;
        foreach (var fact in new[] { "1921-10-20", "Lenin Miscellany XXXV", "the original", "volume 45, page 348b", "Yuri Sdobnikov", "R. Cymbala", "Public Domain" })
            Assert.Contains(fact, provenance);

        var marker = html.QuerySelector("sup.marker a")!;
        Assert.Equal("#note-1", marker.GetAttribute("href"));
        Assert.Equal("#" + marker.Id, html.QuerySelector("#note-1 a.back")!.GetAttribute("href"));

        Assert.StartsWith("/documents/lenin-1921-05-30-to-lutovinov", html.QuerySelector(".sequence a[rel=prev]")!.GetAttribute("href"));
        Assert.Contains(html.QuerySelectorAll(".sequence h3"), h => h.TextContent.Contains("volume 45", StringComparison.Ordinal));
        Assert.Contains("@misc{lenin-1921-10-20-to-stalin,", html.QuerySelector("pre code")!.TextContent);
        Assert.Equal(2, html.QuerySelectorAll("ol.versions > li").Length);
        Assert.NotNull(html.QuerySelector($"a[href='/documents/{ReaderFixture.RevisedId}/diff?from=1&to=2']"));
    }

    [Fact]
    public async Task The_diff_view_shows_the_removed_and_the_added_line()
    {
        var (_, html) = await Get($"/documents/{ReaderFixture.RevisedId}/diff?from=1&to=2");
        Assert.Contains(html.QuerySelectorAll(".line.removed"), l => l.TextContent.Contains("Have a look at this, please", StringComparison.Ordinal));
        Assert.Contains(html.QuerySelectorAll(".line.added"), l => l.TextContent.Contains("Have a look at this at once, please", StringComparison.Ordinal));
        // Word by word, the one change is the words added (with the comma that moved after them).
        var word = Assert.Single(html.QuerySelectorAll(".words li"));
        Assert.EndsWith("at once,", word.QuerySelector("ins")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Have a look at", word.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_diff_view_keeps_the_spaces_between_the_words_before_a_change_and_its_readings()
    {
        var (_, html) = await Get($"/documents/{ReaderFixture.RevisedId}/diff?from=1&to=2");
        var word = Assert.Single(html.QuerySelectorAll(".words li"));
        foreach (var reading in word.QuerySelectorAll("del, ins"))
            Assert.Contains(" " + reading.TextContent, word.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("  ", word.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_collation_page_aligns_two_versions_and_marks_the_variant_rows()
    {
        var (response, html) = await Get($"/collate?w=v1={ReaderFixture.RevisedId}@1&w=v2={ReaderFixture.RevisedId}@2");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["#", "v1", "v2"], html.QuerySelectorAll("table.collation thead th").Select(th => th.TextContent));
        var variants = html.QuerySelectorAll("table.collation tr.variant").Select(tr => string.Join('|', tr.QuerySelectorAll("td").Select(td => td.TextContent))).ToList();
        Assert.Contains("|once,", variants);
        Assert.All(html.QuerySelectorAll("table.collation tbody tr:not(.variant)"), tr => Assert.Single(tr.QuerySelectorAll("td").Select(td => td.TextContent).Distinct()));
        Assert.Equal($"v1={ReaderFixture.RevisedId}@1", html.QuerySelector("input#w0")!.GetAttribute("value"));
    }

    [Theory]
    [InlineData("/collate?w=one-witness-only")]
    [InlineData("/collate?w=A=/etc/passwd&w=B=/etc/hostname")]
    [InlineData("/collate?w=no-such-document&w=lenin-1921-10-20-to-stalin")]
    public async Task A_collation_that_cannot_be_made_says_why_and_reads_no_file(string path)
    {
        var (response, html) = await Get(path);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("These witnesses cannot be collated", html.QuerySelector(".nothing h2")!.TextContent);
        Assert.DoesNotContain("root:", html.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_compilation_lists_its_parts_and_each_part_links_back()
    {
        var compilation = (await reader.Client.GetFromJsonAsync<List<WorkRow>>("/api/documents"))!
            .First(w => w.Kind == "compilation");
        var (_, page) = await Get($"/documents/{compilation.Id}");
        var parts = page.QuerySelectorAll(".parts li a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.True(parts.Count > 1);
        var (_, part) = await Get(parts[0]);
        Assert.NotNull(part.QuerySelector($".provenance a[href='/documents/{compilation.Id}']"));
    }

    [Fact]
    public async Task Markup_in_a_source_is_shown_as_text_never_as_markup()
    {
        var (response, html) = await Get($"/documents/{reader.ScriptDocumentId}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(html.QuerySelectorAll("script"));
        Assert.Empty(html.QuerySelectorAll("main img"));
        Assert.Contains("<script>window.verbatimPwned = true</script>", html.QuerySelector("h1")!.TextContent);
        Assert.Contains("<img src=x onerror=", html.QuerySelector(".body")!.TextContent);
    }

    [Fact]
    public async Task Search_shows_highlighted_snippets_facets_and_pages()
    {
        var (_, html) = await Get("/search?q=Lenin");
        Assert.NotEmpty(html.QuerySelectorAll(".snippet mark"));
        Assert.NotEmpty(html.QuerySelectorAll(".facets a"));
        var next = html.QuerySelector(".pagination a[rel=next]")!.GetAttribute("href")!;
        var (_, second) = await Get(next);
        Assert.Equal("11", second.QuerySelector("ol.hits")!.GetAttribute("start"));
    }

    [Theory]
    [InlineData("99")]
    [InlineData("214748366")]
    [InlineData("1000000000")]
    public async Task A_search_page_past_the_last_says_so_and_links_to_the_last_page(string page)
    {
        var (_, firstHtml) = await Get("/search?q=Stalin");
        var total = int.Parse(firstHtml.QuerySelector("#hits-heading")!.TextContent.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
        var lastPage = (total + 9) / 10;
        var (response, html) = await Get("/search?q=Stalin&page=" + page);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Empty(html.QuerySelectorAll("ol.hits > li"));
        Assert.DoesNotContain("Showing", html.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains($"no page {page}", html.QuerySelector(".nothing")!.TextContent, StringComparison.Ordinal);
        var expected = lastPage == 1 ? "/search?q=Stalin" : $"/search?q=Stalin&page={lastPage}";
        Assert.Equal(expected, html.QuerySelector(".nothing a[rel=last]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task A_search_that_finds_nothing_says_so_and_offers_a_way_on()
    {
        var (response, html) = await Get("/search?q=nothingmatchesthisword&author=Lenin");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Nothing found", html.QuerySelector(".nothing h2")!.TextContent);
        Assert.NotNull(html.QuerySelector(".nothing a[href='/search?q=nothingmatchesthisword']"));
    }

    [Fact]
    public async Task A_query_that_cannot_be_read_is_explained_on_the_page()
    {
        var (response, html) = await Get("/search?q=" + Uri.EscapeDataString("(Stalin"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("never closed", html.QuerySelector(".nothing")!.TextContent);
    }

    [Theory]
    [InlineData("/documents/no-such-document")]
    [InlineData("/documents/lenin-1921-10-20-to-stalin?version=7")]
    [InlineData("/documents/..%2F..%2F..%2Fetc%2Fpasswd")]
    [InlineData("/documents/..%2Fverbatim-archive.txt/text")]
    [InlineData("/documents/%2E%2E/source")]
    [InlineData("/assets/..%2F..%2Fverbatim-archive.txt")]
    [InlineData("/catalog.sqlite")]
    [InlineData("/store/0=ocfl_1.1")]
    [InlineData("/verbatim-archive.txt")]
    public async Task No_address_reaches_a_file_outside_the_documents(string path)
    {
        var response = await reader.Client.GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("root:", body);
        Assert.DoesNotContain("A Verbatim archive", body);
        Assert.DoesNotContain("ocfl_1.1", body);
    }

    [Fact]
    public async Task Other_formats_and_citations_are_served_with_their_types()
    {
        var text = await reader.Client.GetAsync($"/documents/{ReaderFixture.RevisedId}/text");
        Assert.Equal("text/plain", text.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("# To J. V. Stalin", await text.Content.ReadAsStringAsync());

        var source = await reader.Client.GetAsync($"/documents/{ReaderFixture.RevisedId}/source");
        Assert.Equal("attachment", source.Content.Headers.ContentDisposition?.DispositionType);

        var csl = await reader.Client.GetStringAsync($"/documents/{ReaderFixture.RevisedId}/cite.json");
        Assert.Contains("\"container-title\": \"Lenin Collected Works\"", csl);
        var bib = await reader.Client.GetStringAsync($"/documents/{ReaderFixture.RevisedId}/cite.bib");
        Assert.Contains("author = {{V. I. Lenin}}", bib);

        var tei = await reader.Client.GetAsync($"/documents/{ReaderFixture.RevisedId}.xml");
        Assert.Equal("application/tei+xml", tei.Content.Headers.ContentType?.MediaType);
        var xml = System.Xml.Linq.XDocument.Parse(await tei.Content.ReadAsStringAsync());
        Assert.Equal("To J. V. Stalin", xml.Descendants(Verbatim.Formats.Tei.TeiWriter.Tei + "title").First().Value);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.Client.GetAsync("/documents/no-such-document.xml")).StatusCode);
    }

    private sealed record WorkRow(string Id, string Kind);

    [Fact]
    public async Task The_check_page_names_each_ellipsis_with_what_it_leaves_out_and_where()
    {
        var (response, html) = await Get("/check-quote?q=" + Uri.EscapeDataString(
            "Facts—you will recall this yourself—are stubborn things. … So have a look at what are the facts you mention. [...] You have not given any names. There are no facts."));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var empty = html.QuerySelectorAll("table.differences tr.difference-empty-ellipsis td").Select(td => td.TextContent).ToList();
        Assert.Equal(["an ellipsis, but nothing is left out", "—", "…", "1001"], empty);
        var omission = html.QuerySelectorAll("table.differences tr.difference-marked-omission td").Select(td => td.TextContent).ToList();
        Assert.Equal(["left out, marked by an ellipsis", "[...]", "1053–1494"], omission.Skip(2).Prepend(omission[0]));
        Assert.StartsWith("I list all your factual statements", omission[1], StringComparison.Ordinal);
        Assert.EndsWith("gossip loves darkness and anonymity", omission[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_check_page_names_an_editors_brackets_as_the_editors()
    {
        var (_, html) = await Get("/check-quote?q=" + Uri.EscapeDataString(
            "[Lalayants] is undoubtedly a loyal revolutionary [emphasis added], who must be used despite our political differences"));

        var rows = html.QuerySelectorAll("table.differences tbody tr").Select(tr => tr.QuerySelectorAll("td").Take(3).Select(td => td.TextContent).ToList()).ToList();
        Assert.Equal(
            [["replaced by an editor's words in square brackets", "He", "[Lalayants]"], ["put in by an editor, in square brackets", "—", "[emphasis added]"]],
            rows);
    }

    [Fact]
    public async Task A_statement_of_1926_is_shown_sharing_passages_with_an_undated_essay_not_quoting_it()
    {
        var (_, html) = await Get("/documents/ulyanova-1926-07-26-to-ccc");

        var shared = html.QuerySelector("#shared-heading")?.ParentElement;
        Assert.NotNull(shared);
        Assert.Contains(shared.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/documents/singh-on-the-relations-between-lenin-and");
        foreach (var heading in new[] { "#quotes-heading", "#quoted-in-heading" })
        {
            var links = html.QuerySelector(heading)?.ParentElement?.QuerySelectorAll("a").ToList() ?? [];
            Assert.DoesNotContain(links, a => a.GetAttribute("href") == "/documents/singh-on-the-relations-between-lenin-and");
        }
        var passage = shared.QuerySelectorAll("a").First(a => a.TextContent == "Read side by side").GetAttribute("href")!;
        var (_, side) = await Get(passage);
        Assert.DoesNotContain("quoting", side.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(side.QuerySelectorAll("h2"), h => h.TextContent.StartsWith("Quoted in", StringComparison.Ordinal));
    }
}
