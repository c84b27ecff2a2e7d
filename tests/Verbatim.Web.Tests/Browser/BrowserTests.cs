using Microsoft.Playwright;
using Verbatim.Web.Tests.Hosting;

namespace Verbatim.Web.Tests.Browser;

/// <summary>
/// A person's path through the reader in a real browser, by mouse and by keyboard, with
/// JavaScript off (the reader must not need it); each page is photographed.
/// </summary>
[Collection(ReaderCollection.Name)]
public sealed class BrowserTests(ReaderFixture reader, Chromium chromium) : IClassFixture<Chromium>, IAsyncLifetime
{
    private IBrowserContext _context = default!;
    private IPage _page = default!;

    public async Task InitializeAsync()
    {
        _context = await NewContext(javaScript: false);
        _page = await _context.NewPageAsync();
    }

    private Task<IBrowserContext> NewContext(bool javaScript)
        => chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = reader.Address.ToString(),
            JavaScriptEnabled = javaScript,
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });

    public async Task DisposeAsync() => await _context.DisposeAsync();

    private Task Screenshot(string name)
        => _page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Chromium.ScreenshotFolder, name + ".png"), FullPage = true });

    /// <summary>Does what leads to another page and waits until that page has loaded.</summary>
    private async Task Navigate(Func<Task> action)
    {
        var before = _page.Url;
        await action();
        await _page.WaitForURLAsync(url => url != before);
    }

    /// <summary>Waits (up to Playwright's time limit, which fails the test) until the address ends in the fragment.</summary>
    private Task ReachFragment(string fragment) => _page.WaitForURLAsync(url => new Uri(url).Fragment == fragment);

    [Fact]
    public async Task Open_the_index_then_a_document()
    {
        await _page.GotoAsync("/");
        Assert.Equal("Works", await _page.Locator("h1").TextContentAsync());
        await Screenshot("index");

        await Navigate(() => _page.GetByRole(AriaRole.Link, new() { Name = "To J. V. Stalin", Exact = true }).First.ClickAsync());
        Assert.EndsWith($"/documents/{ReaderFixture.RevisedId}", _page.Url);
        Assert.Equal("To J. V. Stalin", await _page.Locator("h1").TextContentAsync());
        Assert.True(await _page.Locator(".provenance").IsVisibleAsync());
        await Screenshot("document");
    }

    [Fact]
    public async Task The_first_tab_reaches_the_skip_link_which_moves_past_the_navigation()
    {
        await _page.GotoAsync($"/documents/{ReaderFixture.RevisedId}");
        await _page.Keyboard.PressAsync("Tab");
        Assert.Equal("Skip to content", await _page.Locator(":focus").TextContentAsync());
        await _page.Keyboard.PressAsync("Enter");
        await ReachFragment("#main");
        await _page.Keyboard.PressAsync("Tab");
        Assert.Equal("ref-1-1", await _page.Locator(":focus").GetAttributeAsync("id"));
    }

    [Fact]
    public async Task Follow_a_footnote_by_keyboard_and_come_back()
    {
        await _page.GotoAsync($"/documents/{ReaderFixture.RevisedId}");
        await _page.Locator("sup.marker a").First.FocusAsync();
        await _page.Keyboard.PressAsync("Enter");
        await ReachFragment("#note-1");
        Assert.True(await _page.Locator("#note-1").IsVisibleAsync());
        await Screenshot("footnote");

        await _page.Locator("#note-1 a.back").First.ClickAsync();
        await ReachFragment("#ref-1-1");
        Assert.True(await _page.Locator("#ref-1-1").IsVisibleAsync());
    }

    [Fact]
    public async Task Search_narrow_by_a_facet_and_page_through_the_results()
    {
        await _page.GotoAsync("/search");
        var query = _page.GetByLabel("Words or \"a phrase\" in titles, names, text and notes");
        await query.FillAsync("Lenin");
        await Navigate(() => query.PressAsync("Enter"));
        Assert.EndsWith("/search?q=Lenin", _page.Url);
        Assert.True(await _page.Locator(".snippet mark").CountAsync() > 0);
        await Screenshot("search");

        await Navigate(() => _page.Locator(".pagination a[rel=next]").ClickAsync());
        Assert.EndsWith("page=2", _page.Url);
        Assert.Equal("11", await _page.Locator("ol.hits").GetAttributeAsync("start"));
        await Screenshot("search-page-2");

        var facet = _page.Locator(".facet", new() { Has = _page.Locator("h3", new() { HasText = "Kind" }) }).Locator("a").First;
        var kind = (await facet.TextContentAsync())!;
        await Navigate(() => facet.ClickAsync());
        Assert.Contains("kind=", _page.Url);
        Assert.Contains(kind, await _page.Locator(".active-filters").TextContentAsync());
        var found = await _page.Locator("#hits-heading").TextContentAsync();
        Assert.Matches("^[0-9]+ documents? found$", found);
        await Screenshot("search-facet");
    }

    [Fact]
    public async Task Collate_two_versions_from_the_form()
    {
        await _page.GotoAsync("/collate");
        await _page.GetByLabel("Witness 1").FillAsync($"{ReaderFixture.RevisedId}@1");
        await _page.GetByLabel("Witness 2").FillAsync($"{ReaderFixture.RevisedId}@2");
        await _page.GetByLabel("punctuation").CheckAsync();
        await Navigate(() => _page.GetByRole(AriaRole.Button, new() { Name = "Collate" }).ClickAsync());
        Assert.Contains("ignorePunctuation=true", _page.Url);
        Assert.True(await _page.Locator("table.collation tr.variant").CountAsync() > 0);
        Assert.Contains("once,", await _page.Locator("table.collation tr.variant").AllTextContentsAsync() is var rows ? string.Join(' ', rows) : "");
        await Screenshot("collate");
    }

    [Fact]
    public async Task Check_a_quotation_whose_closing_words_were_replaced()
    {
        await _page.GotoAsync("/");
        await Navigate(() => _page.GetByRole(AriaRole.Link, new() { Name = "Check a quotation" }).ClickAsync());
        await _page.GetByLabel("Quotation").FillAsync(
            "If for some reason you do not agree, send me back all the papers. I will consider that a sign of your disagreement. With Communist greetings");
        // The form posts to its own address, so the answer is awaited by the heading only an answer
        // has, not by a new address. (Waiting for the response and then for the new document's
        // load state raced with the load and once timed out.)
        await _page.GetByRole(AriaRole.Button, new() { Name = "Check" }).ClickAsync();
        await _page.Locator("#matches-heading").WaitForAsync();

        Assert.Contains("found for a quotation of 26 words", await _page.Locator("#matches-heading").TextContentAsync());
        var replaced = _page.Locator("table.differences tr.difference-substitution").First;
        Assert.Equal(["words replaced", "the very best comradely", "Communist"], (await replaced.Locator("td").AllTextContentsAsync()).Take(3));
        await Screenshot("check-quote");
    }

    [Fact]
    public async Task From_a_document_read_a_passage_it_gives_twice_side_by_side()
    {
        await _page.GotoAsync("/documents/krupskaya-1936-lenins-wife-on-stalin-and-the");
        var quotedIn = _page.Locator("section.quotes", new() { Has = _page.Locator("#quoted-in-heading") });
        Assert.Contains("Everyone can see", await quotedIn.Locator("blockquote").First.TextContentAsync());
        await Screenshot("document-quotes");

        await Navigate(() => quotedIn.GetByRole(AriaRole.Link, new() { Name = "Read side by side" }).First.ClickAsync());
        Assert.StartsWith("A passage given twice in", await _page.Locator("h1").TextContentAsync());
        Assert.Contains("Everybody can see", await _page.Locator("#target-heading + p + blockquote").TextContentAsync());
        Assert.True(await _page.Locator("blockquote mark.difference-substitution").CountAsync() > 0);
        Assert.True(await _page.Locator("table.differences tbody tr").CountAsync() > 0);
        await Screenshot("passage-side-by-side");
    }

    [Fact]
    public async Task From_the_sign_where_a_passage_begins_in_the_text_read_it_side_by_side()
    {
        await _page.GotoAsync("/documents/krupskaya-1936-lenins-wife-on-stalin-and-the");
        var start = _page.Locator(".body").GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Quoted in a later place in this document") }).First;
        var box = await start.BoundingBoxAsync();
        Assert.True(box is { Width: > 0, Height: > 0 }, "the sign is drawn, though the link holds no text");
        Assert.True(await _page.Locator(".body mark.passage-quoted-in").First.IsVisibleAsync());
        await Screenshot("document-marks");

        await Navigate(() => start.ClickAsync());
        Assert.StartsWith("A passage given twice in", await _page.Locator("h1").TextContentAsync());
    }

    [Fact]
    public async Task A_search_that_finds_nothing_says_so()
    {
        await _page.GotoAsync("/search?q=nothingmatchesthisword");
        Assert.Equal("Nothing found", await _page.Locator(".nothing h2").TextContentAsync());
        await Screenshot("search-nothing");
    }

    [Fact]
    public async Task A_script_in_a_source_shows_as_text_and_never_runs()
    {
        // JavaScript on here: a script that slipped through would run, and the test would see it.
        await using var context = await NewContext(javaScript: true);
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/documents/{reader.ScriptDocumentId}");

        Assert.Contains("<script>window.verbatimPwned = true</script>", await page.Locator("h1").TextContentAsync());
        Assert.Contains("<img src=x onerror=", await page.Locator(".body").TextContentAsync());
        Assert.Equal(0, await page.Locator("script").CountAsync());
        Assert.Equal(0, await page.Locator("main img").CountAsync());
        Assert.True(await page.EvaluateAsync<bool>("() => typeof window.verbatimPwned === 'undefined'"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Chromium.ScreenshotFolder, "script-as-text.png"), FullPage = true });
    }

    [Fact]
    public async Task The_network_is_drawn_by_the_readers_own_scripts_with_every_node_of_the_API()
    {
        // JavaScript on: the one page that runs scripts, under a policy that forbids any other.
        await using var context = await NewContext(javaScript: true);
        var page = await context.NewPageAsync();
        var refused = new List<string>();
        page.Console += (_, message) =>
        {
            // The browser asks for a favicon of its own accord; the reader has none.
            if (message.Type == "error" && !message.Location.EndsWith("/favicon.ico:0:0", StringComparison.Ordinal))
                refused.Add(message.Text + " @ " + message.Location);
        };
        await page.GotoAsync("/network");
        await page.Locator("#network[data-state='drawn']").WaitForAsync();

        var network = System.Text.Json.JsonDocument.Parse(await reader.Client.GetStringAsync("/api/network")).RootElement;
        Assert.Equal(network.GetProperty("nodes").GetArrayLength().ToString(System.Globalization.CultureInfo.InvariantCulture),
            await page.Locator("#network").GetAttributeAsync("data-nodes"));
        Assert.Equal(network.GetProperty("edges").GetArrayLength().ToString(System.Globalization.CultureInfo.InvariantCulture),
            await page.Locator("#network").GetAttributeAsync("data-edges"));
        Assert.Equal(1, await page.Locator("#network canvas").First.CountAsync());
        Assert.True(refused.Count == 0, string.Join("\n", refused));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Chromium.ScreenshotFolder, "network.png"), FullPage = true });

        // The filter form narrows the drawing to one person's letters.
        await page.Locator("#person").SelectOptionAsync(new SelectOptionValue { Label = "Vladimir Ilyich Lenin" });
        // The years are left empty, as a person leaves them: the form sends "from=&to=".
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await page.Locator("h1", new() { HasTextString = "Correspondence network: Vladimir Ilyich Lenin" }).WaitForAsync();
        Assert.Contains("person=", page.Url, StringComparison.Ordinal);
        await page.Locator("#network[data-state='drawn']").WaitForAsync();
        var nodes = int.Parse((await page.Locator("#network").GetAttributeAsync("data-nodes"))!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(nodes, 2, network.GetProperty("nodes").GetArrayLength() - 1);
    }

    [Fact]
    public async Task The_network_drawn_with_a_minimum_of_letters_has_fewer_nodes_and_labels_only_the_larger_ones()
    {
        await using var context = await NewContext(javaScript: true);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/network");
        await page.Locator("#network[data-state='drawn']").WaitForAsync();
        var all = int.Parse((await page.Locator("#network").GetAttributeAsync("data-nodes"))!, System.Globalization.CultureInfo.InvariantCulture);
        var labelled = int.Parse((await page.Locator("#network").GetAttributeAsync("data-labelled"))!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(labelled, 1, all - 1);

        var busy = System.Text.Json.JsonDocument.Parse(await reader.Client.GetStringAsync("/api/network?min=2")).RootElement;
        var expected = busy.GetProperty("nodes").GetArrayLength();
        Assert.InRange(expected, 2, all - 1);
        await page.Locator("#min").FillAsync("2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        // The new page's drawing, by its node count: a wait on the address or the load state raced
        // with the page's own fetch under load.
        await page.Locator($"#network[data-state='drawn'][data-nodes='{expected}']").WaitForAsync();
        Assert.Contains("min=2", page.Url, StringComparison.Ordinal);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Chromium.ScreenshotFolder, "network-min-2.png"), FullPage = true });
    }

    [Fact]
    public async Task Names_and_timeline_work_without_JavaScript()
    {
        await _page.GotoAsync("/names");
        Assert.Equal("Names", await _page.Locator("h1").TextContentAsync());
        await Screenshot("names");
        await Navigate(() => _page.GetByRole(AriaRole.Link, new() { Name = "Vladimir Ilyich Lenin", Exact = true }).ClickAsync());
        Assert.Equal("Vladimir Ilyich Lenin", await _page.Locator("h1").TextContentAsync());
        await Screenshot("name");

        await Navigate(() => _page.GetByRole(AriaRole.Link, new() { Name = "timeline", Exact = true }).ClickAsync());
        Assert.StartsWith("Timeline: Vladimir Ilyich Lenin", await _page.Locator("h1").TextContentAsync());
        Assert.True(await _page.Locator("ol.timeline li").CountAsync() > 0);
        Assert.True(await _page.Locator("a[href='/documents/lenin-1921-10-20-to-stalin']").CountAsync() > 0);
        await Screenshot("timeline");
    }

    [Fact]
    public async Task From_the_menu_open_a_case_and_follow_a_passage_to_the_version_it_cites()
    {
        await _page.GotoAsync("/");
        await Navigate(() => _page.GetByRole(AriaRole.Link, new() { Name = "Cases", Exact = true }).ClickAsync());
        Assert.Equal("Cases", await _page.Locator("h1").TextContentAsync());
        await Screenshot("cases");

        await Navigate(() => _page.GetByRole(AriaRole.Link, new() { Name = ReaderFixture.CaseQuestion, Exact = true }).ClickAsync());
        Assert.Equal(ReaderFixture.CaseQuestion, await _page.Locator("h1").TextContentAsync());
        var passage = _page.Locator("li.case-passage");
        Assert.True(await passage.Locator(".newer-version").IsVisibleAsync());
        Assert.Contains("at once", await passage.Locator("ol.range-changes ins").First.TextContentAsync(), StringComparison.Ordinal);
        Assert.True(await _page.Locator("li.case-quotation tr.difference-substitution").IsVisibleAsync());
        Assert.True(await _page.Locator("li.case-collation table.collation").IsVisibleAsync());
        // The two witnesses also sentence by sentence on the case's own page, the corrected sentence on one row.
        var corrected = _page.Locator("li.case-collation table.testimonies tr", new() { HasText = "at once" });
        Assert.True(await corrected.IsVisibleAsync());
        Assert.Equal("at once", (await corrected.Locator("td").Nth(2).Locator("mark").First.TextContentAsync())!.Trim());
        await Screenshot("case");

        await Navigate(() => passage.Locator("h3 a").ClickAsync());
        Assert.EndsWith($"/documents/{ReaderFixture.RevisedId}?version=1", _page.Url, StringComparison.Ordinal);
    }
}
