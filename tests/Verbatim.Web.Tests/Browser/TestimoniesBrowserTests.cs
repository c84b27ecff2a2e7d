using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Verbatim.Web.Tests.Hosting;

namespace Verbatim.Web.Tests.Browser;

/// <summary>
/// A reader on the collation page asks for Ulyanova's two statements (the seeds' compilation,
/// ingested in the reader's archive) sentence by sentence, in a real browser with JavaScript off.
/// </summary>
[Collection(ReaderCollection.Name)]
public sealed partial class TestimoniesBrowserTests(ReaderFixture reader, Chromium chromium) : IClassFixture<Chromium>, IAsyncLifetime
{
    private IBrowserContext _context = default!;
    private IPage _page = default!;

    public async Task InitializeAsync()
    {
        _context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = reader.Address.ToString(),
            JavaScriptEnabled = false,
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        _page = await _context.NewPageAsync();
    }

    public async Task DisposeAsync() => await _context.DisposeAsync();

    [Fact]
    public async Task The_collation_page_leads_to_the_two_statements_side_by_side()
    {
        await _page.GotoAsync("/collate");
        await _page.GetByLabel("Testimony A").FillAsync(TestimoniesPageTests.StatementOne);
        await _page.GetByLabel("Testimony B").FillAsync(TestimoniesPageTests.StatementTwo);
        var before = _page.Url;
        await _page.GetByRole(AriaRole.Button, new() { Name = "Compare sentence by sentence" }).ClickAsync();
        await _page.WaitForURLAsync(url => url != before);
        Assert.Contains("/testimonies?a=", _page.Url, StringComparison.Ordinal);

        var summary = await _page.Locator("p.summary").TextContentAsync();
        Assert.Matches(Summary(), summary);
        using var json = JsonDocument.Parse(await reader.Client.GetStringAsync($"/api/testimonies?a={TestimoniesPageTests.StatementOne}&b={TestimoniesPageTests.StatementTwo}"));
        Assert.Contains($"{json.RootElement.GetProperty("summary").GetProperty("only-in-b").GetInt32()} only in B", summary, StringComparison.Ordinal);

        // A paired row: both sentences on one row, the word only one of them has marked.
        var paired = _page.Locator("tr.testimony-disagreeing", new() { HasText = "Stalin apologized" });
        Assert.True(await paired.IsVisibleAsync());
        Assert.Contains("did not come to know", await paired.Locator("td").Nth(2).TextContentAsync(), StringComparison.Ordinal);
        Assert.True(await paired.Locator("td").Nth(2).Locator("mark").First.IsVisibleAsync());

        // A one-sided row: statement No. 2's sentence alone, the other side empty.
        var alone = _page.Locator("tr.testimony-only-in-b", new() { HasText = "V. Ilyich was very disappointed and angry with Stalin." });
        Assert.True(await alone.IsVisibleAsync());
        Assert.Equal("", (await alone.Locator("td").First.TextContentAsync())!.Trim());
        await _page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Chromium.ScreenshotFolder, "testimonies.png"), FullPage = true });
    }

    [GeneratedRegex(@"^\d+ shared, \d+ reworded, \d+ only in A, \d+ only in B, [1-9]\d* disagreeing$")]
    private static partial Regex Summary();
}
