using System.Text.Json;
using Microsoft.Playwright;
using OvhCostManager.Tests.Infrastructure;

namespace OvhCostManager.Tests.Browser.Accessibility;

/// <summary>
/// axe-core (pinned in <c>Browser/Accessibility/axe/package-lock.json</c>, installed by <c>./test.sh</c>) over every page, in
/// both languages, both themes, at a desktop and a phone width: no critical or serious violation. Each page leaves a
/// screenshot in the test output.
/// </summary>
[Collection(ImportedDashboardCollection.Name)]
public sealed class AccessibilityTests(ImportedDashboardFixture dashboard)
{
    private static readonly string AxeScript = Path.Combine(RepositoryPaths.Root, "OvhCostManager.Tests", "Browser", "Accessibility", "axe",
        "node_modules", "axe-core", "axe.min.js");

    public static TheoryData<string, string, string, int> Pages()
    {
        string[] paths = ["overview", "compare", "trends", "inventory", "payg", "changes", "cash", "savings", "balance", "expiring", "not-found", "no-such-page"];
        // Each page in every look: both languages × both themes × both widths.
        var data = new TheoryData<string, string, string, int>();
        foreach (var path in paths)
        {
            foreach (var language in new[] { "fr", "en" })
            {
                foreach (var theme in new[] { "light", "dark" })
                {
                    foreach (var width in new[] { 1440, 390 })
                    {
                        data.Add(path, language, theme, width);
                    }
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Every_page_has_no_critical_or_serious_axe_violation(string path, string language, string theme, int width)
    {
        var context = await dashboard.Browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = width > 600 ? 900 : 844 },
            // The app's policy allows no inline script: only this test's injected axe-core goes past it.
            BypassCSP = true,
        });
        var host = dashboard.App.BaseUrl.Host;
        await context.AddCookiesAsync(
        [
            new Cookie { Name = "ocm-theme", Value = theme, Domain = host, Path = "/" },
            BrowserFixture.CultureCookie(dashboard.App.BaseUrl, language),
        ]);
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(dashboard.App.BaseUrl, path).ToString());
        await BrowserFixture.WaitUntilInteractiveAsync(page);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Equal(language, await page.GetAttributeAsync("html", "lang"));
        Assert.Equal(theme, await page.GetAttributeAsync(".ocm-theme-toggle", "data-theme"));

        var blocking = await BlockingViolationsAsync(page);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ScreenshotPath($"a11y-{path}-{language}-{theme}-{width}"), FullPage = true });
        await context.CloseAsync();

        Assert.True(blocking.Count == 0, string.Join(Environment.NewLine, blocking));
    }

    /// <summary>Runs axe-core on the page as it is and lists the critical and serious violations (the context must bypass the CSP).</summary>
    public static async Task<IReadOnlyList<string>> BlockingViolationsAsync(IPage page)
    {
        Assert.True(File.Exists(AxeScript), $"{AxeScript} is missing: run ./test.sh, which runs `npm ci` there.");
        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = AxeScript });
        var result = await page.EvaluateAsync<JsonElement>(
            "async () => (await axe.run(document, { resultTypes: ['violations'] })).violations" +
            ".map(v => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 3).map(n => n.html.slice(0, 160) + ' ' + ((n.any[0] || {}).message || '')) }))");
        return result.EnumerateArray()
            .Where(v => v.GetProperty("impact").GetString() is "critical" or "serious")
            .Select(v => $"{v.GetProperty("id").GetString()} ({v.GetProperty("impact").GetString()}): {v.GetProperty("help").GetString()} at " +
                string.Join(", ", v.GetProperty("targets").EnumerateArray().Select(t => t.GetString())))
            .ToList();
    }
}
