using Microsoft.Extensions.DependencyInjection;
using OvhCostManager.Core.BillLines;
using OvhCostManager.Core.Costs;
using OvhCostManager.Core.PayAsYouGo;
using OvhCostManager.Simulator;
using OvhCostManager.Tests.Infrastructure;
using SimMonth = OvhCostManager.Simulator.BillingMonth;

namespace OvhCostManager.Tests.Integration.PayAsYouGo;

/// <summary>
/// Issue 14, seen on 2 December: every figure of the Pay-as-you-go tab reconciles with the simulated account — the
/// previous month with its consumption bill's lines, the projects with the month so far, one unit per resource type.
/// Expected values come from the simulator's account, not from the query under test.
/// </summary>
[Collection(EarlyMonthAccountCollection.Name)]
public sealed class PayAsYouGoReconciliationTests(EarlyMonthAccountFixture account)
{
    private static readonly SimMonth December = new(2026, 12);
    private static readonly SimMonth November = new(2026, 11);

    private Task<PayAsYouGoView> ViewAsync() => account.Services.GetRequiredService<PayAsYouGoQuery>().GetAsync();

    private SimBill ConsumptionBillOfTheFirst() =>
        account.Simulator.Account.VisibleBills(EarlyMonthAccountFixture.Now).Single(b => b.IsConsumptionBill && b.Month == December);

    private IReadOnlyList<ConsumptionElement> MonthSoFar() => ConsumptionView.Current(account.Simulator.Account, EarlyMonthAccountFixture.Now);

    private static decimal ElapsedHours => (decimal)(EarlyMonthAccountFixture.Now - December.Start).TotalHours;

    [Fact]
    public async Task Previous_month_is_the_sum_of_the_consumption_bill_lines_whose_period_is_the_previous_month()
    {
        var view = await ViewAsync();
        var bill = ConsumptionBillOfTheFirst();
        var november = bill.Lines.Where(l => l.PeriodStart >= November.FirstDay && l.PeriodEnd <= November.LastDay).ToList();

        Assert.NotNull(view.Previous);
        Assert.Equal("2026-11", view.Previous!.Month);
        Assert.Equal(Money.Sum(november.Select(l => l.TotalPrice)), view.Previous.Amount);
        Assert.NotEqual(account.GroundTruth.Bills[bill.BillId].WithoutTax, view.Previous.Amount);
        Assert.Equal(bill.Date.ToUniversalTime(), view.Previous.BilledAtUtc);
        Assert.Equal(bill.BillId, view.Previous.BillId);
        Assert.Equal(november.Count, view.Previous.LineCount);
    }

    [Fact]
    public async Task The_previous_months_lines_listed_are_the_consumption_bill_lines_of_that_month_and_sum_to_its_amount()
    {
        var view = await ViewAsync();
        var bill = ConsumptionBillOfTheFirst();
        var november = bill.Lines.Where(l => l.PeriodStart >= November.FirstDay && l.PeriodEnd <= November.LastDay).ToList();
        var plans = bill.Lines.Where(l => l.PeriodStart == December.FirstDay).ToList();
        Assert.NotEmpty(plans);

        var listed = await account.Services.GetRequiredService<BillLineQueries>().GetAsync(view.Previous!.Lines!);

        Assert.Equal(november.Select(l => l.DetailId).Order(StringComparer.Ordinal), listed.Select(l => l.DetailId).Order(StringComparer.Ordinal));
        Assert.All(listed, l => Assert.Equal(bill.BillId, l.BillId));
        Assert.Equal(view.Previous.Amount, Money.Sum(listed.Select(l => l.Total)));
        Assert.Equal(account.GroundTruth.Bills[bill.BillId].WithoutTax, view.Previous.Amount + Money.Sum(plans.Select(l => l.TotalPrice)));
    }

    [Fact]
    public async Task The_services_count_is_the_number_of_rows_listed()
    {
        var view = await ViewAsync();
        var families = MonthSoFar().Select(e => e.PlanFamily).Distinct().Count();

        Assert.Equal(families, view.Services.Count);
        Assert.Equal(view.Services.Count, view.ServiceCount);
    }

    [Fact]
    public async Task Each_projects_hourly_usage_sums_to_its_consumption_so_far_without_the_monthly_plans()
    {
        var view = await ViewAsync();
        var soFar = MonthSoFar();

        foreach (var project in account.Simulator.Account.CloudProjects)
        {
            var expected = Money.Sum(soFar.Where(e => e.Domain == project.Id).Select(e => e.Amount));
            Assert.Equal(expected, Money.Sum(view.Projects.Where(p => p.ProjectId == project.Id).Select(p => p.Amount)));
        }

        var projectIds = account.Simulator.Account.CloudProjects.Select(p => p.Id).ToHashSet();
        Assert.Equal(view.Current!.Amount - Money.Sum(soFar.Where(e => !projectIds.Contains(e.Domain)).Select(e => e.Amount)), view.ProjectsToBeBilled);
    }

    [Fact]
    public async Task Each_projects_monthly_plans_are_shown_apart_as_already_billed()
    {
        var view = await ViewAsync();
        var monthly = account.Simulator.Account.Instances.Where(i => i.MonthlyBilling && i.Created < EarlyMonthAccountFixture.Now).ToList();
        Assert.NotEmpty(monthly);

        foreach (var project in account.Simulator.Account.CloudProjects)
        {
            var expected = Money.Sum(monthly.Where(i => i.ProjectId == project.Id).Select(i => Money.FromDecimal(i.Flavor.MonthlyPrice)));
            Assert.Equal(expected, Money.Sum(view.ProjectMonthlyPlans.Where(p => p.ProjectId == project.Id).Select(p => p.Amount)));
        }

        Assert.All(view.ProjectMonthlyPlans, p => Assert.Equal(ConsumptionUnit.MonthlyPlan, p.Unit));
        Assert.DoesNotContain(view.Projects, p => p.ResourceType.EndsWith("_monthly", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Object_storage_per_project_is_the_average_GB_stored_as_in_the_total()
    {
        var view = await ViewAsync();
        var storage = MonthSoFar().Where(e => e.PlanFamily == "storage").ToList();

        var total = view.Services.Single(s => s.PlanFamily == "storage");
        Assert.Equal(ConsumptionUnit.GbStored, total.Unit);
        Assert.Equal(decimal.Round(storage.Sum(e => e.Quantity) / ElapsedHours, 1, MidpointRounding.AwayFromZero), total.Usage);
        foreach (var project in storage.GroupBy(e => e.Domain))
        {
            var row = view.Projects.Single(p => p.ProjectId == project.Key && p.ResourceType == "objectStorage");
            Assert.Equal(ConsumptionUnit.GbStored, row.Unit);
            Assert.Equal(decimal.Round(project.Sum(e => e.Quantity) / ElapsedHours, 1, MidpointRounding.AwayFromZero), row.Usage);
        }

        var perProject = view.Projects.Where(p => p.ResourceType == "objectStorage").Sum(p => p.Usage);
        Assert.InRange(perProject, total.Usage - 0.1m * storage.Count, total.Usage + 0.1m * storage.Count);
    }

    [Fact]
    public async Task A_resource_type_has_the_same_unit_in_both_tables()
    {
        var view = await ViewAsync();
        var families = MonthSoFar().Select(e => e.PlanFamily).Distinct().ToList();
        Assert.Contains("registry", families);

        var byFamily = view.Services.ToDictionary(s => s.PlanFamily, s => s.Unit);
        foreach (var row in view.Projects.Where(p => byFamily.ContainsKey(Family(p.ResourceType))))
        {
            Assert.True(byFamily[Family(row.ResourceType)] == row.Unit, $"{row.ResourceType}: {byFamily[Family(row.ResourceType)]} in the detail, {row.Unit} per project");
        }

        Assert.Equal(ConsumptionUnit.Hours, byFamily["registry"]);
    }

    // The billing view of a project names object storage "objectStorage" where /me/consumption says "storage".
    private static string Family(string resourceType) => resourceType == "objectStorage" ? "storage" : resourceType;
}
