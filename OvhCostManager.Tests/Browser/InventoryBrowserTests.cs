using Microsoft.Playwright;
using OvhCostManager.Tests.Infrastructure;

namespace OvhCostManager.Tests.Browser;

[Collection(DemoDashboardCollection.Name)]
public sealed class InventoryBrowserTests(DemoDashboardFixture demo)
{
    [Fact]
    public async Task Inventory_shows_the_families_the_tables_and_a_services_lines_then_the_account_opens_a_bill()
    {
        var page = await demo.Browser.Browser.NewPageAsync();
        await page.GotoAsync(new Uri(demo.App.BaseUrl, "inventory").ToString());
        await page.WaitForSelectorAsync(".ocm-family-summary");

        Assert.Equal(5, await page.Locator(".ocm-family-summary [data-family]").CountAsync());
        foreach (var section in new[] { "dedicated", "vps", "storage", "other", "cloud" })
        {
            Assert.True(await page.Locator($"[data-section='{section}'] tbody tr").CountAsync() > 0, section);
        }

        // The "Other" card counts the services its table lists (the table's title carries the same number).
        var otherCount = System.Text.RegularExpressions.Regex.Match(await page.InnerTextAsync("[data-family='Other'] .ocm-kpi-text"), @"\d+").Value;
        Assert.EndsWith($"({otherCount})", (await page.InnerTextAsync("[data-section='other'] .ocm-card-title")).Trim());

        Assert.Matches(@"^\d+ expirés · \d+ sous 7 jours · \d+ sous 30 jours · \d+ en renouvellement manuel$", await page.InnerTextAsync(".ocm-alert-summary"));
        var service = await page.GetAttributeAsync("[data-section='dedicated'] .ocm-month-cost", "data-service");
        await ClickUntilAsync(page, "[data-section='dedicated'] .ocm-month-cost", $".ocm-service-lines[data-service='{service}']");
        await ClickUntilAsync(page, "[data-section='cloud'] .ocm-project-detail", ".ocm-project-panel .ocm-quota");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ScreenshotPath("inventory-fr"), FullPage = true });

        await page.GotoAsync(new Uri(demo.App.BaseUrl, "inventory?month=2026-13").ToString());
        await page.WaitForSelectorAsync(".ocm-month-error");
        Assert.Contains("2026-13", await page.InnerTextAsync(".ocm-month-error"));
        await page.WaitForSelectorAsync(".ocm-family-summary");

        await ClickUntilAsync(page, ".ocm-account-link", "[data-page='account']");
        await page.WaitForSelectorAsync("[data-page='account'] .ocm-open-bill");
        Assert.Equal(4, await page.Locator(".ocm-balance-item").CountAsync());
        Assert.True(await page.Locator(".ocm-payment").CountAsync() > 0);
        var bill = await page.GetAttributeAsync(".ocm-open-bill", "data-bill");
        await ClickUntilAsync(page, ".ocm-open-bill", $".ocm-bill-lines[data-bill='{bill}'] tbody tr");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ScreenshotPath("account-fr"), FullPage = true });
        await page.CloseAsync();
    }

    // The page is prerendered: a click lands only once the circuit is connected.
    private static async Task ClickUntilAsync(IPage page, string selector, string expected)
    {
        for (var attempt = 0; attempt < 20; attempt++)
        {
            await page.ClickAsync(selector);
            try
            {
                await page.WaitForSelectorAsync(expected, new PageWaitForSelectorOptions { Timeout = 1_000 });
                return;
            }
            catch (TimeoutException)
            {
            }
        }

        throw new TimeoutException($"Clicking {selector} never showed {expected}.");
    }
}
