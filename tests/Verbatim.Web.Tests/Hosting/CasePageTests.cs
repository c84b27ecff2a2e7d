using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Verbatim.Web.Tests.Hosting;

/// <summary>/cases and /cases/{id}: a case read in the reader, each citation at its version, a newer version told with what changed in the cited range.</summary>
[Collection(ReaderCollection.Name)]
public sealed class CasePageTests(ReaderFixture reader)
{
    private async Task<(HttpResponseMessage Response, IHtmlDocument Html)> Get(string path)
    {
        var response = await reader.Client.GetAsync(path);
        return (response, new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task The_list_of_cases_links_each_by_its_question()
    {
        var (response, html) = await Get("/cases");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(
            [("/cases/greeting", ReaderFixture.CaseQuestion), ("/cases/statements", ReaderFixture.StatementsCaseQuestion)],
            html.QuerySelectorAll("ol.cases a").Select(a => (a.GetAttribute("href"), a.TextContent)).Order());
        Assert.NotNull(html.QuerySelector("nav a[href='/cases']"));
    }

    [Fact]
    public async Task A_passage_is_linked_at_its_version_and_the_page_says_a_newer_version_changed_the_cited_range()
    {
        var (response, html) = await Get($"/cases/{ReaderFixture.CaseId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ReaderFixture.CaseQuestion, html.QuerySelector("h1")!.TextContent);
        Assert.Contains("The polemic says Stalin replaced the greeting.", html.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var passage = html.QuerySelector("li.case-passage")!;
        Assert.Equal(ReaderFixture.RevisedPassage, passage.QuerySelector("blockquote.passage")!.TextContent);
        Assert.NotNull(passage.QuerySelector($"h3 a[href='/documents/{ReaderFixture.RevisedId}?version=1']"));
        var newer = passage.QuerySelector(".newer-version")!;
        Assert.Contains("A newer version exists: version 2", newer.TextContent, StringComparison.Ordinal);
        Assert.NotNull(newer.QuerySelector($"a[href='/documents/{ReaderFixture.RevisedId}/diff?from=1&to=2']"));
        // The range ends inside "please," and a word the range cuts is taken whole.
        Assert.Contains("«Have a look at this at once, please,»", newer.TextContent, StringComparison.Ordinal);
        Assert.Contains("at once", string.Concat(newer.QuerySelectorAll("ol.range-changes ins").Select(i => i.TextContent)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_quotation_check_shows_its_substitution_the_collation_its_table_and_the_note_its_words()
    {
        var (_, html) = await Get($"/cases/{ReaderFixture.CaseId}");

        var check = html.QuerySelector("li.case-quotation")!;
        var substitution = check.QuerySelector("tr.difference-substitution")!;
        Assert.Equal(["words replaced", "the very best comradely", "Communist"], substitution.QuerySelectorAll("td").Take(3).Select(td => td.TextContent));
        Assert.NotNull(check.QuerySelector("a[href^='/documents/trotsky-1930-03-22-with-lenin-against-stalin?version=1']"));
        var collation = html.QuerySelector("li.case-collation")!;
        Assert.NotNull(collation.QuerySelector("table"));
        Assert.Contains("at once", collation.QuerySelector("table")!.TextContent, StringComparison.Ordinal);
        // Two witnesses are also read as testimonies, sentence by sentence, each at the version the case keeps.
        var testimonies = collation.QuerySelector("a.testimonies")!.GetAttribute("href")!;
        Assert.StartsWith("/testimonies?a=", testimonies, StringComparison.Ordinal);
        Assert.Contains("av=", testimonies, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await reader.Client.GetAsync(testimonies)).StatusCode);
        Assert.Equal("Compare the two readings.", html.QuerySelector("li.case-note p, li.case-note")!.TextContent.Replace("Note", "", StringComparison.Ordinal).Trim());
        Assert.Equal(["1", "2", "3", "4"], html.QuerySelectorAll("ol.case-items > li").Select(li => li.Id!.Replace("item-", "", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_collation_of_two_witnesses_shows_them_side_by_side_sentence_by_sentence_in_the_case_itself()
    {
        var (_, html) = await Get($"/cases/{ReaderFixture.CaseId}");

        var collation = html.QuerySelector("li.case-collation")!;
        var table = collation.QuerySelector("table.testimonies")!;
        // The same comparison as the testimonies page and its API make at the versions the case keeps.
        using var json = System.Text.Json.JsonDocument.Parse(await reader.Client.GetStringAsync(
            $"/api/testimonies?a={ReaderFixture.RevisedId}&av=1&b={ReaderFixture.RevisedId}&bv=2"));
        var counts = json.RootElement.GetProperty("summary");
        Assert.Equal(
            $"{counts.GetProperty("shared").GetInt32()} shared, {counts.GetProperty("reworded").GetInt32()} reworded, {counts.GetProperty("only-in-a").GetInt32()} only in A, {counts.GetProperty("only-in-b").GetInt32()} only in B, {counts.GetProperty("disagreeing").GetInt32()} disagreeing",
            collation.QuerySelector("p.summary")!.TextContent);
        Assert.True(table.QuerySelectorAll("tbody tr").Length > 1);
        // The corrected sentence stands on one row with its reading in the first version; the words the second added are marked.
        var corrected = table.QuerySelectorAll("tbody tr").Single(row => row.TextContent.Contains("at once", StringComparison.Ordinal));
        var cells = corrected.QuerySelectorAll("td");
        // ⁁ marks where the first version lacks what the second has.
        Assert.Contains("Have a look at this⁁, please", cells[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("at once", string.Concat(cells[2].QuerySelectorAll("mark").Select(m => m.TextContent)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ulyanova_s_two_statements_in_a_case_show_where_they_disagree_and_Bukharin_s_draft_comes_out_reworded()
    {
        var (_, html) = await Get($"/cases/{ReaderFixture.StatementsCaseId}");

        var (statements, draft) = (html.QuerySelector("#item-1")!, html.QuerySelector("#item-2")!);
        var apology = Assert.Single(statements.QuerySelectorAll("table.testimonies tr.testimony-disagreeing"), tr => tr.QuerySelectorAll("td")[0].TextContent.Contains("Stalin apologized", StringComparison.Ordinal));
        Assert.Contains("did not come to know", apology.QuerySelectorAll("td")[2].TextContent, StringComparison.Ordinal);
        Assert.NotEmpty(statements.QuerySelectorAll("tr.testimony-only-in-b"));
        // The draft is a range of the introduction: every row of A lies inside it, and most of it is said again in other words.
        var rows = draft.QuerySelectorAll("table.testimonies tbody tr").Where(tr => tr.QuerySelectorAll("td")[0].TextContent.Trim().Length > 0).ToList();
        Assert.Equal(3, rows.Count(tr => tr.ClassName == "testimony-reworded"));
        Assert.Contains("systematic slander", rows[0].QuerySelectorAll("td")[0].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_public_is_not_shown_the_case_s_versions()
        => Assert.Null((await Get($"/cases/{ReaderFixture.CaseId}")).Html.QuerySelector("#versions-heading"));

    [Theory]
    [InlineData("/cases/no-such-case")]
    [InlineData("/cases/Not%20A%20Case")]
    [InlineData("/cases/..%2F..%2Fetc")]
    public async Task An_unknown_case_is_not_found(string path)
    {
        var (response, html) = await Get(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("There is no case", html.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }
}
