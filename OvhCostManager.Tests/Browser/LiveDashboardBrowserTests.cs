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

    [Fact]
    public async Task An_English_overview_and_a_French_pay_as_you_go_page_keep_their_language_after_syncs_started_by_a_third_client()
    {
        await using var english = await demo.Browser.Browser.NewContextAsync();
        await using var french = await demo.Browser.Browser.NewContextAsync();
        await english.AddCookiesAsync([BrowserFixture.CultureCookie(demo.App.BaseUrl, "en")]);
        await french.AddCookiesAsync([BrowserFixture.CultureCookie(demo.App.BaseUrl, "fr")]);
        var overview = await english.NewPageAsync();
        var payg = await french.NewPageAsync();
        await overview.GotoAsync(Url("overview"));
        await payg.GotoAsync(Url("payg"));
        await BrowserFixture.WaitUntilInteractiveAsync(overview);
        await BrowserFixture.WaitUntilInteractiveAsync(payg);
        const string overviewCurrent = "[data-page='overview'] [data-kpi='consumption'] [data-value='current']";
        const string paygCurrent = "[data-page='payg'] [data-kpi='current'] .ocm-kpi-value";
        var latestMonth = (await demo.GroundTruthAsync()).Months.Keys.Last();

        // A sync from a French client, then one from an English client: each reader is the "other" language once.
        foreach (var trigger in new[] { "fr", "en" })
        {
            var overviewBefore = await SyncStampsAsync(overview, overviewCurrent);
            var paygBefore = await SyncStampsAsync(payg, "[data-page='payg']", "data-snapshot");
            await demo.AdvanceClockAsync(TimeSpan.FromMinutes(1));
            await demo.AdvanceConsumptionAsync(1_234.56m);

            Assert.Equal(HttpStatusCode.Accepted, await demo.StartSyncAsync(trigger));

            await WaitUntilChangedAsync(overview, overviewCurrent, overviewBefore);
            await WaitUntilChangedAsync(payg, "[data-page='payg']", paygBefore, "data-snapshot");
            var consumption = (await demo.GroundTruthAsync()).ConsumptionCurrent;
            var because = $"after a sync started in '{trigger}'";

            Shows(Euros.In("en", consumption), await overview.InnerTextAsync(overviewCurrent), because);
            Shows(MonthTitle(latestMonth, "en-GB"), await overview.InnerTextAsync("[data-page='overview'] [data-value='month']"), because);
            Shows("Synced ", await overview.InnerTextAsync("[data-sync='idle']"), because, startOnly: true);
            Assert.Equal("en", await overview.GetAttributeAsync("html", "lang"));

            var paygShown = await payg.InnerTextAsync(paygCurrent);
            Shows(Euros.In("fr", consumption), paygShown, because);
            Assert.Contains(CultureInfo.GetCultureInfo("fr").NumberFormat.NumberGroupSeparator, paygShown, StringComparison.Ordinal);
            Shows("Synchronisé le ", await payg.InnerTextAsync("[data-sync='idle']"), because, startOnly: true);
            Assert.Equal("fr", await payg.GetAttributeAsync("html", "lang"));
        }
    }

    // What tells that a page re-rendered after the sync: its own figure and the header's last-sync instant.
    private static async Task<string[]> SyncStampsAsync(IPage page, string selector, string? attribute = null)
    {
        var idle = await page.WaitForSelectorAsync("[data-sync='idle']", new PageWaitForSelectorOptions { Timeout = 60_000 });
        var figure = attribute is null ? await page.InnerTextAsync(selector) : await page.GetAttributeAsync(selector, attribute);
        return [figure ?? "", await idle!.GetAttributeAsync("data-last-sync") ?? ""];
    }

    private static Task WaitUntilChangedAsync(IPage page, string selector, string[] before, string? attribute = null) =>
        page.WaitForFunctionAsync(
            """
            ([selector, attribute, figure, lastSync]) => {
                const element = document.querySelector(selector);
                const idle = document.querySelector("[data-sync='idle']");
                const now = attribute ? element?.getAttribute(attribute) : element?.innerText;
                return element && idle && now !== figure && idle.getAttribute('data-last-sync') !== lastSync;
            }
            """,
            new object?[] { selector, attribute, before[0], before[1] },
            new PageWaitForFunctionOptions { Timeout = 60_000 });

    private static void Shows(string expected, string shown, string because, bool startOnly = false)
    {
        var text = Text(shown);
        var matches = startOnly ? text.StartsWith(expected, StringComparison.Ordinal) : string.Equals(expected, text, StringComparison.OrdinalIgnoreCase);
        Assert.True(matches, $"{because}: expected '{expected}'{(startOnly ? "…" : "")}, the page shows '{text}'");
    }

    private static string MonthTitle(string month, string culture) =>
        DateTime.ParseExact(month, "yyyy-MM", CultureInfo.InvariantCulture).ToString("MMMM yyyy", CultureInfo.GetCultureInfo(culture));

    // innerText writes the no-break space before "€" as U+00A0; the narrow one between thousands stays as it is.
    private static string Text(string text) => text.Replace('\u00A0', ' ').Trim();


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
