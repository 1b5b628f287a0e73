using Microsoft.Playwright;
using OvhCostManager.Tests.Infrastructure;

namespace OvhCostManager.Tests.Browser;

[Collection(DemoDashboardCollection.Name)]
public sealed class ShellTests(DemoDashboardFixture dashboard)
{
    private static readonly (string Tab, string French, string English)[] Tabs =
    [
        ("overview", "Vue d'ensemble", "Overview"),
        ("compare", "Comparer", "Compare"),
        ("trends", "Tendances", "Trends"),
        ("inventory", "Inventaire", "Inventory"),
        ("payg", "Consommation à l'usage", "Pay-as-you-go"),
        ("changes", "Changements", "Changes"),
        ("budgets", "Budgets", "Budgets"),
        ("cash", "Trésorerie", "Cash"),
        ("savings", "Économies", "Savings"),
    ];

    [Fact]
    public async Task Every_tab_renders_and_each_click_shows_its_page_in_French_by_default()
    {
        var page = await dashboard.Browser.Browser.NewPageAsync();
        await page.GotoAsync(dashboard.App.BaseUrl.ToString());
        await page.WaitForSelectorAsync("[data-page='overview']");

        // Styles really arrive (the published app once served its CSS with 0 bytes when started from another folder).
        Assert.Contains("Roboto", await EventuallyAsync(page, "getComputedStyle(document.body).fontFamily", value => value.Contains("Roboto")));
        Assert.Equal("solid", await page.EvaluateAsync<string>("getComputedStyle(document.querySelector('.ocm-tab.active')).borderBottomStyle"));

        var tabs = page.Locator("nav.ocm-tabs a");
        Assert.Equal(Tabs.Select(t => t.French), await tabs.AllInnerTextsAsync());

        foreach (var (tab, french, _) in Tabs)
        {
            await page.ClickAsync($"nav.ocm-tabs a[data-tab='{tab}']");
            await page.WaitForSelectorAsync($"[data-page='{tab}']");
            Assert.Equal(french, await page.InnerTextAsync("h1"));
            Assert.EndsWith("/" + tab, page.Url);
            // The tab bar re-renders on the location change, which may land just after a page that renders at once.
            await page.WaitForSelectorAsync($"nav.ocm-tabs a[data-tab='{tab}'].active", new PageWaitForSelectorOptions { Timeout = 10_000 });
            Assert.Contains("active", await page.GetAttributeAsync($"nav.ocm-tabs a[data-tab='{tab}']", "class") ?? "");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ScreenshotPath($"shell-{tab}-fr"), FullPage = true });
        }

        await page.CloseAsync();
    }

    [Fact]
    public async Task The_language_switch_keeps_the_page_and_persists_English_for_the_browser()
    {
        var context = await dashboard.Browser.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(dashboard.App.BaseUrl, "trends").ToString());
        await page.WaitForSelectorAsync("[data-page='trends']");
        Assert.Equal("fr", await page.GetAttributeAsync("html", "lang"));

        await page.ClickAsync("a[data-culture='en']");
        // A selector, not WaitForFunctionAsync: Playwright evaluates function strings with eval, which the CSP forbids.
        await page.WaitForSelectorAsync("html[lang='en']", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached });
        await page.WaitForSelectorAsync("[data-page='trends']");
        Assert.Equal("Trends", await page.InnerTextAsync("h1"));

        await page.GotoAsync(new Uri(dashboard.App.BaseUrl, "inventory").ToString());
        Assert.Equal("Inventory", await page.InnerTextAsync("h1"));
        Assert.Equal(Tabs.Select(t => t.English), await page.Locator("nav.ocm-tabs a").AllInnerTextsAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ScreenshotPath("shell-inventory-en"), FullPage = true });
        await context.CloseAsync();
    }

    // The theme's link is re-rendered when the circuit starts; give the stylesheet a moment to apply on a loaded machine.
    private static async Task<string> EventuallyAsync(IPage page, string expression, Func<string, bool> done)
    {
        var value = "";
        for (var attempt = 0; attempt < 50; attempt++)
        {
            value = await page.EvaluateAsync<string>(expression);
            if (done(value))
            {
                break;
            }

            await Task.Delay(100);
        }

        return value;
    }
}
