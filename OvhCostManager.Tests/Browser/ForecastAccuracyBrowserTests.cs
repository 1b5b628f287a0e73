using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using OvhCostManager.Tests.Browser.Accessibility;
using OvhCostManager.Tests.Infrastructure;

namespace OvhCostManager.Tests.Browser;

/// <summary>The demo account started on the last evening of October, so that one forecast of October is on record.</summary>
public sealed class MonthEndDemoDashboardFixture : DemoDashboardFixture
{
    protected override string Now => "2026-10-31T20:00:00+01:00";
}

/// <summary>
/// Pay-as-you-go, once October's consumption bill has come: the forecast read on 31 October is scored against it.
/// The simulator's forecast on a month's last day is the month as billed (its forecast error shrinks to 0 by then).
/// </summary>
public sealed class ForecastAccuracyBrowserTests(MonthEndDemoDashboardFixture demo) : IClassFixture<MonthEndDemoDashboardFixture>
{
    [Theory]
    [InlineData("fr", "à moins de 5 % de la facture à partir du jour 31, sur le seul mois facturé suivi", "octobre 2026")]
    [InlineData("en", "within 5 % of the bill from day 31, over the one billed month tracked", "October 2026")]
    public async Task The_forecast_accuracy_card_scores_october_after_its_bill_with_no_serious_axe_violation(string language, string summary, string month)
    {
        var context = await demo.Browser.Browser.NewContextAsync(new BrowserNewContextOptions { BypassCSP = true });
        await context.AddCookiesAsync([BrowserFixture.CultureCookie(demo.App.BaseUrl, language)]);
        var page = await context.NewPageAsync();

        await page.GotoAsync(new Uri(demo.App.BaseUrl, "payg").ToString());
        await BrowserFixture.WaitUntilInteractiveAsync(page);
        await BillOctoberAsync(page);
        var card = page.Locator(".ocm-payg-accuracy");
        await card.Locator("[data-table='payg-forecast-accuracy'] [data-month='2026-10']").WaitForAsync();

        Assert.Contains(summary, await card.Locator(".ocm-payg-accuracy-summary").InnerTextAsync());
        Assert.Equal("31", await card.GetAttributeAsync("data-average-day"));
        Assert.Equal(month, (await card.Locator("[data-month='2026-10']").InnerTextAsync()).Trim());
        Assert.Equal("2026-10-31", await card.Locator("[data-within]").GetAttributeAsync("data-within"));
        await card.ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ScreenshotPath($"payg-forecast-accuracy-{language}"), FullPage = true });
        var blocking = await AccessibilityTests.BlockingViolationsAsync(page);
        await context.CloseAsync();

        Assert.True(blocking.Count == 0, string.Join(Environment.NewLine, blocking));
    }

    /// <summary>
    /// Moves the account to 2 November and syncs from the header (bills included), which imports October's
    /// consumption bill; the card follows over the circuit. Once only: the theory's second case finds it done.
    /// </summary>
    private async Task BillOctoberAsync(IPage page)
    {
        using var client = demo.App.CreateClient();
        var last = (await client.GetFromJsonAsync<JsonElement>("/health")).GetProperty("lastSuccessfulSyncUtc").GetString();
        if (DateTimeOffset.Parse(last!, System.Globalization.CultureInfo.InvariantCulture) >= new DateTimeOffset(2026, 11, 2, 0, 0, 0, TimeSpan.Zero))
        {
            return;
        }

        await demo.AdvanceClockAsync(TimeSpan.FromHours(37));
        await page.Locator(".ocm-sync-now:not([disabled])").ClickAsync();
    }
}
