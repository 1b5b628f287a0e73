using OvhCostManager.Core.Costs;
using OvhCostManager.Core.PayAsYouGo;
using OvhCostManager.Simulator;
using OvhCostManager.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using SimMonth = OvhCostManager.Simulator.BillingMonth;

namespace OvhCostManager.Tests.Integration.PayAsYouGo;

[Collection(ImportedAccountCollection.Name)]
public sealed class PayAsYouGoQueryTests(ImportedAccountFixture account)
{
    private Task<PayAsYouGoView> ViewAsync() => account.Services.GetRequiredService<PayAsYouGoQuery>().GetAsync();

    [Fact]
    public async Task Current_month_and_forecast_equal_the_simulators_consumption()
    {
        var view = await ViewAsync();

        Assert.Equal("2026-11", view.CurrentMonth);
        Assert.NotNull(view.Current);
        Assert.Equal(account.GroundTruth.ConsumptionCurrent, view.Current!.Amount);
        Assert.Equal(account.GroundTruth.ConsumptionForecast, view.Forecast);
        Assert.True(view.Forecast > view.Current.Amount);
        Assert.Equal("EUR", view.Currency);
    }

    [Fact]
    public async Task Services_count_and_detail_by_plan_family_match_the_ongoing_elements()
    {
        var view = await ViewAsync();
        var elements = ConsumptionView.Current(account.Simulator.Account, ImportedAccountFixture.Now);

        Assert.Equal(elements.Select(e => e.PlanFamily).Distinct().Count(), view.ServiceCount);
        Assert.Equal(view.Services.Count, view.ServiceCount);
        Assert.True(view.ServiceCount > 1);
        var expected = elements.GroupBy(e => e.PlanFamily).ToDictionary(g => g.Key, g => (Amount: Money.Sum(g.Select(e => e.Amount)), Quantity: g.Sum(e => e.Quantity)));
        Assert.Equal(expected.Keys.Order(), view.Services.Select(s => s.PlanFamily).Order());
        foreach (var row in view.Services)
        {
            Assert.Equal(expected[row.PlanFamily].Amount, row.Amount);
        }

        Assert.Equal(view.Services.Select(s => s.Amount).OrderDescending(), view.Services.Select(s => s.Amount));
        Assert.Equal(account.GroundTruth.ConsumptionCurrent, Money.Sum(view.Services.Select(s => s.Amount)));

        var instances = view.Services.Single(s => s.PlanFamily == "instance");
        Assert.Equal(ConsumptionUnit.Hours, instances.Unit);
        Assert.Equal(expected["instance"].Quantity, instances.Usage);
        Assert.Equal(ConsumptionUnit.GbStored, view.Services.Single(s => s.PlanFamily == "storage").Unit);
        Assert.Equal(ConsumptionUnit.GbTransferred, view.Services.Single(s => s.PlanFamily == "bandwidth").Unit);
    }

    [Fact]
    public async Task Object_storage_usage_is_the_GiB_hours_read_divided_by_the_hours_elapsed_at_the_reading()
    {
        var view = await ViewAsync();
        await using var context = await account.Contexts.CreateDbContextAsync();
        var snapshot = context.ConsumptionSnapshots
            .Where(s => s.Kind == Core.Data.Entities.ConsumptionKind.Current)
            .AsEnumerable().OrderBy(s => s.TakenAtUtc).Last();
        var gibHours = context.ConsumptionSnapshotItems.Where(i => i.SnapshotId == snapshot.Id && i.PlanFamily == "storage").AsEnumerable().Sum(i => i.Quantity);
        var simulated = ConsumptionView.Current(account.Simulator.Account, ImportedAccountFixture.Now).Where(e => e.PlanFamily == "storage").Sum(e => e.Quantity);
        var hours = (decimal)(snapshot.TakenAtUtc - snapshot.PeriodStartUtc!.Value).TotalHours;

        Assert.Equal(simulated, gibHours);
        var storage = view.Services.Single(s => s.PlanFamily == "storage");
        Assert.Equal(decimal.Round(gibHours / hours, 1, MidpointRounding.AwayFromZero), storage.Usage);
    }

    [Fact]
    public async Task Previous_month_is_Octobers_closed_consumption_billed_by_the_consumption_bill_of_November()
    {
        var view = await ViewAsync();
        var october = ConsumptionView.Closed(account.Simulator.Account, new SimMonth(2026, 10));
        var consumptionBill = account.Simulator.Account.VisibleBills(ImportedAccountFixture.Now)
            .Single(b => b.IsConsumptionBill && b.Month == new SimMonth(2026, 11));

        Assert.NotNull(view.Previous);
        Assert.Equal("2026-10", view.Previous!.Month);
        Assert.Equal(Money.Sum(october.Select(e => e.Amount)), view.Previous.Amount);
        Assert.Equal(consumptionBill.Date.ToUniversalTime(), view.Previous.BilledAtUtc);
    }

    [Fact]
    public async Task The_curve_holds_the_months_readings_then_the_forecast_at_the_end_of_the_month()
    {
        var view = await ViewAsync();

        Assert.Equal(view.Current!.Amount, view.Curve.Last(p => !p.IsForecast).Amount);
        var forecast = Assert.Single(view.Curve, p => p.IsForecast);
        Assert.Equal(view.Forecast, forecast.Amount);
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.FromHours(1)), forecast.AtUtc);
        Assert.Equal(view.Curve.Select(p => p.AtUtc).Order(), view.Curve.Select(p => p.AtUtc));
    }

    [Fact]
    public async Task Per_project_usage_and_monthly_plans_sum_to_each_projects_current_cloud_usage()
    {
        var view = await ViewAsync();
        await using var context = await account.Contexts.CreateDbContextAsync();
        var stored = context.CloudProjectUsage
            .Where(u => u.Kind == Core.Data.Entities.CloudUsageKind.Current && u.Month == "2026-11")
            .AsEnumerable()
            .GroupBy(u => u.ProjectId)
            .ToDictionary(g => g.Key, g => Money.Sum(g.Select(u => u.Amount)));

        Assert.NotEmpty(view.Projects);
        var rows = view.Projects.Concat(view.ProjectMonthlyPlans).ToList();
        Assert.Equal(stored.Keys.Order(), rows.Select(p => p.ProjectId).Distinct().Order());
        foreach (var (project, amount) in stored)
        {
            Assert.Equal(amount, Money.Sum(rows.Where(p => p.ProjectId == project).Select(p => p.Amount)));
        }

        Assert.All(view.ProjectMonthlyPlans, p => Assert.Equal(ConsumptionUnit.MonthlyPlan, p.Unit));
        Assert.DoesNotContain(view.Projects, p => p.Unit == ConsumptionUnit.MonthlyPlan);

        var names = account.Simulator.Account.CloudProjects.ToDictionary(p => p.Id, p => p.Name);
        Assert.All(rows, p => Assert.Equal(names[p.ProjectId], p.ProjectName));
    }
}
