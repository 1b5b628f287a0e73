using System.Globalization;
using System.Text;
using Microsoft.Playwright;
using OvhCostManager.Core.Costs;
using OvhCostManager.Tests.Infrastructure;
using OvhCostManager.Tests.Integration.Export;

namespace OvhCostManager.Tests.Browser;

[Collection(ImportedDashboardCollection.Name)]
public sealed class ShellBrowserTests(ImportedDashboardFixture dashboard)
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr");

    private string Url(string path) => new Uri(dashboard.App.BaseUrl, path).ToString();

    [Fact]
    public async Task Bills_cost_by_project_and_inventory_download_from_the_export_menu_and_match_the_ground_truth()
    {
        var context = await dashboard.Browser.Browser.NewContextAsync(new BrowserNewContextOptions { AcceptDownloads = true });
        var page = await context.NewPageAsync();
        var month = dashboard.GroundTruth.Months.Keys.Last();
        await page.GotoAsync(Url($"overview?month={month}"));
        await BrowserFixture.WaitUntilInteractiveAsync(page);

        var bills = await DownloadAsync(page, "bills");
        var expectedBills = dashboard.GroundTruth.Bills.Where(b => b.Value.Month == month).ToList();
        Assert.Equal("Facture", bills[0][0]);
        Assert.Equal(expectedBills.Select(b => b.Key).Order(StringComparer.Ordinal), bills.Skip(1).Select(r => r[0]).Order(StringComparer.Ordinal));
        foreach (var row in bills.Skip(1))
        {
            var truth = dashboard.GroundTruth.Bills[row[0]];
            Assert.Equal(month, row[2]);
            Assert.Equal(truth.WithoutTax.RoundedToCent, decimal.Parse(row[3], French));
            Assert.Equal(truth.WithTax.RoundedToCent, decimal.Parse(row[5], French));
        }

        Assert.Equal(expectedBills.Sum(b => b.Value.WithTax.RoundedToCent), bills.Skip(1).Sum(r => decimal.Parse(r[5], French)));

        var projects = await DownloadAsync(page, "cost-by-project");
        var expectedProjects = dashboard.GroundTruth.CloudProjectsPerMonth.Where(p => p.Value.ContainsKey(month)).ToDictionary(p => p.Key, p => p.Value[month]);
        Assert.Equal("Projet", projects[0][0]);
        Assert.Equal(
            expectedProjects.Select(p => (p.Key, p.Value.Amount)).OrderBy(p => p.Key, StringComparer.Ordinal),
            projects.Skip(1).Select(r => (r[1], decimal.Parse(r[2], French))).OrderBy(p => p.Item1, StringComparer.Ordinal));
        Assert.Equal(Money.Sum(expectedProjects.Values).Amount, projects.Skip(1).Sum(r => decimal.Parse(r[2], French)));

        var inventory = await DownloadAsync(page, "inventory");
        var counts = dashboard.GroundTruth.Counts;
        Assert.Equal(counts.DedicatedServers, inventory.Count(r => r[0] == "Serveur dédié"));
        Assert.Equal(counts.Vps, inventory.Count(r => r[0] == "VPS"));
        Assert.Equal(counts.NetApps, inventory.Count(r => r[0] == "Stockage"));
        await context.CloseAsync();
    }

    [Fact]
    public async Task The_theme_toggle_switches_to_dark_and_the_choice_survives_a_reload()
    {
        var context = await dashboard.Browser.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(Url("overview"));
        await BrowserFixture.WaitUntilInteractiveAsync(page);
        // The theme's page background: #F5F5F5 light, #111827 dark (DashboardTheme, after the page spec).
        const string background = "() => getComputedStyle(document.querySelector('.mud-main-content')).backgroundColor";
        Assert.Equal("rgb(245, 245, 245)", await page.EvaluateAsync<string>(background));
        Assert.Equal("light", await page.GetAttributeAsync(".ocm-theme-toggle", "data-theme"));

        await page.ClickAsync(".ocm-theme-toggle");
        await page.WaitForSelectorAsync(".ocm-theme-toggle[data-theme='dark']");
        await page.WaitForFunctionAsync($"() => ({background})() === 'rgb(17, 24, 39)'");

        await page.ReloadAsync();
        await page.WaitForSelectorAsync("[data-kpi='total'] .ocm-kpi-value");
        Assert.Equal("dark", await page.GetAttributeAsync(".ocm-theme-toggle", "data-theme"));
        Assert.Equal("rgb(17, 24, 39)", await page.EvaluateAsync<string>(background));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ScreenshotPath("overview-dark"), FullPage = true });
        await context.CloseAsync();
    }

    [Fact]
    public async Task A_saved_budget_persists_across_a_reload_and_a_forecast_above_it_turns_red()
    {
        var page = await dashboard.Browser.Browser.NewPageAsync();
        await page.GotoAsync(Url("overview"));
        await BrowserFixture.WaitUntilInteractiveAsync(page);
        await page.WaitForSelectorAsync("[data-kpi='forecast'] [data-value='forecast']");
        var forecast = Amount(await page.InnerTextAsync("[data-kpi='forecast'] [data-value='forecast']"));
        Assert.True(forecast > 10m, $"forecast {forecast}");
        var budget = decimal.Floor(forecast / 2m);

        try
        {
            await SaveBudgetAsync(page, budget.ToString(CultureInfo.InvariantCulture));
            await page.WaitForSelectorAsync("[data-value='budget-saved']");
            await page.WaitForSelectorAsync("[data-kpi='forecast'].ocm-kpi-alert");

            await page.ReloadAsync();
            await BrowserFixture.WaitUntilInteractiveAsync(page);
            Assert.Equal(budget, Amount(await page.InputValueAsync("#ocm-budget-input")));
            await page.WaitForSelectorAsync("[data-kpi='forecast'].ocm-kpi-alert");
            var border = await page.EvalOnSelectorAsync<string>("[data-kpi='forecast']", "e => getComputedStyle(e).borderTopColor");
            var danger = await page.EvaluateAsync<string>("() => { const s = document.createElement('span'); s.style.color = 'var(--mud-palette-error)'; document.body.appendChild(s); const c = getComputedStyle(s).color; s.remove(); return c; }");
            Assert.Equal(danger, border);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ScreenshotPath("overview-budget-exceeded"), FullPage = true });

            await SaveBudgetAsync(page, decimal.Ceiling(forecast * 2m).ToString(CultureInfo.InvariantCulture));
            await page.WaitForFunctionAsync("() => !document.querySelector(\"[data-kpi='forecast']\").classList.contains('ocm-kpi-alert')");
        }
        finally
        {
            // Other tests of this fixture read the Overview: leave no budget behind.
            await SaveBudgetAsync(page, "");
            await page.WaitForFunctionAsync("() => !document.querySelector(\"[data-value='budget-used']\")");
            await page.CloseAsync();
        }
    }

    [Fact]
    public async Task The_overview_fits_a_phone_screen_without_horizontal_scrolling()
    {
        var context = await dashboard.Browser.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 390, Height = 844 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(Url("overview"));
        await page.WaitForSelectorAsync("[data-kpi='total'] .ocm-kpi-value");
        await BrowserFixture.WaitUntilInteractiveAsync(page);
        await page.WaitForSelectorAsync("[data-widget='projects'] tbody tr");

        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ScreenshotPath("overview-phone"), FullPage = true });
        Assert.True(widths[0] <= widths[1], $"scrollWidth {widths[0]} > innerWidth {widths[1]}: {await WidestAsync(page)}");
        // The layout scrolls inside its body, not the document: that scroller must not scroll sideways either.
        var body = await page.EvalOnSelectorAsync<int[]>(".mud-main-content", "e => [e.scrollWidth, e.clientWidth]");
        Assert.True(body[0] <= body[1], $"body scrollWidth {body[0]} > clientWidth {body[1]}: {await WidestAsync(page)}");
        await context.CloseAsync();
    }

    private static async Task SaveBudgetAsync(IPage page, string value)
    {
        await page.FillAsync("#ocm-budget-input", value);
        await page.PressAsync("#ocm-budget-input", "Tab");
        await page.ClickAsync(".ocm-budget-save");
    }

    private static async Task<string> WidestAsync(IPage page) => await page.EvaluateAsync<string>(
        "() => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)" +
        ".slice(0, 8).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)).join(' | ')");


    private static async Task<List<string[]>> DownloadAsync(IPage page, string export)
    {
        if (!await page.Locator($"[data-export='{export}']").IsVisibleAsync())
        {
            await page.ClickAsync(".ocm-export-menu button");
        }

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync($"[data-export='{export}']"));
        var bytes = await File.ReadAllBytesAsync(await download.PathAsync());
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes.Take(3));
        return FullExportsTests.Parse(Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3), ';');
    }

    private static decimal Amount(string text)
    {
        var digits = new string(text.Where(c => char.IsDigit(c) || c is ',' or '.' or '-').ToArray());
        return decimal.Parse(digits.Contains(',') ? digits.Replace(".", "").Replace(',', '.') : digits, CultureInfo.InvariantCulture);
    }
}
