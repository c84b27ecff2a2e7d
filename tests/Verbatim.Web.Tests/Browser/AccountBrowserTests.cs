using Microsoft.Playwright;
using Verbatim.Web.Tests.Hosting;
using static Microsoft.Playwright.Assertions;

namespace Verbatim.Web.Tests.Browser;

/// <summary>
/// Signing in and out, and an editor closing a letter, in a real browser over plain HTTP on the
/// loopback address (a secure context, where Chromium keeps the Secure session cookie), over a
/// writable archive of the test's own served as `serve` serves one.
/// </summary>
public sealed class AccountBrowserTests(Chromium chromium) : IClassFixture<Chromium>, IAsyncLifetime
{
    private const string Password = ServedArchive.Password;
    private const string Letter = "lenin-1921-10-20-to-stalin";
    private const string LetterTitle = "To J. V. Stalin";

    private readonly List<IBrowserContext> _contexts = [];
    private ServedArchive? _archive;

    public async Task InitializeAsync()
    {
        // What a page shows is waited for as long as a locator waits (Playwright's 5 s for an
        // expectation is short on a machine that runs the whole suite at once).
        SetDefaultExpectTimeout(30_000);
        _archive = await ServedArchive.Start();
    }

    public async Task DisposeAsync()
    {
        foreach (var context in _contexts)
            await context.DisposeAsync();
        if (_archive is not null)
            await _archive.DisposeAsync();
    }

    /// <summary>A browser of its own (cookies apart from every other), JavaScript off as a reader may have it.</summary>
    private async Task<IPage> NewBrowser()
    {
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = _archive!.Address.ToString(),
            JavaScriptEnabled = false,
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        _contexts.Add(context);
        return await context.NewPageAsync();
    }

    private static Task Screenshot(IPage page, string name)
        => page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Chromium.ScreenshotFolder, name + ".png"), FullPage = true });

    private static ILocator Header(IPage page) => page.Locator("nav li.account");

    /// <summary>Submits a form by its button; returns the answer to the form's POST (the page it leads to is waited for by what it shows).</summary>
    private static Task<IResponse> Submit(IPage page, string button)
        => page.RunAndWaitForResponseAsync(() => page.GetByRole(AriaRole.Button, new() { Name = button }).ClickAsync(), response => response.Request.Method == "POST");

    private static async Task<IResponse> SignIn(IPage page, string name, string password)
    {
        await page.GotoAsync("/sign-in");
        await page.GetByLabel("Name").FillAsync(name);
        await page.GetByLabel("Password").FillAsync(password);
        return await Submit(page, "Sign in");
    }

    [Fact]
    public async Task A_wrong_password_is_said_and_signs_no_one_in_the_right_one_names_the_account_and_signing_out_ends_it()
    {
        var page = await NewBrowser();

        var refused = await SignIn(page, "historian", "not the password");
        Assert.Equal(401, refused.Status);
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("The name or the password is wrong.");
        await Expect(Header(page)).ToHaveTextAsync("Sign in");
        await Screenshot(page, "sign-in-refused");

        Assert.Equal(302, (await SignIn(page, "historian", Password)).Status);
        await Expect(Header(page)).ToHaveTextAsync("Signed in as historian");
        // Kept over http://127.0.0.1 although it is Secure: the loopback address is a secure context.
        var session = Assert.Single(await page.Context.CookiesAsync(), c => c.Name == "verbatim-session");
        Assert.Equal((true, true, SameSiteAttribute.Strict), (session.Secure, session.HttpOnly, session.SameSite));
        await Screenshot(page, "signed-in");

        await page.GotoAsync("/account");
        await Submit(page, "Sign out");
        await Expect(Header(page)).ToHaveTextAsync("Sign in");
        Assert.DoesNotContain(await page.Context.CookiesAsync(), c => c.Name == "verbatim-session");
        await Screenshot(page, "signed-out");
    }

    [Fact]
    public async Task An_editor_restricts_a_letter_on_its_page_and_then_only_its_group_reads_it()
    {
        var editor = await NewBrowser();
        await SignIn(editor, "editor-a", Password);
        await Expect(Header(editor)).ToHaveTextAsync("Signed in as editor-a");
        await editor.GotoAsync($"/documents/{Letter}");
        Assert.Equal("open", await editor.Locator("section.access > p").First.TextContentAsync());

        await editor.GetByLabel("New access").FillAsync("restricted:family");
        await editor.GetByLabel("Why the access changes").FillAsync("strictly secret, personal");
        var changed = await Submit(editor, "Change the access");

        Assert.Equal(302, changed.Status);
        await Expect(editor.Locator("section.access > p").First).ToHaveTextAsync("restricted to family");
        Assert.EndsWith($"/documents/{Letter}", editor.Url, StringComparison.Ordinal);
        await Expect(editor.Locator("ol.versions li").First).ToContainTextAsync("editor-a: strictly secret, personal");
        await Screenshot(editor, "access-changed");

        var anonymous = await NewBrowser();
        var refused = await anonymous.GotoAsync($"/documents/{Letter}");
        Assert.Equal(404, refused!.Status);
        Assert.Equal("Not found", await anonymous.Locator("h1").TextContentAsync());
        Assert.DoesNotContain(LetterTitle, await anonymous.ContentAsync(), StringComparison.Ordinal);
        await Screenshot(anonymous, "access-changed-public");

        var historian = await NewBrowser();
        await SignIn(historian, "historian", Password);
        await Expect(Header(historian)).ToHaveTextAsync("Signed in as historian");
        var read = await historian.GotoAsync($"/documents/{Letter}");
        Assert.Equal(200, read!.Status);
        Assert.Equal(LetterTitle, await historian.Locator("h1").TextContentAsync());
        await Screenshot(historian, "access-changed-group");
    }
}
