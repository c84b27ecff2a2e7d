using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Verbatim.Searching;
using Verbatim.Web.Pages;

namespace Verbatim.Web.Tests.Pages;

public sealed class WorksIndexTests
{
    private static List<WorkEntry> Works(params (string Author, int Count)[] authors)
        => [.. authors.SelectMany(a => Enumerable.Range(1, a.Count).Select(n =>
            new WorkEntry($"{a.Author.ToLowerInvariant()}-{n:0000}", $"Letter {n} of {a.Author}", "letter", $"19{n % 100:00}-01-01", [a.Author], ["Someone"], null, null, 1)))];

    [Fact]
    public void A_page_holds_the_page_size_of_works_a_group_running_on_to_the_next_page_and_each_group_knows_its_first_page()
    {
        var index = WorksIndex.Of(Works(("Adler", 250), ("Bebel", 150), ("Clara", 50)), "author", pageSize: 200);
        Assert.Equal(3, index.PageCount);
        Assert.Equal([1, 2, 3], index.Groups.Select(g => g.FirstPage));

        var first = index.Page(1);
        Assert.Equal(("Adler", 200, false), (first.Single().Group.Label, first.Single().Works.Count, first.Single().Continued));
        var second = index.Page(2);
        Assert.Equal([("Adler", 50, true), ("Bebel", 150, false)], second.Select(p => (p.Group.Label, p.Works.Count, p.Continued)));
        Assert.Equal("adler-0201", second[0].Works[0].Id);
        Assert.Equal([("Clara", 50, false)], index.Page(3).Select(p => (p.Group.Label, p.Works.Count, p.Continued)));

        Assert.Equal("/?by=author&page=3#author-3", index.GroupLink(index.Groups[2], currentPage: 1));
        Assert.Equal("#author-3", index.GroupLink(index.Groups[2], currentPage: 3));
    }

    [Fact]
    public async Task The_index_of_a_4420_letter_archive_is_paged_well_under_a_megabyte_with_every_group_linked()
    {
        var works = Works([.. Enumerable.Range(1, 150).Select(n => ($"Author {n:000}", n <= 20 ? 130 : 14))]);
        Assert.Equal(4420, works.Count);
        var index = WorksIndex.Of(works, "author");
        var html = await Render(index, page: 1);
        var document = new HtmlParser().ParseDocument(html);
        Assert.True(html.Length < 150_000, $"the first page is {html.Length} characters");
        Assert.Equal(WorksIndex.PageSize, document.QuerySelectorAll("ol.works > li").Length);
        Assert.Equal(150, document.QuerySelectorAll(".group-list a").Length);
        Assert.Contains("4420 works", document.QuerySelector(".groupings")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(index.PageCount, document.QuerySelectorAll(".pagination li").Length);
        Assert.Equal("/?by=author&page=2", document.QuerySelector(".pagination a[rel=next]")!.GetAttribute("href"));
    }

    private static async Task<string> Render(WorksIndex index, int page)
    {
        await using var services = new ServiceCollection().AddLogging().AddSingleton(Verbatim.Access.Viewer.Public).BuildServiceProvider();
        await using var renderer = new HtmlRenderer(services, services.GetRequiredService<ILoggerFactory>());
        return await renderer.Dispatcher.InvokeAsync(async () =>
            (await renderer.RenderComponentAsync<WorksIndexPage>(ParameterView.FromDictionary(new Dictionary<string, object?> { ["Index"] = index, ["Page"] = page }))).ToHtmlString());
    }
}
