using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using OvhCostManager.Tests.Infrastructure;

namespace OvhCostManager.Tests.Browser;

[Collection(DemoDashboardCollection.Name)]
public sealed class LiveDashboardBrowserTests(DemoDashboardFixture demo)
{
    private string Url(string path) => new Uri(demo.App.BaseUrl, path).ToString();

    [Fact]
    public async Task Sync_now_in_the_header_starts_a_sync_and_the_header_shows_it_finished()
    {
        var page = await demo.Browser.Browser.NewPageAsync();
        await page.GotoAsync(Url("overview"));
        await BrowserFixture.WaitUntilInteractiveAsync(page);
        // A scheduled run may still be going: the button is enabled again once it ends.
        var idle = await page.WaitForSelectorAsync("[data-sync='idle']", new PageWaitForSelectorOptions { Timeout = 60_000 });
        var before = await idle!.GetAttributeAsync("data-last-sync");
        await page.WaitForSelectorAsync(".ocm-sync-now:not([disabled])");
        using var api = demo.App.CreateClient();
        var lastBefore = await LastSuccessfulSyncAsync(api);
        await demo.AdvanceClockAsync(TimeSpan.FromMinutes(1));

        await page.ClickAsync(".ocm-sync-now");
        var finished = await page.WaitForSelectorAsync(
            $"[data-sync='idle']:not([data-last-sync='{before}'])", new PageWaitForSelectorOptions { Timeout = 60_000 });

        var lastAfter = await LastSuccessfulSyncAsync(api);
        Assert.NotNull(lastAfter);
        Assert.True(lastAfter >= lastBefore + TimeSpan.FromMinutes(1), $"{lastAfter} after {lastBefore}");
        Assert.Equal(lastAfter, DateTimeOffset.Parse((await finished!.GetAttributeAsync("data-last-sync"))!, CultureInfo.InvariantCulture));
        Assert.StartsWith("Synchronisé le ", (await finished.InnerTextAsync()).Trim(), StringComparison.Ordinal);
        Assert.True(await page.IsEnabledAsync(".ocm-sync-now"));
        await page.CloseAsync();
    }

    [Fact]
    public async Task The_open_overview_shows_the_new_current_consumption_after_the_simulator_advances_and_a_sync_runs()
    {
        var page = await demo.Browser.Browser.NewPageAsync();
        await page.GotoAsync(Url("overview"));
        await BrowserFixture.WaitUntilInteractiveAsync(page);
        const string current = "[data-kpi='consumption'] [data-value='current']";
        var before = await page.InnerTextAsync(current);

        await demo.AdvanceClockAsync(TimeSpan.FromMinutes(1));
        await demo.AdvanceConsumptionAsync(234.56m);
        Assert.Equal(HttpStatusCode.Accepted, await demo.StartSyncAsync());

        await page.WaitForFunctionAsync("([s, before]) => document.querySelector(s).innerText !== before", new object[] { current, before },
            new PageWaitForFunctionOptions { Timeout = 30_000 });
        var after = Amount(await page.InnerTextAsync(current));
        // The minute the clock moved accrued a little too: the page shows exactly what the simulator serves now.
        Assert.Equal((await demo.GroundTruthAsync()).ConsumptionCurrent.RoundedToCent, after);
        Assert.True(after - Amount(before) >= 234.56m, $"{after} after {before}");
        await page.CloseAsync();
    }

    [Fact]
    public async Task Inventory_and_account_pages_read_in_English_with_screenshots()
    {
        var page = await demo.Browser.Browser.NewPageAsync();
        await page.GotoAsync(Url("culture?name=en&returnUrl=/inventory"));
        await page.WaitForSelectorAsync(".ocm-family-summary");
        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
        Assert.Contains("Dedicated servers", await page.InnerTextAsync(".ocm-family-summary"));
        Assert.Matches(@"^\d+ expired · \d+ within 7 days · \d+ within 30 days · \d+ on manual renewal$", await page.InnerTextAsync(".ocm-alert-summary"));
        await page.WaitForSelectorAsync("[data-section='dedicated'] tbody tr");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ScreenshotPath("inventory-en"), FullPage = true });

        await page.GotoAsync(Url("balance"));
        await page.WaitForSelectorAsync("[data-page='account'] .ocm-open-bill");
        Assert.Equal("Account", (await page.InnerTextAsync("[data-page='account'] h1")).Trim());
        Assert.Equal(4, await page.Locator(".ocm-balance-item").CountAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ScreenshotPath("account-en"), FullPage = true });
        await page.CloseAsync();
    }


    private static async Task<DateTimeOffset?> LastSuccessfulSyncAsync(HttpClient api)
    {
        var health = await api.GetFromJsonAsync<JsonElement>("/health");
        return health.TryGetProperty("lastSuccessfulSyncUtc", out var last) && last.ValueKind == JsonValueKind.String
            ? DateTimeOffset.Parse(last.GetString()!, CultureInfo.InvariantCulture)
            : null;
    }

    private static decimal Amount(string text)
    {
        var digits = new string(text.Where(c => char.IsDigit(c) || c is ',' or '.' or '-').ToArray());
        return decimal.Parse(digits.Contains(',') ? digits.Replace(".", "").Replace(',', '.') : digits, CultureInfo.InvariantCulture);
    }
}
