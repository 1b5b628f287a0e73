using System.Globalization;
using Microsoft.Playwright;
using OvhCostManager.Core.Costs;
using OvhCostManager.Simulator;
using OvhCostManager.Tests.Browser.Accessibility;
using OvhCostManager.Tests.Infrastructure;

namespace OvhCostManager.Tests.Browser;

/// <summary>The cash page and the Overview's card on the demo account, against the same account generated here.</summary>
[Collection(DemoDashboardCollection.Name)]
public sealed class CashBrowserTests(DemoDashboardFixture demo)
{
    private static readonly DateOnly Today = new(2026, 11, 18);

    [Theory]
    [InlineData("fr", "Trésorerie", "Novembre 2026")]
    [InlineData("en", "Cash", "November 2026")]
    public async Task The_cash_page_shows_each_months_renewals_opens_a_month_to_its_services_with_no_serious_axe_violation(string language, string title, string first)
    {
        var culture = CultureInfo.GetCultureInfo(language == "fr" ? "fr" : "en-GB");
        var truth = RenewalTruth.Between(new SimulatedAccount(42, AccountShape.For(AccountSize.Medium), SimulatorClock.Frozen(ImportedAccountFixture.Now)),
            Today, new DateOnly(2027, 10, 31));
        var context = await demo.Browser.Browser.NewContextAsync(new BrowserNewContextOptions { BypassCSP = true });
        await context.AddCookiesAsync([BrowserFixture.CultureCookie(demo.App.BaseUrl, language)]);
        var page = await context.NewPageAsync();

        await page.GotoAsync(new Uri(demo.App.BaseUrl, "cash").ToString());
        await BrowserFixture.WaitUntilInteractiveAsync(page);
        var calendar = page.Locator("[data-table='cash-calendar']");
        await calendar.Locator("[data-month='2027-10']").WaitForAsync();

        Assert.Equal(title, (await page.Locator("h1").InnerTextAsync()).Trim());
        Assert.Equal(first, (await calendar.Locator("[data-month='2026-11']").InnerTextAsync()).Trim());
        for (var i = 0; i < 12; i++)
        {
            var month = Today.AddMonths(i).ToString("yyyy-MM", CultureInfo.InvariantCulture);
            var certain = truth.Where(r => r.Certain && r.Date.ToString("yyyy-MM", CultureInfo.InvariantCulture) == month).ToList();
            var row = calendar.Locator("tr", new LocatorLocatorOptions { Has = page.Locator($"[data-month='{month}']") });
            var expected = $"{certain.Count.ToString("N0", culture)} · {Money.Sum(certain.Select(r => r.Amount)).Format("EUR", culture)}";
            Assert.Equal(Normalise(expected), Normalise(await row.Locator("[data-value='renewals']").InnerTextAsync()));
        }

        // December opens to its services, the manual ones apart.
        var december = truth.Where(r => r.Date.Month == 12 && r.Date.Year == 2026).ToList();
        var decemberRow = calendar.Locator("tr", new LocatorLocatorOptions { Has = page.Locator("[data-month='2026-12']") });
        var detail = page.Locator("[data-month-detail='2026-12']");
        for (var attempt = 0; attempt < 20 && !await detail.IsVisibleAsync(); attempt++)
        {
            await decemberRow.Locator("button").First.ClickAsync();
            await page.WaitForTimeoutAsync(250);
        }

        Assert.Equal(december.Count(r => r.Certain), await detail.Locator("tr[data-certain='true']").CountAsync());
        Assert.Equal(december.Count(r => !r.Certain), await detail.Locator("tr[data-certain='false']").CountAsync());
        Assert.True(await page.Locator("[data-table='cash-runway'] tbody tr").CountAsync() >= 3);
        // The October bills still unpaid are due in November, within the default 7 days on the 18th.
        Assert.True(await page.Locator("[data-table='cash-unpaid'] [data-due-soon='true']").CountAsync() > 0);
        await page.Locator("[data-value='due-warning']").WaitForAsync();
        Assert.Equal(5, await page.Locator("[data-page='cash'] .ocm-csv-button").CountAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ScreenshotPath($"cash-{language}"), FullPage = true });
        var blocking = await AccessibilityTests.BlockingViolationsAsync(page);

        await page.GotoAsync(new Uri(demo.App.BaseUrl, "overview").ToString());
        var card = page.Locator("[data-value='cash-upcoming']");
        await card.WaitForAsync();
        var next30 = truth.Where(r => r.Certain && r.Date <= Today.AddDays(30)).ToList();
        Assert.Equal(
            Normalise(language == "fr" ? $"{next30.Count} renouvellements, {Money.Sum(next30.Select(r => r.Amount)).Format("EUR", culture)}"
                : $"{next30.Count} renewals, {Money.Sum(next30.Select(r => r.Amount)).Format("EUR", culture)}"),
            Normalise(await card.InnerTextAsync()));
        await context.CloseAsync();

        Assert.True(blocking.Count == 0, string.Join(Environment.NewLine, blocking));
    }

    // Cultures write their group separator as a narrow or ordinary no-break space.
    private static string Normalise(string text) => text.Replace('\u202f', ' ').Replace('\u00a0', ' ').Trim();
}
