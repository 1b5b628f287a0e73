using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Playwright;
using OvhCostManager.Tests.Infrastructure;

namespace OvhCostManager.Tests.Browser;

[Collection(DemoDashboardCollection.Name)]
public sealed class PayAsYouGoBrowserTests(DemoDashboardFixture demo)
{
    [Fact]
    public async Task The_page_follows_the_spec_in_French_and_in_English_and_its_detail_downloads_as_CSV()
    {
        var context = await demo.Browser.Browser.NewContextAsync(new BrowserNewContextOptions { AcceptDownloads = true });
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(demo.App.BaseUrl, "payg").ToString());
        await page.WaitForSelectorAsync("[data-kpi='current'] .ocm-kpi-value");

        Assert.Equal("Facturation", await page.InnerTextAsync(".ocm-breadcrumb"));
        Assert.Equal("Consommation à l'usage", await page.InnerTextAsync("h1"));
        Assert.Equal(["Mois en cours", "Mois précédent", "Services à l'usage"], await page.Locator(".ocm-kpi h2").AllInnerTextsAsync());
        var texts = await page.Locator(".ocm-kpi-text").AllInnerTextsAsync();
        Assert.Matches(@"^Estimation à ce jour \(\d\d/\d\d/\d{4}\)$", texts[0]);
        Assert.Matches(@"^Facturé le \d\d/\d\d/\d{4}$", texts[1]);
        Assert.Equal("Services avec consommation variable", texts[2]);
        Assert.Matches(@"^\d+$", await page.InnerTextAsync("[data-kpi='services'] .ocm-kpi-value"));
        Assert.EndsWith("€", Normalize(await page.InnerTextAsync("[data-kpi='current'] .ocm-kpi-value")));
        Assert.Equal("Détail par service", await page.InnerTextAsync(".ocm-payg-detail h2"));
        var rows = page.Locator(".ocm-payg-service");
        Assert.True(await rows.CountAsync() >= 3);
        Assert.Equal("Public Cloud - Instances", await page.InnerTextAsync(".ocm-payg-service[data-family='instance'] .ocm-payg-service-name"));
        Assert.Matches(@"h d'utilisation$", await page.InnerTextAsync(".ocm-payg-service[data-family='instance'] .ocm-payg-service-usage"));
        Assert.Matches(@"Go stockés$", await page.InnerTextAsync(".ocm-payg-service[data-family='storage'] .ocm-payg-service-usage"));
        Assert.Matches(@"Go transférés$", await page.InnerTextAsync(".ocm-payg-service[data-family='bandwidth'] .ocm-payg-service-usage"));
        var amounts = (await page.Locator(".ocm-payg-service-amount").AllInnerTextsAsync()).Select(Amount).ToList();
        Assert.Equal(amounts.OrderDescending(), amounts);
        Assert.Matches(@"^mis à jour \d\d:\d\d$", (await page.InnerTextAsync(".ocm-freshness-text")).Trim());
        await page.WaitForSelectorAsync(".ocm-payg-forecast svg");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ScreenshotPath("payg-fr"), FullPage = true });

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync(".ocm-payg-detail .ocm-csv-button"));
        var csv = await File.ReadAllLinesAsync(await download.PathAsync(), Encoding.UTF8);
        Assert.Equal("Service;Usage;Montant", csv[0].TrimStart('\uFEFF').Replace("\"", ""));
        Assert.Equal(await rows.CountAsync(), csv.Skip(1).Count(l => l.Length > 0));

        await page.GotoAsync(new Uri(demo.App.BaseUrl, "culture?name=en&returnUrl=/payg").ToString());
        await page.WaitForSelectorAsync("[data-kpi='current'] .ocm-kpi-value");
        Assert.Equal("Billing", await page.InnerTextAsync(".ocm-breadcrumb"));
        Assert.Equal("Pay-as-you-go consumption", await page.InnerTextAsync("h1"));
        Assert.Equal(["Current month", "Previous month", "Pay-as-you-go services"], await page.Locator(".ocm-kpi h2").AllInnerTextsAsync());
        texts = await page.Locator(".ocm-kpi-text").AllInnerTextsAsync();
        Assert.Matches(@"^Estimate to date \(\d{1,2}/\d{1,2}/\d{4}\)$", texts[0]);
        Assert.Matches(@"^Billed on \d{1,2}/\d{1,2}/\d{4}$", texts[1]);
        Assert.Equal("Services with variable consumption", texts[2]);
        Assert.Equal("Detail by service", await page.InnerTextAsync(".ocm-payg-detail h2"));
        Assert.Matches(@"^updated \d\d:\d\d$", (await page.InnerTextAsync(".ocm-freshness-text")).Trim());
        Assert.Matches(@"GB stored$", await page.InnerTextAsync(".ocm-payg-service[data-family='storage'] .ocm-payg-service-usage"));
        Assert.StartsWith("€", await page.InnerTextAsync("[data-kpi='current'] .ocm-kpi-value"));
        await page.WaitForSelectorAsync(".ocm-payg-forecast svg");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ScreenshotPath("payg-en"), FullPage = true });
        await context.CloseAsync();
    }

    [Fact]
    public async Task An_open_page_shows_the_new_month_to_date_amount_within_five_seconds_of_a_sync()
    {
        var page = await demo.Browser.Browser.NewPageAsync();
        await page.GotoAsync(new Uri(demo.App.BaseUrl, "payg").ToString());
        // The chart draws only once the circuit is connected: from then on, updates can only come over it.
        await page.WaitForSelectorAsync(".ocm-payg-forecast svg");
        var before = Amount(await page.InnerTextAsync("[data-kpi='current'] .ocm-kpi-value"));
        var snapshotBefore = await page.GetAttributeAsync("[data-page='payg']", "data-snapshot");

        await demo.AdvanceClockAsync(TimeSpan.FromMinutes(1));
        await demo.AdvanceConsumptionAsync(321.09m);

        var started = await demo.StartSyncAsync();
        Assert.Equal(HttpStatusCode.Accepted, started);
        await page.WaitForFunctionAsync(
            "before => document.querySelector(\"[data-page='payg']\").dataset.snapshot !== before",
            snapshotBefore, new PageWaitForFunctionOptions { Timeout = 5_000 });

        var after = Amount(await page.InnerTextAsync("[data-kpi='current'] .ocm-kpi-value"));
        // The minute the clock moved accrued a little too: the page shows exactly what the simulator serves now.
        Assert.Equal((await demo.GroundTruthAsync()).ConsumptionCurrent.RoundedToCent, after);
        Assert.True(after - before >= 321.09m, $"{after} after {before}");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ScreenshotPath("payg-live-update"), FullPage = true });
        await page.CloseAsync();
    }

    private static string Normalize(string text) => text.Replace('\u00A0', ' ').Replace('\u202F', ' ').Trim();

    private static decimal Amount(string text)
    {
        var digits = new string(text.Where(c => char.IsDigit(c) || c is ',' or '.' or '-').ToArray());
        var french = digits.Contains(',');
        return decimal.Parse(french ? digits.Replace(".", "").Replace(',', '.') : digits.Replace(",", ""), CultureInfo.InvariantCulture);
    }
}
