using Microsoft.Playwright;
using OvhCostManager.Tests.Infrastructure;

namespace OvhCostManager.Tests.Browser;

/// <summary>
/// With OIDC on and <c>Oidc:AdminGroup</c> set, against the real provider: Alice (groups finance, ops) edits budgets,
/// Bob (group sales) reads them, with no form on either budget view.
/// </summary>
public sealed class BudgetEditorsTests
{
    [Fact]
    public async Task A_member_of_the_admin_group_saves_a_budget_and_a_non_member_only_reads_it()
    {
        await using var dashboard = await OidcDashboard.StartAsync(settings: new Dictionary<string, string> { ["Oidc__AdminGroup"] = "finance" });
        var browser = new BrowserFixture();
        await browser.InitializeAsync();
        try
        {
            await EditAndReadAsync(browser, path => new Uri(dashboard.App.BaseUrl, path).ToString());
        }
        finally
        {
            await browser.DisposeAsync();
        }
    }

    private static async Task EditAndReadAsync(BrowserFixture browser, Func<string, string> App)
    {

        var alice = await (await browser.Browser.NewContextAsync()).NewPageAsync();
        await alice.GotoAsync(App("budgets?month=2026-11"));
        await TestOidcProvider.SignInAsync(alice, "alice");
        await alice.WaitForSelectorAsync("[data-page='budgets']");
        await BrowserFixture.WaitUntilInteractiveAsync(alice);
        await alice.FillAsync("#ocm-budget-amount", "2500");
        await alice.PressAsync("#ocm-budget-amount", "Tab");
        await alice.ClickAsync(".ocm-budget-editor-save");
        await alice.WaitForSelectorAsync("[data-table='budgets'] [data-scope='account']");
        Assert.Contains("Alice Martin", await alice.InnerTextAsync("[data-table='budget-history']"));

        var bob = await (await browser.Browser.NewContextAsync()).NewPageAsync();
        await bob.GotoAsync(App("budgets?month=2026-11"));
        await TestOidcProvider.SignInAsync(bob, "bob");
        await bob.WaitForSelectorAsync("[data-value='budgets-read-only']");
        await BrowserFixture.WaitUntilInteractiveAsync(bob);
        Assert.Equal(1, await bob.Locator("[data-table='budgets'] [data-scope='account']").CountAsync());
        Assert.Equal(0, await bob.Locator("[data-widget='budget-editor'], .ocm-budget-editor-save").CountAsync());
        await bob.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ScreenshotPath("budgets-read-only"), FullPage = true });
        await bob.GotoAsync(App("overview?month=2026-11"));
        // The demo account's first import may still be running: the Overview fills in when it ends.
        await bob.WaitForSelectorAsync("[data-widget='budget'] [data-value='budget-used']", new PageWaitForSelectorOptions { Timeout = 180_000 });
        Assert.Equal(0, await bob.Locator("#ocm-budget-input, .ocm-budget-save").CountAsync());
    }
}
