using System.Net;
using System.Text.Json;

namespace Verbatim.Web.Tests.Hosting;

[Collection(ReaderCollection.Name)]
public sealed class ApiTests(ReaderFixture reader)
{
    private async Task<(HttpResponseMessage Response, JsonElement Json)> Get(string path)
    {
        var response = await reader.Client.GetAsync(path);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        return (response, json);
    }

    [Fact]
    public async Task Documents_lists_the_works_index_and_filters_it_like_the_cli()
    {
        var (all, everything) = await Get("/api/documents");
        Assert.Equal(HttpStatusCode.OK, all.StatusCode);
        Assert.Contains(everything.EnumerateArray(), w => w.GetProperty("id").GetString() == "lenin-1921-10-20-to-stalin");

        var (_, lenin) = await Get("/api/documents?author=Lenin&from=1921&to=1921");
        Assert.NotEmpty(lenin.EnumerateArray());
        Assert.All(lenin.EnumerateArray(), w =>
        {
            Assert.Contains(w.GetProperty("authors").EnumerateArray(), a => a.GetString()!.Contains("Lenin", StringComparison.Ordinal));
            Assert.StartsWith("1921", w.GetProperty("date").GetString());
        });
        Assert.True(lenin.GetArrayLength() < everything.GetArrayLength());
    }

    [Fact]
    public async Task Collate_gives_the_table_of_two_versions_and_a_problem_for_a_file()
    {
        var (ok, table) = await Get($"/api/collate?w=A={ReaderFixture.RevisedId}@1&w=B={ReaderFixture.RevisedId}@2&ignorePunctuation=true");
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(["A", "B"], table.GetProperty("witnesses").EnumerateArray().Select(w => w.GetString()));
        var (a, b) = (table.GetProperty("table").GetProperty("A").EnumerateArray().Select(t => t.GetString()).ToList(), table.GetProperty("table").GetProperty("B").EnumerateArray().Select(t => t.GetString()).ToList());
        Assert.Equal(a.Count, b.Count);
        Assert.Equal(["at", "once,"], Enumerable.Range(0, a.Count).Where(c => a[c] != b[c] && a[c] == "").Select(c => b[c]));

        var (refused, problem) = await Get("/api/collate?w=A=/etc/passwd&w=B=/etc/hostname");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains("stored documents only", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_document_is_its_stored_document_json_and_a_version_can_be_named()
    {
        var (head, document) = await Get($"/api/documents/{ReaderFixture.RevisedId}");
        Assert.Equal("application/json", head.Content.Headers.ContentType?.MediaType);
        Assert.Equal(ReaderFixture.RevisedId, document.GetProperty("id").GetString());
        Assert.Contains("at once", document.GetProperty("body")[1].GetProperty("text").GetString());

        var (_, first) = await Get($"/api/documents/{ReaderFixture.RevisedId}?version=1");
        Assert.DoesNotContain("at once", first.GetProperty("body")[1].GetProperty("text").GetString());

        var (_, history) = await Get($"/api/documents/{ReaderFixture.RevisedId}/history");
        Assert.Equal(2, history.GetArrayLength());
        Assert.Equal("a corrected reading", history[1].GetProperty("message").GetString());
    }

    [Theory]
    [InlineData("/api/documents/no-such-document")]
    [InlineData("/api/documents/lenin-1921-10-20-to-stalin?version=9")]
    [InlineData("/api/documents/no-such-document/history")]
    [InlineData("/api/no-such-route")]
    public async Task An_unknown_id_version_or_route_is_a_404_problem(string path)
    {
        var (response, problem) = await Get(path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(404, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("detail").GetString()));
    }

    [Fact]
    public async Task Search_answers_with_marked_snippets_and_facets_and_pages()
    {
        var (response, results) = await Get("/api/search?q=Stalin&limit=2");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(results.GetProperty("total").GetInt32() > 2);
        Assert.Equal(2, results.GetProperty("hits").GetArrayLength());
        Assert.Contains("«", results.GetProperty("hits")[0].GetProperty("snippet").GetString());
        Assert.NotEmpty(results.GetProperty("facets").GetProperty("author").EnumerateArray());

        var (_, second) = await Get("/api/search?q=Stalin&limit=2&offset=2");
        Assert.NotEqual(results.GetProperty("hits")[0].GetProperty("id").GetString(), second.GetProperty("hits")[0].GetProperty("id").GetString());
    }

    [Fact]
    public async Task Many_searches_at_once_each_get_the_whole_answer()
    {
        var queries = Enumerable.Range(0, 24).Select(i => i % 2 == 0 ? "Stalin" : "Lenin").ToList();
        var alone = new Dictionary<string, string>
        {
            ["Stalin"] = await reader.Client.GetStringAsync("/api/search?q=Stalin"),
            ["Lenin"] = await reader.Client.GetStringAsync("/api/search?q=Lenin"),
        };
        var together = await Task.WhenAll(queries.Select(q => reader.Client.GetStringAsync("/api/search?q=" + q)));
        for (var i = 0; i < queries.Count; i++)
            Assert.Equal(alone[queries[i]], together[i]);
    }

    [Fact]
    public async Task A_query_that_cannot_be_read_is_a_400_problem_naming_the_position()
    {
        var (response, problem) = await Get("/api/search?q=" + Uri.EscapeDataString("(Stalin"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(problem.TryGetProperty("position", out _));
    }

    [Fact]
    public async Task A_query_of_one_word_repeated_thousands_of_times_is_answered_at_once()
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var (response, _) = await Get("/api/search?q=" + Uri.EscapeDataString(string.Concat(Enumerable.Repeat("a ", 2000))));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task A_query_of_too_many_terms_is_a_400_naming_the_limit()
    {
        var terms = string.Join(" OR ", Enumerable.Range(0, 200).Select(i => $"word{i}"));
        var (response, problem) = await Get("/api/search?q=" + Uri.EscapeDataString(terms));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("at most 128", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task The_openapi_document_describes_every_api_route()
    {
        var (response, openApi) = await Get("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var paths = openApi.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(["/api/check-quote", "/api/collate", "/api/documents", "/api/documents/{id}", "/api/documents/{id}/history", "/api/documents/{id}/quotes", "/api/names", "/api/names/{id}", "/api/network", "/api/search", "/api/testimonies", "/api/timeline", "/oai"], paths.Order(StringComparer.Ordinal));
        var searchParameters = openApi.GetProperty("paths").GetProperty("/api/search").GetProperty("get").GetProperty("parameters")
            .EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Equal(["q", "author", "addressee", "from", "to", "kind", "collection", "volume", "offset", "limit"], searchParameters);
        // HEAD is answered wherever GET is, and not described again.
        Assert.All(openApi.GetProperty("paths").EnumerateObject(), path => Assert.False(path.Value.TryGetProperty("head", out _), path.Name));
        var kinds = openApi.GetProperty("components").GetProperty("schemas").GetProperty("DocumentKind").GetProperty("enum").EnumerateArray().Select(k => k.GetString());
        Assert.Contains("letter", kinds);
    }

    private const string AsReadAtThePlenum =
        "If for some reason you do not agree, send me back all the papers. I will consider that a sign of your disagreement. With Communist greetings";

    [Fact]
    public async Task Check_quote_answers_by_address_and_by_post_as_the_cli_does()
    {
        var (byAddress, found) = await Get("/api/check-quote?q=" + Uri.EscapeDataString(AsReadAtThePlenum));
        Assert.Equal(HttpStatusCode.OK, byAddress.StatusCode);
        var best = found.GetProperty("matches")[0];
        Assert.StartsWith("trotsky-1930-03-22-with-lenin-against-stalin", best.GetProperty("id").GetString(), StringComparison.Ordinal);
        var difference = best.GetProperty("differences").EnumerateArray().Single();
        Assert.Equal(("substitution", "Communist", "the very best comradely"),
            (difference.GetProperty("type").GetString(), difference.GetProperty("quoted").GetString(), difference.GetProperty("source").GetString()));

        var posted = await reader.Client.PostAsync("/api/check-quote",
            new StringContent(JsonSerializer.Serialize(new { text = AsReadAtThePlenum }), System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Equal(found.GetRawText(), JsonDocument.Parse(await posted.Content.ReadAsStringAsync()).RootElement.GetRawText());
    }

    [Fact]
    public async Task Check_quote_gives_one_match_for_a_quotation_cut_by_an_ellipsis_with_the_omission_it_marks()
    {
        var (response, found) = await Get("/api/check-quote?q=" + Uri.EscapeDataString(
            "Facts—you will recall this yourself—are stubborn things. … You have not given any names. There are no facts."));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var match = found.GetProperty("matches").EnumerateArray().Single();
        Assert.Equal((946, 1546), (match.GetProperty("start").GetInt32(), match.GetProperty("end").GetInt32()));
        var omission = match.GetProperty("differences").EnumerateArray().Single();
        Assert.Equal(("marked-omission", "…", 1003), (omission.GetProperty("type").GetString(), omission.GetProperty("quoted").GetString(), omission.GetProperty("offset").GetInt32()));
        Assert.StartsWith("So have a look at what are the facts", omission.GetProperty("source").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_quote_refuses_too_short_a_quotation_as_a_problem()
    {
        var (response, problem) = await Get("/api/check-quote?q=loyal+revolutionary");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("at least 5 words", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Quotes_lists_a_documents_links_from_both_sides()
    {
        var (response, links) = await Get("/api/documents/krupskaya-1936-lenins-wife-on-stalin-and-the/quotes");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var within = links.GetProperty("quotedIn").EnumerateArray().Single(l => l.GetProperty("direction").GetString() == "within-document");
        Assert.True(within.GetProperty("matchedWords").GetInt32() >= 8);
        Assert.Contains(links.GetProperty("quotes").EnumerateArray(), l => l.GetRawText() == within.GetRawText());

        var (missing, _) = await Get("/api/documents/no-such-document/quotes");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}
