using Microsoft.Extensions.DependencyInjection;
using OvhCostManager.Core.Classification;
using OvhCostManager.Core.Costs;
using OvhCostManager.Core.Expiring;
using OvhCostManager.Core.Overview;
using OvhCostManager.Tests.Infrastructure;

namespace OvhCostManager.Tests.Integration.Overview;

[Collection(ImportedAccountCollection.Name)]
public sealed class OverviewQueriesTests(ImportedAccountFixture account)
{
    private OverviewQueries Queries => account.Services.GetRequiredService<OverviewQueries>();

    [Fact]
    public async Task Billed_months_are_every_month_of_the_ground_truth_newest_first()
    {
        var months = await Queries.GetBilledMonthsAsync();
        Assert.Equal(account.GroundTruth.Months.Keys.Reverse(), months);
    }

    [Fact]
    public async Task Every_month_total_matches_the_ground_truth_and_the_change_is_against_the_previous_calendar_month()
    {
        // The month in progress is set against the same days of the previous month (MonthInProgressTests).
        foreach (var (month, truth) in account.GroundTruth.Months.Where(m => m.Key != account.GroundTruth.CurrentMonth))
        {
            var report = await Queries.GetAsync(month);
            Assert.Equal(truth.WithoutTax, report.Total);
            Assert.Equal(truth.Bills, report.Bills);
            Assert.Equal(truth.Lines, report.Lines);

            var previous = BillingMonth.Previous(month);
            Assert.Equal(previous, report.PreviousMonth);
            var previousTruth = account.GroundTruth.Months.GetValueOrDefault(previous)?.WithoutTax ?? Money.Zero;
            Assert.Equal(previousTruth, report.VersusPreviousMonth.Before);
            if (previousTruth != Money.Zero)
            {
                var expected = decimal.Round((truth.WithoutTax - previousTruth).Amount / previousTruth.Amount * 100m, 1, MidpointRounding.AwayFromZero);
                Assert.Equal(expected, report.VersusPreviousMonth.Percent);
            }
            else
            {
                Assert.Null(report.VersusPreviousMonth.Percent);
            }

            Assert.Equal(new Money(truth.WithoutTax.Ucents / BillingMonth.Days(month).Last.Day), report.DailyAverage);
        }
    }

    [Fact]
    public async Task Project_figures_public_cloud_total_and_active_projects_match_the_ground_truth_for_every_month()
    {
        foreach (var month in account.GroundTruth.Months.Keys)
        {
            var report = await Queries.GetAsync(month);
            var expected = account.GroundTruth.CloudProjectsPerMonth
                .Where(p => p.Value.ContainsKey(month))
                .ToDictionary(p => p.Key, p => p.Value[month]);
            Assert.Equal(expected.Count, report.ActiveProjects);
            Assert.Equal(expected.OrderBy(p => p.Key).ToList(), report.Projects.ToDictionary(p => p.ProjectId, p => p.Amount).OrderBy(p => p.Key).ToList());
            Assert.Equal(Money.Sum(expected.Values), report.CloudTotal);
            Assert.Equal(report.Projects.OrderByDescending(p => p.Amount).Select(p => p.ProjectId), report.Projects.Select(p => p.ProjectId));
            if (report.CloudTotal != Money.Zero)
            {
                Assert.InRange(report.Projects.Sum(p => p.ShareOfCloudPercent), 99.5m, 100.5m);
            }
        }
    }

    [Fact]
    public async Task Resource_type_and_category_breakdowns_add_up_to_the_month_and_name_each_service_of_the_ground_truth()
    {
        var month = account.GroundTruth.Months.Keys.Last();
        var report = await Queries.GetAsync(month);
        Assert.Equal(report.Total, Money.Sum(report.ByResourceType.Select(t => t.Amount)));
        Assert.Equal(report.Total, Money.Sum(report.ByCategory.Select(c => c.Amount)));
        var servicesBilled = account.GroundTruth.ResourcesPerMonth.Count(r => r.Value.ContainsKey(month));
        Assert.Equal(servicesBilled, report.ByResourceType.Sum(t => t.Services));
        Assert.Contains(report.ByResourceType, t => t.Type == ResourceType.CloudProject && t.Amount != Money.Zero);
        Assert.Contains(report.ByResourceType, t => t.Type == ResourceType.DedicatedServer && t.Amount != Money.Zero);

        var dedicated = report.ByResourceType.Single(t => t.Type == ResourceType.DedicatedServer);
        var servers = await account.Contexts.CreateDbContextAsync();
        var serverNames = servers.DedicatedServers.Select(s => s.Name).ToHashSet();
        await servers.DisposeAsync();
        // The server no listing shows is a dedicated server still, by its name's shape.
        serverNames.UnionWith(account.GroundTruth.BilledButNotThere.Where(t => t.Kind == "notInInventory").Select(t => t.Service));
        var expectedDedicated = Money.Sum(account.GroundTruth.ResourcesPerMonth.Where(r => serverNames.Contains(r.Key) && r.Value.ContainsKey(month)).Select(r => r.Value[month]));
        Assert.Equal(expectedDedicated, dedicated.Amount);
    }

    [Fact]
    public async Task Gpu_panel_totals_agree_with_the_gpu_bill_lines()
    {
        foreach (var month in account.GroundTruth.Months.Keys)
        {
            var report = await Queries.GetAsync(month);
            foreach (var group in new[] { report.Gpu.Cloud, report.Gpu.Dedicated })
            {
                Assert.Equal(group.Total, Money.Sum(group.ByModel.Select(m => m.Amount)));
                Assert.Equal(group.Total, Money.Sum(group.Rows.Select(r => r.Amount)));
            }

            await using var db = await account.Contexts.CreateDbContextAsync();
            var gpu = db.BillLines.Where(l => l.BillingMonth == month && l.IsGpu).Select(l => new { l.Total, l.CloudProjectId }).ToList();
            Assert.Equal(Money.Sum(gpu.Select(l => l.Total)), report.Gpu.Total);
            Assert.Equal(Money.Sum(gpu.Where(l => l.CloudProjectId != null).Select(l => l.Total)), report.Gpu.Cloud.Total);
        }
    }

    [Fact]
    public async Task Current_consumption_and_forecast_are_the_simulator_readings()
    {
        var report = await Queries.GetAsync(account.GroundTruth.CurrentMonth);
        Assert.NotNull(report.Consumption);
        Assert.Equal(account.GroundTruth.CurrentMonth, report.Consumption.Month);
        Assert.Equal(account.GroundTruth.ConsumptionCurrent, report.Consumption.Current);
        Assert.Equal(account.GroundTruth.ConsumptionForecast, report.Consumption.Forecast);
    }

    [Fact]
    public async Task The_month_in_progress_projects_recurring_services_missing_so_far_at_last_month_cost()
    {
        var month = account.GroundTruth.CurrentMonth;
        var report = await Queries.GetAsync(month);
        Assert.NotNull(report.InProgress);
        var earlier = new[] { BillingMonth.Previous(month) };
        earlier = [earlier[0], BillingMonth.Previous(earlier[0]), BillingMonth.Previous(BillingMonth.Previous(earlier[0]))];
        var expected = account.GroundTruth.ResourcesPerMonth
            .Where(r => earlier.All(m => r.Value.GetValueOrDefault(m) > Money.Zero) && !r.Value.ContainsKey(month))
            .ToDictionary(r => r.Key, r => r.Value[earlier[0]]);
        Assert.Equal(expected.OrderBy(e => e.Key).ToList(), report.InProgress.MissingServices.ToDictionary(s => s.ServiceName, s => s.LastMonthAmount).OrderBy(e => e.Key).ToList());
        Assert.Equal(Money.Sum(expected.Values), report.InProgress.ProjectedAmount);

        var past = await Queries.GetAsync(account.GroundTruth.Months.Keys.First());
        Assert.Null(past.InProgress);
    }

    [Fact]
    public async Task A_month_without_bills_gives_zeros_not_an_error()
    {
        var report = await Queries.GetAsync("2001-01");
        Assert.Equal(Money.Zero, report.Total);
        Assert.Empty(report.Projects);
        Assert.Null(report.VersusPreviousMonth.Percent);
    }

    [Fact]
    public async Task Expiring_services_are_those_of_the_next_30_days_soonest_first()
    {
        // The query runs at the simulator's instant (its "today" is 2026-11-18 in Paris), whatever clock the harness wires.
        var services = await new ExpiringServiceQueries(account.Contexts, account.Simulator.Clock).GetAsync(30);

        var today = new DateOnly(2026, 11, 18);
        var model = account.Simulator.Account;
        var expected = model.DedicatedServers.Select(s => (s.Name, s.Terms))
            .Concat(model.Vps.Select(v => (v.Name, v.Terms)))
            .Concat(model.NetApps.Select(n => (Name: n.Id, n.Terms)))
            .Concat(model.CloudProjects.Select(p => (Name: p.Id, p.Terms)))
            .Concat(model.OtherServices.Select(o => (o.Name, o.Terms)))
            .Where(s => s.Terms.Expiration >= today && s.Terms.Expiration <= today.AddDays(30))
            .Select(s => (s.Name, s.Terms.Expiration))
            .OrderBy(s => s.Name, StringComparer.Ordinal)
            .ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, services.Select(s => (s.ServiceName, s.ExpiresOn)).OrderBy(s => s.ServiceName, StringComparer.Ordinal));
        Assert.Equal(services.Select(s => s.ExpiresOn.DayNumber - today.DayNumber), services.Select(s => s.DaysLeft));
        Assert.Equal(services.OrderBy(s => s.ExpiresOn).Select(s => s.ExpiresOn), services.Select(s => s.ExpiresOn));
    }
}
