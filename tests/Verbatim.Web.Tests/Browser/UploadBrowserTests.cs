using Microsoft.Playwright;
using Verbatim.Testing;
using Verbatim.Web.Tests.Hosting;

namespace Verbatim.Web.Tests.Browser;

/// <summary>An editor signs in and uploads files in a real browser with JavaScript off, over an archive of its own that the upload writes.</summary>
public sealed class UploadBrowserTests(Chromium chromium) : IClassFixture<Chromium>, IAsyncLifetime
{
    private ServedArchive? _archive;
    private IBrowserContext _context = default!;
    private IPage _page = default!;

    public async Task InitializeAsync()
    {
        _archive = await ServedArchive.Start("tei");
        _context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = _archive.Address.ToString(),
            JavaScriptEnabled = false,
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        _page = await _context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        await _context.DisposeAsync();
        if (_archive is not null)
            await _archive.DisposeAsync();
    }

    private Task Screenshot(string name)
        => _page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Chromium.ScreenshotFolder, name + ".png"), FullPage = true });

    [Fact]
    public async Task An_editor_signs_in_uploads_two_files_sees_a_line_for_each_and_follows_one_to_its_page()
    {
        await _page.GotoAsync("/sign-in");
        await _page.GetByLabel("Name").FillAsync("editor-a");
        await _page.GetByLabel("Password").FillAsync(ServedArchive.Password);
        await _page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await _page.GetByRole(AriaRole.Link, new() { Name = "Signed in as editor-a" }).WaitForAsync();

        await _page.GetByRole(AriaRole.Link, new() { Name = "Upload", Exact = true }).ClickAsync();
        await _page.Locator("h1", new() { HasTextString = "Upload documents" }).WaitForAsync();
        await _page.GetByLabel("Files").SetInputFilesAsync([RepositoryPaths.Seed("000"), RepositoryPaths.Seed("001")]);
        await _page.GetByLabel("Message").FillAsync("two letters from the seed pages");
        await Screenshot("upload-form");
        await _page.GetByRole(AriaRole.Button, new() { Name = "Upload and store" }).ClickAsync();

        await _page.Locator(".upload-summary").WaitForAsync();
        var lines = await _page.Locator(".upload-line").AllTextContentsAsync();
        Assert.Equal(2, lines.Count);
        Assert.All(lines, line => Assert.Contains("(new)", line, StringComparison.Ordinal));
        Assert.Contains("2 documents: 2 new", await _page.Locator(".upload-summary").TextContentAsync(), StringComparison.Ordinal);
        await Screenshot("upload-done");

        var link = _page.Locator(".upload-line a").First;
        var title = await link.TextContentAsync();
        await link.ClickAsync();
        await _page.WaitForURLAsync(url => url.Contains("/documents/", StringComparison.Ordinal));
        Assert.Equal(title, await _page.Locator("h1").TextContentAsync());
        Assert.Contains("two letters from the seed pages", await _page.Locator("body").TextContentAsync(), StringComparison.Ordinal);
    }
}
