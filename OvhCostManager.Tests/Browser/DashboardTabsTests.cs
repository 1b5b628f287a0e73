using System.Globalization;
using System.Text;
using Microsoft.Playwright;
using OvhCostManager.Core.Costs;
using OvhCostManager.Tests.Infrastructure;
using OvhCostManager.Tests.Integration.Export;

namespace OvhCostManager.Tests.Browser;

[Collection(ImportedDashboardCollection.Name)]
public sealed class DashboardTabsTests(ImportedDashboardFixture dashboard)
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr");

    private string Url(string path) => new Uri(dashboard.App.BaseUrl, path).ToString();

    [Fact]
    public async Task Each_tab_shows_the_imported_figures_in_French_and_English_with_screenshots()
    {
        var context = await dashboard.Browser.Browser.NewContextAsync(new BrowserNewContextOptions { AcceptDownloads = true });
        var page = await context.NewPageAsync();
        var months = dashboard.GroundTruth.Months.Values.Select(m => m.WithoutTax).ToList();
        var (previous, latest) = (months[^2], months[^1]);
        var trendRows = "[data-page='trends'] [data-table='trend-months'] tbody";
        var tabs = new (string Tab, (string Selector, Money Amount)[] Figures)[]
        {
            ("compare", [("[data-page='compare'] [data-kpi='total-a']", previous), ("[data-page='compare'] [data-kpi='total-b']", latest)]),
            ("trends", [(trendRows, previous), (trendRows, latest)]),
            ("payg", [("[data-page='payg'] [data-kpi='current'] .ocm-kpi-value", dashboard.GroundTruth.ConsumptionCurrent)]),
        };
        var servers = dashboard.Simulator.Account.DedicatedServers;
        foreach (var language in new[] { "fr", "en" })
        {
            await page.GotoAsync(Url($"culture?name={language}&returnUrl=/overview"));
            await ShowsAsync(page, language, "overview", [("[data-page='overview'] [data-kpi='total'] .ocm-kpi-value", latest)]);
            foreach (var (tab, figures) in tabs)
            {
                await page.ClickAsync($"nav.ocm-tabs a[data-tab='{tab}']");
                await ShowsAsync(page, language, tab, figures);
            }

            await page.ClickAsync("nav.ocm-tabs a[data-tab='inventory']");
            var dedicated = page.Locator("[data-page='inventory'] [data-section='dedicated']");
            await dedicated.Locator("tbody tr").First.WaitForAsync();
            var shown = await dedicated.InnerTextAsync();
            Assert.Contains($"({servers.Count})", shown);
            Assert.All(servers, s => Assert.Contains(s.DisplayName, shown));
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ScreenshotPath($"inventory-{language}"), FullPage = true });
        }

        await context.CloseAsync();
    }

    [Fact]
    public async Task The_header_month_and_lens_drive_every_tab_and_survive_tab_changes()
    {
        var context = await dashboard.Browser.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var month = dashboard.GroundTruth.Months.Keys.Reverse().Skip(3).First();
        var incurred = dashboard.GroundTruth.IncurredPerMonth[month];
        await page.GotoAsync(Url($"culture?name=en&returnUrl=/overview?month={month}%26lens=incurred"));
        await BrowserFixture.WaitUntilInteractiveAsync(page);
        Assert.Contains(Normalise(Euros.In("en", incurred)), Normalise(await page.InnerTextAsync("[data-page='overview'] [data-kpi='total'] .ocm-kpi-value")));
        Assert.Equal("incurred", await page.GetAttributeAsync("[data-value='lens']", "data-lens"));

        foreach (var tab in new[] { "compare", "trends", "inventory", "overview" })
        {
            await page.ClickAsync($"nav.ocm-tabs a[data-tab='{tab}']");
            await page.WaitForSelectorAsync($"[data-page='{tab}'] [data-value='lens']");
            Assert.Contains($"month={month}", page.Url);
            Assert.Contains("lens=incurred", page.Url);
            Assert.Equal(month, await page.Locator(".ocm-header [data-month]").First.GetAttributeAsync("data-month"));
            Assert.Equal("incurred", await page.GetAttributeAsync($"[data-page='{tab}'] [data-value='lens']", "data-lens"));
        }

        await page.ClickAsync("nav.ocm-tabs a[data-tab='compare']");
        await page.WaitForSelectorAsync("[data-page='compare'] [data-kpi='total-b']");
        Assert.Contains(Normalise(Euros.In("en", incurred)), Normalise(await page.InnerTextAsync("[data-page='compare'] [data-kpi='total-b']")));
        await page.ClickAsync("nav.ocm-tabs a[data-tab='inventory']");
        await page.WaitForSelectorAsync($"[data-page='inventory'][data-month='{month}']");

        // Pay-as-you-go is the live month: no header month nor lens there, and they come back on the next tab.
        await page.ClickAsync("nav.ocm-tabs a[data-tab='payg']");
        await page.WaitForSelectorAsync("[data-page='payg']");
        Assert.Equal(0, await page.Locator(".ocm-header [data-month]").CountAsync());
        Assert.Equal(0, await page.Locator(".ocm-lens-switch").CountAsync());
        await page.ClickAsync("nav.ocm-tabs a[data-tab='overview']");
        await page.WaitForSelectorAsync("[data-page='overview'] [data-kpi='total'] .ocm-kpi-value");
        Assert.Equal(month, await page.Locator(".ocm-header [data-month]").First.GetAttributeAsync("data-month"));

        // The switch goes back to the invoiced lens: the month's bills.
        await page.ClickAsync(".ocm-lens-switch a[data-lens-option='invoiced']");
        await page.WaitForSelectorAsync("[data-page='overview'] [data-value='lens'][data-lens='invoiced']");
        Assert.Contains(Normalise(Euros.In("en", dashboard.GroundTruth.Months[month].WithoutTax)),
            Normalise(await page.InnerTextAsync("[data-page='overview'] [data-kpi='total'] .ocm-kpi-value")));
        await context.CloseAsync();
    }

    /// <summary>Checks that each selector of the tab shows its amount as the language writes it, then screenshots the tab.</summary>
    private static async Task ShowsAsync(IPage page, string language, string tab, (string Selector, Money Amount)[] figures)
    {
        foreach (var (selector, amount) in figures)
        {
            await page.WaitForSelectorAsync(selector);
            Assert.Contains(Normalise(Euros.In(language, amount)), Normalise(await page.InnerTextAsync(selector)));
        }

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ScreenshotPath($"{tab}-{language}"), FullPage = true });
    }

    [Fact]
    public async Task Switching_month_updates_the_url_and_the_total()
    {
        var page = await dashboard.Browser.Browser.NewPageAsync();
        var months = dashboard.GroundTruth.Months.Keys.ToList();
        var older = months[^3];
        await page.GotoAsync(Url($"overview?month={older}"));
        await page.WaitForSelectorAsync("[data-kpi='total'] .ocm-kpi-value");
        Assert.Equal(Normalise(Euros.In("fr", dashboard.GroundTruth.Months[older].WithoutTax)), Normalise(await page.InnerTextAsync("[data-kpi='total'] .ocm-kpi-value")));

        // The prerendered page is not interactive until the circuit connects; on a busy machine a click can still be
        // lost while the page re-renders: open the list and pick the month again until the URL follows.
        await BrowserFixture.WaitUntilInteractiveAsync(page);
        var item = page.Locator($".mud-popover-open [data-month-option='{months[^2]}']");
        var wanted = $"month={months[^2]}";
        for (var attempt = 0; attempt < 10 && !page.Url.Contains(wanted, StringComparison.Ordinal); attempt++)
        {
            if (!await item.IsVisibleAsync())
            {
                await page.ClickAsync(".ocm-month-selector");
                await page.WaitForTimeoutAsync(500);
                continue;
            }

            await item.ClickAsync();
            try
            {
                await page.WaitForURLAsync(u => u.Contains(wanted, StringComparison.Ordinal),
                    new PageWaitForURLOptions { Timeout = 5_000, WaitUntil = WaitUntilState.Commit });
            }
            catch (TimeoutException)
            {
                // lost click: try again
            }
        }

        Assert.Contains(wanted, page.Url);
        await page.WaitForFunctionAsync("t => document.querySelector(\"[data-kpi='total'] .ocm-kpi-value\").innerText.replace(/\\s/g,'') === t",
            Normalise(Euros.In("fr", dashboard.GroundTruth.Months[months[^2]].WithoutTax)));
        await page.CloseAsync();
    }

    [Fact]
    public async Task The_project_table_sorts_and_its_CSV_is_exactly_what_it_shows()
    {
        var context = await dashboard.Browser.Browser.NewContextAsync(new BrowserNewContextOptions { AcceptDownloads = true });
        var page = await context.NewPageAsync();
        await page.GotoAsync(Url("overview"));
        var grid = page.Locator("[data-table='projects']");
        await grid.Locator("tbody tr").First.WaitForAsync();
        await BrowserFixture.WaitUntilInteractiveAsync(page);
        IReadOnlyList<string> names = [];
        bool Sorted() => names.Count > 1 && names.SequenceEqual(names.Order(StringComparer.CurrentCulture));

        // A click that lands while the circuit is busy can be lost: click again only after a long wait, so a slow
        // but received click is not undone by the second one (which would sort descending).
        for (var click = 0; click < 3 && !Sorted(); click++)
        {
            await grid.Locator("th", new LocatorLocatorOptions { HasText = "Projet" }).First.ClickAsync();
            for (var poll = 0; poll < 80; poll++)
            {
                await page.WaitForTimeoutAsync(100);
                names = await grid.Locator("tbody tr td:first-child").AllInnerTextsAsync();
                if (Sorted())
                {
                    break;
                }
            }
        }

        Assert.Equal(names.Order(StringComparer.CurrentCulture).ToList(), names.ToList());

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-widget='projects'] .ocm-csv-button"));
        var rows = await ReadCsvAsync(download, ';');
        Assert.Equal(names.Select(n => n.Trim()), rows.Skip(1).Select(r => r[0]));
        Assert.Equal("Projet", rows[0][0]);
        await context.CloseAsync();
    }

    [Fact]
    public async Task A_compared_rows_lines_come_a_page_at_a_time_and_the_CSV_holds_every_line_of_the_search()
    {
        var months = dashboard.GroundTruth.Months.Keys.ToList();
        var (a, b) = (months[^3], months[^2]);
        var context = await dashboard.Browser.Browser.NewContextAsync(new BrowserNewContextOptions { AcceptDownloads = true });
        var page = await context.NewPageAsync();
        await page.GotoAsync(Url($"compare?a={a}&b={b}"));
        var row = page.Locator("[data-table='compare-categories'] tbody tr").First;
        await row.WaitForAsync();
        await BrowserFixture.WaitUntilInteractiveAsync(page);
        var shown = (await row.Locator("td").AllInnerTextsAsync()).ToList();
        var rowTotal = decimal.Parse(shown[2].Replace("€", "").Trim(), French) + decimal.Parse(shown[3].Replace("€", "").Trim(), French);

        var lines = page.Locator("[data-table='compare-lines']");
        for (var click = 0; click < 3 && !await lines.IsVisibleAsync(); click++)
        {
            await row.Locator("td").First.Locator("button").ClickAsync();
            await page.WaitForTimeoutAsync(1000);
        }

        await lines.Locator("tbody tr td").First.WaitForAsync();
        var count = int.Parse((await lines.GetAttributeAsync("data-count"))!, CultureInfo.InvariantCulture);
        Assert.True(count > 25, $"the {shown[1]} row has {count} lines in {a} and {b}: a single page would prove nothing");
        Assert.Equal(25, await lines.Locator("tbody tr").CountAsync());

        var all = await ReadCsvAsync(await page.RunAndWaitForDownloadAsync(() => lines.Locator(".ocm-csv-button").ClickAsync()), ';');
        Assert.Equal(count, all.Count - 1);
        Assert.Equal(rowTotal, all.Skip(1).Sum(r => decimal.Parse(r[4], French)));
        Assert.Equal([a, b], all.Skip(1).Select(r => r[0]).Distinct().Order());

        var word = all.Skip(1).Select(r => r[3].Split(' ')[0]).Where(w => w.Length > 2 && w.All(char.IsLetter))
            .GroupBy(w => w).OrderBy(g => g.Count()).First(g => g.Count() < count).Key;
        await lines.Locator(".ocm-grid-search input").FillAsync(word);
        var expected = all.Skip(1).Count(r => string.Join(' ', r).Contains(word, StringComparison.CurrentCultureIgnoreCase));
        await Assertions.Expect(lines).ToHaveAttributeAsync("data-count", expected.ToString(CultureInfo.InvariantCulture));
        var searched = await ReadCsvAsync(await page.RunAndWaitForDownloadAsync(() => lines.Locator(".ocm-csv-button").ClickAsync()), ';');
        Assert.Equal(expected, searched.Count - 1);
        Assert.All(searched.Skip(1), r => Assert.Contains(word, string.Join(' ', r), StringComparison.CurrentCultureIgnoreCase));
        await context.CloseAsync();
    }

    [Fact]
    public async Task The_resource_type_table_opens_up_the_pie_and_adds_up_to_the_month()
    {
        var context = await dashboard.Browser.Browser.NewContextAsync(new BrowserNewContextOptions { AcceptDownloads = true });
        var page = await context.NewPageAsync();
        var month = dashboard.GroundTruth.Months.Keys.Last();
        await page.GotoAsync(Url($"overview?month={month}"));
        await page.Locator("[data-table='resource-types'] tbody tr").First.WaitForAsync();
        await BrowserFixture.WaitUntilInteractiveAsync(page);

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-widget='resource-types'] .ocm-csv-button"));
        var rows = (await ReadCsvAsync(download, ';')).Skip(1).ToList();

        var total = rows.Sum(r => decimal.Parse(r[3], French));
        Assert.Equal(dashboard.GroundTruth.Months[month].WithoutTax.RoundedToCent, total);
        Assert.Equal(rows.Count, rows.Select(r => r[0]).Distinct().Count());
        var others = rows.Where(r => r[1] == "Autres").Select(r => r[0]).ToList();
        Assert.True(others.Count >= 2, $"the 'Other' slice should open up into its resource types, got: {string.Join(", ", others)}");
        Assert.Contains(rows, r => r[0] == "Serveur dédié" && r[1] == "Serveurs dédiés" && int.Parse(r[2], French) > 0);
        Assert.InRange(rows.Sum(r => decimal.Parse(r[4], French)), 99.5m, 100.5m);
        await context.CloseAsync();
    }

    [Fact]
    public async Task Full_exports_download_from_the_export_menu_and_match_the_ground_truth()
    {
        var context = await dashboard.Browser.Browser.NewContextAsync(new BrowserNewContextOptions { AcceptDownloads = true });
        var page = await context.NewPageAsync();
        var month = dashboard.GroundTruth.Months.Keys.Last();
        await page.GotoAsync(Url($"overview?month={month}"));
        await page.WaitForSelectorAsync("[data-kpi='total']");
        await BrowserFixture.WaitUntilInteractiveAsync(page);
        await page.ClickAsync(".ocm-export-menu button");
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-export='bill-lines']"));
        var rows = await ReadCsvAsync(download, ';');
        Assert.Equal(dashboard.GroundTruth.Months[month].Lines, rows.Count - 1);
        Assert.Equal("Type ressource", rows[0][6]);
        Assert.Equal(dashboard.GroundTruth.Months[month].WithoutTax.RoundedToCent, rows.Skip(1).Sum(r => decimal.Parse(r[11], French)));

        if (!await page.Locator("[data-export='report']").IsVisibleAsync())
        {
            await page.ClickAsync(".ocm-export-menu button");
        }

        var report = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-export='report']"));
        var markdown = await File.ReadAllTextAsync(await report.PathAsync());
        Assert.StartsWith("# Rapport de coûts OVHcloud", markdown);
        await context.CloseAsync();
    }

    [Theory]
    [InlineData("overview?month=2026-13", "2026-13")]
    [InlineData("trends?window=0", "0")]
    [InlineData("trends?window=10000", "10000")]
    [InlineData("compare?a=2026-13", "2026-13")]
    [InlineData("overview?project=unknown-project", "unknown-project")]
    public async Task Malformed_url_parameters_show_a_clear_message_not_an_error_page(string path, string echoed)
    {
        var page = await dashboard.Browser.Browser.NewPageAsync();
        await page.GotoAsync(Url(path));
        var message = await page.WaitForSelectorAsync(".ocm-invalid-parameter");
        Assert.Contains(echoed, await message!.InnerTextAsync());
        Assert.Equal(0, await page.Locator("[data-page='error']").CountAsync());
        await page.CloseAsync();
    }

    [Fact]
    public async Task Malformed_export_parameters_get_a_400_that_says_what_is_expected()
    {
        using var client = dashboard.App.CreateClient();
        using var bad = await client.GetAsync("/export/bills.csv?from=2026-13");
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("YYYY-MM", await bad.Content.ReadAsStringAsync());
        using var report = await client.GetAsync("/export/report-2026-13.md");
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, report.StatusCode);
    }

    private static string Normalise(string text) => new(text.Where(c => !char.IsWhiteSpace(c)).ToArray());

    private static async Task<List<string[]>> ReadCsvAsync(IDownload download, char separator)
    {
        var bytes = await File.ReadAllBytesAsync(await download.PathAsync());
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes.Take(3));
        return FullExportsTests.Parse(Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3), separator);
    }
}
