using Microsoft.Playwright;

namespace OvhCostManager.Tests.Infrastructure;

/// <summary>Debian's Chromium driven by Playwright (it cannot download its own browsers here).</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: run ./test.sh, which installs Debian's chromium package.");
        }

        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        playwright?.Dispose();
    }

    /// <summary>Waits until the Blazor circuit is live: before it, the prerendered page has no event handlers.</summary>
    public static Task WaitUntilInteractiveAsync(IPage page) =>
        page.WaitForSelectorAsync("[data-interactive]", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached });

    /// <summary>The cookie the app's language switch sets, for a context that should open in <paramref name="language"/>.</summary>
    public static Cookie CultureCookie(Uri app, string language) => new()
    {
        Name = Microsoft.AspNetCore.Localization.CookieRequestCultureProvider.DefaultCookieName,
        Value = Uri.EscapeDataString(Microsoft.AspNetCore.Localization.CookieRequestCultureProvider.MakeCookieValue(
            new Microsoft.AspNetCore.Localization.RequestCulture(language))),
        Domain = app.Host,
        Path = "/",
    };

    public static string ScreenshotPath(string name) =>
        Path.Combine(Directory.CreateDirectory(Path.Combine(RepositoryPaths.TestOutput, "screenshots")).FullName, name + ".png");
}
