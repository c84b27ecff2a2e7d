using Microsoft.Playwright;
using Verbatim.Access;
using Verbatim.Archiving;
using Verbatim.Model;
using Verbatim.Storing;
using Verbatim.Web.Tests.Hosting;

namespace Verbatim.Web.Tests.Browser;

/// <summary>
/// An editor signs in and corrects a letter's date in a real browser while another editor saves
/// over the same version: the save is refused with the other change shown, and made once seen.
/// </summary>
public sealed class CorrectionBrowserTests(Chromium chromium) : IClassFixture<Chromium>, IAsyncLifetime
{
    private const string Letter = "lenin-1921-10-20-to-stalin";

    private ServedArchive? _archive;
    private IBrowserContext _context = default!;
    private IPage _page = default!;

    public async Task InitializeAsync()
    {
        _archive = await ServedArchive.Start();
        _context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = _archive.Address.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        _page = await _context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        await _context.DisposeAsync();
        await _archive!.DisposeAsync();
    }

    private Task Screenshot(string name)
        => _page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Chromium.ScreenshotFolder, name + ".png"), FullPage = true });

    /// <summary>Sends the form and waits until the page it leads to has loaded (each answer here is at another address).</summary>
    private async Task Submit(string button)
    {
        var before = _page.Url;
        await _page.GetByRole(AriaRole.Button, new() { Name = button }).ClickAsync();
        await _page.WaitForURLAsync(url => url != before);
    }

    [Fact]
    public async Task An_editor_corrects_a_date_is_refused_over_another_editors_save_and_saves_once_it_is_seen()
    {
        await _page.GotoAsync($"/sign-in?returnUrl=/documents/{Letter}");
        await _page.GetByLabel("Name").FillAsync("editor-a");
        await _page.GetByLabel("Password").FillAsync(ServedArchive.Password);
        await Submit("Sign in");
        Assert.EndsWith($"/documents/{Letter}", _page.Url);

        await _page.GetByLabel("Written on").FillAsync("1921-10-21");
        await _page.GetByLabel("Why the record changes").FillAsync("the register dates it a day later");
        // Another editor saves over the version the form was read at.
        using (var other = _archive!.Open(writable: true))
            other.Correct(Letter, new Dictionary<CorrectableField, string> { [CorrectableField.Place] = "Gorki" }, "dictated at Gorki", new StoreUser("editor-b", "mailto:b@example.org"));
        await Submit("Save the correction");

        var refusal = _page.Locator(".fields-editor [role=alert]");
        Assert.Contains("version 2 by editor-b", await refusal.TextContentAsync(), StringComparison.Ordinal);
        Assert.Contains("dictated at Gorki", await refusal.TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal("1921-10-21", await _page.GetByLabel("Written on").InputValueAsync());
        await Screenshot("correction-conflict");

        await _page.GetByLabel("Written at").FillAsync("Gorki");
        await Submit("Save the correction");

        Assert.EndsWith($"/documents/{Letter}", _page.Url);
        using var archive = _archive!.Open();
        var head = archive.History(Letter)[^1];
        Assert.Equal((3, "editor-a", "the register dates it a day later"), (head.Number, head.User.Name, head.Message));
        Assert.Equal(("1921-10-21", "Gorki"), (archive.Show(Letter)!.Written!.Date, archive.Show(Letter)!.Written!.Place));
        // The page the save leads to shows who changed what and why: the reader caught up with its own write.
        const string Said = "date: “1921-10-20” → “1921-10-21”, by editor-a in version 3: the register dates it a day later";
        Assert.Contains(Said, await _page.Locator(".corrections").TextContentAsync(), StringComparison.Ordinal);
        await Screenshot("correction-saved");
    }
}
