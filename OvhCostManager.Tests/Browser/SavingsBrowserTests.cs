using Microsoft.Playwright;
using OvhCostManager.Core.Costs;
using OvhCostManager.Tests.Browser.Accessibility;
using OvhCostManager.Tests.Infrastructure;
using OvhCostManager.Tests.Integration.Savings;

namespace OvhCostManager.Tests.Browser;

[Collection(ImportedDashboardCollection.Name)]
public sealed class SavingsBrowserTests(ImportedDashboardFixture dashboard)
{
    [Theory]
    [InlineData("fr", "Économies", "Économies possibles", "/ mois", "Facturé mais absent")]
    [InlineData("en", "Savings", "Possible savings", "/ month", "Billed but not there")]
    public async Task The_savings_page_and_the_overview_card_show_the_ground_truths_saving_with_no_serious_axe_violation(
        string language, string heading, string cardTitle, string perMonth, string billedTitle)
    {
        var truth = dashboard.GroundTruth;
        var expected = ExpectedAdvice.For(truth, dashboard.Simulator.Account);
        var possible = ExpectedAdvice.PossibleSaving(truth, dashboard.Simulator.Account);
        var context = await dashboard.Browser.Browser.NewContextAsync(new BrowserNewContextOptions { BypassCSP = true });
        await context.AddCookiesAsync([BrowserFixture.CultureCookie(dashboard.App.BaseUrl, language)]);
        var page = await context.NewPageAsync();

        await page.GotoAsync(new Uri(dashboard.App.BaseUrl, "savings").ToString());
        await BrowserFixture.WaitUntilInteractiveAsync(page);
        await page.Locator("[data-table='cloud-leftovers']").WaitForAsync();

        Assert.Equal(heading, await page.InnerTextAsync("h1"));
        Assert.Equal(Euros.In(language, possible), (await page.InnerTextAsync("[data-kpi='possible-saving'] .ocm-kpi-value")).Trim());
        Assert.Equal(Euros.In(language, Money.Sum(truth.CloudLeftovers.Select(l => l.MonthlyPrice))),
            (await page.InnerTextAsync("[data-kpi='leftovers'] .ocm-kpi-value")).Trim());
        var leftovers = page.Locator("[data-table='cloud-leftovers'] [data-leftover]");
        Assert.Equal(truth.CloudLeftovers.Select(l => l.Id).Order(), (await leftovers.EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.leftover)")).Order());
        // Rows sorted by saving, largest first: the first row is the instance the ground truth says saves most.
        var best = expected.MaxBy(e => e.Saving.Ucents)!;
        Assert.Equal(best.Truth.InstanceId, await page.Locator("[data-table='hourly-advice'] [data-instance]").First.GetAttributeAsync("data-instance"));
        Assert.Contains(Euros.In(language, best.Saving), await page.Locator("[data-table='hourly-advice'] tbody tr").First.InnerTextAsync());
        Assert.Equal("page", await page.Locator("nav.ocm-tabs a[data-tab='savings']").GetAttributeAsync("aria-current"));

        // Billed but not there, there but not billed: the simulator's seeded services, each once, and the KPI their sum.
        Assert.Equal(Euros.In(language, Money.Sum(truth.BilledButNotThere.Select(b => b.Billed))),
            (await page.InnerTextAsync("[data-kpi='billed-not-there'] .ocm-kpi-value")).Trim());
        Assert.Contains(billedTitle, await page.InnerTextAsync("[data-widget='billed-but-not-there'] h2, [data-widget='billed-but-not-there'] h3"));
        Assert.Equal(truth.BilledButNotThere.Select(b => b.Service).Order(),
            (await page.Locator("[data-table='billed-not-there'] [data-service]").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.service)")).Order());
        Assert.Equal(truth.Unbilled.Select(u => u.Service),
            await page.Locator("[data-table='there-not-billed'] [data-service]").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.service)"));
        Assert.Contains(Euros.In(language, truth.Unbilled[0].ExpectedMonthly), await page.Locator("[data-table='there-not-billed'] tbody tr").First.InnerTextAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ScreenshotPath($"savings-{language}"), FullPage = true });
        var blocking = await AccessibilityTests.BlockingViolationsAsync(page);

        await page.GotoAsync(new Uri(dashboard.App.BaseUrl, "overview").ToString());
        await BrowserFixture.WaitUntilInteractiveAsync(page);
        var card = page.Locator("[data-widget='possible-savings']");
        await card.WaitForAsync();
        Assert.Contains(cardTitle, await card.InnerTextAsync());
        Assert.Equal($"{Euros.In(language, possible)} {perMonth}", (await card.Locator("[data-value='possible-saving']").InnerTextAsync()).Trim());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ScreenshotPath($"overview-savings-card-{language}"), FullPage = true });
        blocking = [.. blocking, .. await AccessibilityTests.BlockingViolationsAsync(page)];
        await card.Locator("a[href='savings']").ClickAsync();
        await page.WaitForSelectorAsync("[data-page='savings']");
        await context.CloseAsync();

        Assert.True(blocking.Count == 0, string.Join(Environment.NewLine, blocking));
    }
}
