using System.Globalization;
using Microsoft.Playwright;
using OvhCostManager.Simulator;
using OvhCostManager.Tests.Browser.Accessibility;
using OvhCostManager.Tests.Infrastructure;

namespace OvhCostManager.Tests.Browser;

/// <summary>The demo account started on the evening of 5 October 2026, the simulator's changes to come on the days after.</summary>
public sealed class ChangesDemoDashboardFixture : DemoDashboardFixture
{
    protected override string Now => "2026-10-05T23:00:00+02:00";
}

/// <summary>
/// Nine simulated days synced from the header, one a day: the Changes view against the first day shows the instances
/// that appeared since (not the one that came and went), the service renewed since, and the ninth day's usage burst as
/// its plan's jump and as an anomaly with its rule.
/// </summary>
public sealed class ChangesBrowserTests(ChangesDemoDashboardFixture demo) : IClassFixture<ChangesDemoDashboardFixture>
{
    private static readonly SemaphoreSlim Days = new(1, 1);

    [Theory]
    [InlineData("fr", "Apparue", "par rapport à la médiane des 8 derniers jours", "Aucun changement depuis le 13/10/2026.")]
    [InlineData("en", "Appeared", "against the median of the last 8 days", "No change since 13/10/2026.")]
    public async Task The_changes_view_lists_the_instances_that_appeared_and_the_burst_with_its_rule_with_no_serious_axe_violation(
        string language, string appeared, string rule, string card)
    {
        var context = await demo.Browser.Browser.NewContextAsync(new BrowserNewContextOptions { BypassCSP = true });
        await context.AddCookiesAsync([BrowserFixture.CultureCookie(demo.App.BaseUrl, language)]);
        var page = await context.NewPageAsync();
        await SyncNineDaysAsync(page);
        var truth = await demo.GroundTruthAsync();
        // What is there on day 9 that was not on day 0: each instance's events summed, the one that vanished left out.
        var expected = truth.ResourceEvents.GroupBy(e => e.InstanceId)
            .Where(g => g.All(e => e.Kind != ResourceEventKind.Gone))
            .Select(g => (Id: g.Key, PerDay: g.Sum(e => e.PerDay.Amount)))
            .OrderByDescending(x => x.PerDay).ToList();
        Assert.Equal(2, expected.Count);

        await page.GotoAsync(new Uri(demo.App.BaseUrl, "changes?since=2026-10-05").ToString());
        await BrowserFixture.WaitUntilInteractiveAsync(page);
        var rows = page.Locator("[data-table='changes'] tbody tr");
        await rows.First.WaitForAsync();
        Assert.Equal(expected.Select(x => x.Id), await page.Locator("[data-table='changes'] [data-instance]").EvaluateAllAsync<string[]>("e => e.map(x => x.dataset.instance)"));
        Assert.Equal(expected.Select(x => x.PerDay),
            (await page.Locator("[data-table='changes'] [data-per-day]").EvaluateAllAsync<string[]>("e => e.map(x => x.dataset.perDay)")).Select(v => decimal.Parse(v, CultureInfo.InvariantCulture)));
        Assert.All(await page.Locator("[data-table='changes'] [data-change]").AllInnerTextsAsync(), t => Assert.Equal(appeared, t.Trim()));
        var burst = Assert.Single(truth.UsageBursts);
        Assert.Contains(burst.ProjectId, await page.Locator("[data-table='anomalies'] [data-subject]").EvaluateAllAsync<string[]>("e => e.map(x => x.dataset.subject)"));
        Assert.Contains(burst.PlanFamily, await page.Locator("[data-table='anomalies'] [data-subject]").EvaluateAllAsync<string[]>("e => e.map(x => x.dataset.subject)"));
        Assert.Contains(rule, await page.Locator("[data-table='anomalies'] [data-rule]").First.InnerTextAsync());
        // The burst's plan jumped on day 9 (from nothing, by its amount); the service renewed on its expiry day since day 0.
        Assert.Equal([burst.PlanCode], await page.Locator("[data-table='jumps'] [data-plan]").EvaluateAllAsync<string[]>("e => e.map(x => x.dataset.plan)"));
        Assert.Equal(burst.Amount.Amount, decimal.Parse((await page.Locator("[data-table='jumps'] [data-per-day]").GetAttributeAsync("data-per-day"))!, CultureInfo.InvariantCulture));
        var renewal = Assert.Single(truth.Renewals);
        Assert.Contains(renewal.ServiceName, await page.Locator("[data-table='services'] [data-service]").EvaluateAllAsync<string[]>("e => e.map(x => x.dataset.service)"));
        Assert.Equal(1, await page.Locator("[data-table='services'] [data-change='Renewed']").CountAsync());
        // A CSV for each table with rows: changes, jumps, services, anomalies, and bill lines when a bill brought some.
        var billLines = await page.Locator("[data-table='bill-lines']").CountAsync();
        Assert.Equal(1 - billLines, await page.Locator("[data-value='no-bill-lines']").CountAsync());
        Assert.Equal(4 + billLines, await page.Locator("[data-csv]").CountAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ScreenshotPath($"changes-{language}"), FullPage = true });
        var blocking = await AccessibilityTests.BlockingViolationsAsync(page);

        await page.GotoAsync(new Uri(demo.App.BaseUrl, "changes?since=2026-13-40").ToString());
        await BrowserFixture.WaitUntilInteractiveAsync(page);
        Assert.Contains("2026-13-40", await page.Locator(".ocm-invalid-parameter").InnerTextAsync());

        await page.GotoAsync(new Uri(demo.App.BaseUrl, "overview").ToString());
        await BrowserFixture.WaitUntilInteractiveAsync(page);
        var summary = page.Locator(".ocm-changes-card [data-value='changes-summary']");
        await summary.WaitForAsync();
        Assert.Equal(card, (await summary.InnerTextAsync()).Trim());
        Assert.Equal("2", await page.Locator(".ocm-changes-card").GetAttributeAsync("data-anomalies"));
        Assert.Equal("1", await page.Locator(".ocm-changes-card").GetAttributeAsync("data-jumps"));
        await page.Locator(".ocm-changes-card").ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ScreenshotPath($"overview-changes-card-{language}"), FullPage = true });
        blocking = [.. blocking, .. await AccessibilityTests.BlockingViolationsAsync(page)];
        await context.CloseAsync();

        Assert.True(blocking.Count == 0, string.Join(Environment.NewLine, blocking));
    }

    /// <summary>Once for the class: each day at 23:00 Paris time, a sync from the header (so a reading a day).</summary>
    private async Task SyncNineDaysAsync(IPage page)
    {
        await Days.WaitAsync();
        try
        {
            await page.GotoAsync(new Uri(demo.App.BaseUrl, "overview").ToString());
            await BrowserFixture.WaitUntilInteractiveAsync(page);
            var idle = await page.WaitForSelectorAsync("[data-sync='idle']", new PageWaitForSelectorOptions { Timeout = 60_000 });
            var last = DateTimeOffset.Parse((await idle!.GetAttributeAsync("data-last-sync"))!, CultureInfo.InvariantCulture);
            var ninth = new DateTimeOffset(2026, 10, 14, 21, 0, 0, TimeSpan.Zero);
            while (last < ninth)
            {
                await demo.AdvanceClockAsync(TimeSpan.FromDays(1));
                await page.WaitForSelectorAsync(".ocm-sync-now:not([disabled])");
                var before = (await idle.GetAttributeAsync("data-last-sync"))!;
                await page.ClickAsync(".ocm-sync-now");
                idle = await page.WaitForSelectorAsync($"[data-sync='idle']:not([data-last-sync='{before}'])", new PageWaitForSelectorOptions { Timeout = 60_000 });
                last = DateTimeOffset.Parse((await idle!.GetAttributeAsync("data-last-sync"))!, CultureInfo.InvariantCulture);
            }
        }
        finally
        {
            Days.Release();
        }
    }
}
