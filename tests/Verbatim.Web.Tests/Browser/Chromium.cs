using Microsoft.Playwright;
using Verbatim.Cli.Tests;

namespace Verbatim.Web.Tests.Browser;

/// <summary>Debian's Chromium (installed by scripts/setup), driven headless by Playwright; Playwright never downloads a browser.</summary>
public sealed class Chromium : IAsyncLifetime
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = default!;

    /// <summary>Where each test leaves a picture of the pages it saw (TestResults/ is not committed).</summary>
    public static string ScreenshotFolder { get; } = Path.Combine(CliRun.RepositoryRoot, "tests", "Verbatim.Web.Tests", "TestResults", "screenshots");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
            throw new InvalidOperationException($"no Chromium at {ExecutablePath}: run scripts/setup (it installs Debian's chromium package)");
        Directory.CreateDirectory(ScreenshotFolder);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = ["--no-sandbox"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
            await Browser.DisposeAsync();
        _playwright?.Dispose();
    }
}
