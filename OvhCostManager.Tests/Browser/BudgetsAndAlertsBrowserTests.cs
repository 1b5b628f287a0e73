using Microsoft.Playwright;
using OvhCostManager.Tests.Browser.Accessibility;
using OvhCostManager.Tests.Infrastructure;

namespace OvhCostManager.Tests.Browser;

/// <summary>A demo dashboard of its own: the budget set here must not show on the other tests' Overview.</summary>
public sealed class BudgetsDemoDashboardFixture : DemoDashboardFixture;

/// <summary>
/// The budgets page sets an account budget below the month so far, a sync raises its alert, the header's bell counts
/// it and the alerts page marks it read; both pages in French and English, screenshots, no serious axe violation.
/// </summary>
public sealed class BudgetsAndAlertsBrowserTests(BudgetsDemoDashboardFixture demo) : IClassFixture<BudgetsDemoDashboardFixture>
{
    private string App(string path) => new Uri(demo.App.BaseUrl, path).ToString();

    [Fact]
    public async Task A_budget_set_on_the_budgets_page_is_crossed_after_a_sync_and_its_alert_is_counted_listed_and_marked_read()
    {
        var french = await OpenAsync("fr");
        await french.GotoAsync(App("budgets?month=2026-11"));
        await BrowserFixture.WaitUntilInteractiveAsync(french);
        await french.WaitForSelectorAsync("[data-value='no-budget']");
        await french.FillAsync("#ocm-budget-amount", "1");
        await french.PressAsync("#ocm-budget-amount", "Tab");
        await french.ClickAsync(".ocm-budget-editor-save");
        var row = french.Locator("[data-table='budgets'] [data-scope='account']");
        await row.WaitForAsync();
        Assert.Equal("Compte", (await row.InnerTextAsync()).Trim());
        Assert.Equal("100", await french.Locator("[data-table='budgets'] [data-reached]").GetAttributeAsync("data-reached"));
        Assert.Contains("Budgets en vigueur en novembre 2026", await french.InnerTextAsync("[data-widget='budgets']"));
        Assert.Contains("novembre 2026", await french.InnerTextAsync("[data-table='budget-history']"));
        await CheckAsync(french, "budgets-fr");

        Assert.Equal(System.Net.HttpStatusCode.Accepted, await demo.StartSyncAsync());
        await french.WaitForSelectorAsync(".ocm-alert-bell[data-unread='1']");
        await french.GotoAsync(App("alerts"));
        await BrowserFixture.WaitUntilInteractiveAsync(french);
        var alert = french.Locator("[data-table='alerts'] [data-alert]");
        await alert.WaitForAsync();
        Assert.Equal("false", await alert.GetAttributeAsync("data-read"));
        Assert.StartsWith("Budget du compte : novembre 2026 en est à ", (await alert.InnerTextAsync()).Trim());
        Assert.Contains("dans l'application seulement", (await french.InnerTextAsync("[data-table='alerts']")).ToLowerInvariant());
        await CheckAsync(french, "alerts-fr");

        var download = await french.RunAndWaitForDownloadAsync(() => french.ClickAsync("[data-csv='alerts']"));
        var csv = await File.ReadAllLinesAsync(await download.PathAsync());
        Assert.Equal("\"Levée le\";\"Alerte\";\"Envoi\";\"Lecture\"", csv[0]);
        Assert.Contains("Budget du compte", csv[1]);
        Assert.Equal(2, csv.Length);

        await french.ClickAsync(".ocm-alert-mark-read");
        await french.WaitForSelectorAsync("[data-table='alerts'] [data-read='true']");
        await french.WaitForSelectorAsync(".ocm-alert-bell[data-unread='0']");
        await french.Context.CloseAsync();

        var english = await OpenAsync("en");
        await english.GotoAsync(App("budgets?month=2026-11"));
        await english.WaitForSelectorAsync("[data-table='budgets'] [data-scope='account']");
        Assert.Contains("Budgets in force in November 2026", await english.InnerTextAsync("[data-widget='budgets']"));
        Assert.Equal("Account", (await english.InnerTextAsync("[data-table='budgets'] [data-scope='account']")).Trim());
        await CheckAsync(english, "budgets-en");
        await english.GotoAsync(App("alerts"));
        var read = english.Locator("[data-table='alerts'] [data-alert]");
        await read.WaitForAsync();
        // Without sign-in everyone is one reader: read in French, read in English.
        Assert.Equal("true", await read.GetAttributeAsync("data-read"));
        Assert.StartsWith("Budget of the account: November 2026 is at ", (await read.InnerTextAsync()).Trim());
        await CheckAsync(english, "alerts-en");
        await english.Context.CloseAsync();
    }

    private async Task<IPage> OpenAsync(string language)
    {
        var context = await demo.Browser.Browser.NewContextAsync(new BrowserNewContextOptions { BypassCSP = true, AcceptDownloads = true });
        await context.AddCookiesAsync([BrowserFixture.CultureCookie(demo.App.BaseUrl, language)]);
        return await context.NewPageAsync();
    }

    private static async Task CheckAsync(IPage page, string screenshot)
    {
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ScreenshotPath(screenshot), FullPage = true });
        var blocking = await AccessibilityTests.BlockingViolationsAsync(page);
        Assert.True(blocking.Count == 0, string.Join(Environment.NewLine, blocking));
    }
}
