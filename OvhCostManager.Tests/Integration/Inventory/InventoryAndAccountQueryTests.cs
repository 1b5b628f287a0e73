using OvhCostManager.Core.BillLines;
using Microsoft.Extensions.DependencyInjection;
using OvhCostManager.Core.Account;
using OvhCostManager.Core.Classification;
using OvhCostManager.Core.Costs;
using OvhCostManager.Core.Data.Entities;
using OvhCostManager.Core.Inventory;
using OvhCostManager.Tests.Infrastructure;

namespace OvhCostManager.Tests.Integration.Inventory;

[Collection(ImportedAccountCollection.Name)]
public sealed class InventoryAndAccountQueryTests(ImportedAccountFixture account)
{
    private static readonly DateOnly Today = new(2026, 11, 18);

    private InventoryQuery Inventory => account.Services.GetRequiredService<InventoryQuery>();

    private BillLineQueries BillLines => account.Services.GetRequiredService<BillLineQueries>();

    private AccountQuery Account => account.Services.GetRequiredService<AccountQuery>();

    private string LatestMonth => account.GroundTruth.Months.Keys.Max()!;

    [Fact]
    public async Task The_default_month_is_the_latest_billed_one()
    {
        Assert.Equal(LatestMonth, await Inventory.GetLatestBilledMonthAsync());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(5)]
    public async Task Each_services_month_cost_is_the_sum_of_its_bill_lines_in_the_ground_truth(int monthsBack)
    {
        var month = BillingMonth.Of(BillingMonth.Days(LatestMonth).First.AddMonths(-monthsBack));
        var view = await Inventory.GetAsync(month);
        var truth = account.GroundTruth.ResourcesPerMonth;
        Money Expected(string key) => truth.TryGetValue(key, out var perMonth) ? perMonth.GetValueOrDefault(month) : Money.Zero;

        Assert.Equal(account.GroundTruth.Counts.DedicatedServers, view.DedicatedServers.Count);
        Assert.Equal(account.GroundTruth.Counts.Vps, view.Vps.Count);
        Assert.Equal(account.GroundTruth.Counts.NetApps, view.Storage.Count);
        Assert.Equal(account.GroundTruth.Counts.CloudProjects, view.CloudProjects.Count(p => !p.Removed));
        Assert.All(view.AllServices.Concat(view.Other), s => Assert.Equal(Expected(s.ServiceName), s.MonthCost));
        Assert.All(view.CloudProjects, p => Assert.Equal(
            account.GroundTruth.CloudProjectsPerMonth.TryGetValue(p.Id, out var perMonth) ? perMonth.GetValueOrDefault(month) : Money.Zero, p.MonthCost));
        Assert.Contains(view.AllServices, s => s.MonthCost > Money.Zero);
    }

    [Fact]
    public async Task The_family_summary_splits_the_whole_month_and_counts_the_inventory()
    {
        var view = await Inventory.GetAsync(LatestMonth);

        Assert.Equal(account.GroundTruth.Months[LatestMonth].WithoutTax, Money.Sum(view.Families.Select(f => f.Cost)));
        Assert.Equal(Enum.GetValues<CostFamily>(), view.Families.Select(f => f.Family));
        Assert.Equal(view.DedicatedServers.Count, view.Families.Single(f => f.Family == CostFamily.Dedicated).Count);
        Assert.Equal(view.Vps.Count, view.Families.Single(f => f.Family == CostFamily.Vps).Count);
        Assert.Equal(view.Storage.Count, view.Families.Single(f => f.Family == CostFamily.Storage).Count);
        var cloud = account.GroundTruth.CloudProjectsPerMonth.Values.Sum(m => m.GetValueOrDefault(LatestMonth).Ucents);
        Assert.Equal(new Money(cloud), view.Families.Single(f => f.Family == CostFamily.Cloud).Cost);

        // "Other" (domains, IPs, load balancers...) lists the services /services lists or the month bills, once each.
        var other = view.Families.Single(f => f.Family == CostFamily.Other);
        Assert.True(other.Cost > Money.Zero, "the account has costs outside the four inventory families");
        Assert.Equal(view.Other.Count, other.Count);
        Assert.Equal(view.Other.Count, view.Other.Select(s => s.ServiceName).Distinct().Count());
        Assert.All(view.Other, s => Assert.Equal(CostFamily.Other, CostFamilies.Of(s.ResourceType)));
        var inventoried = view.DedicatedServers.Count + view.Vps.Count + view.Storage.Count;
        Assert.InRange(other.Count, 1, account.GroundTruth.ResourcesPerMonth.Count - inventoried);
    }

    [Fact]
    public async Task The_inventory_family_totals_equal_the_overview_unified_pie_for_the_same_month()
    {
        var overview = account.Services.GetRequiredService<OvhCostManager.Core.Overview.OverviewQueries>();
        foreach (var month in account.GroundTruth.Months.Keys.Order().TakeLast(3))
        {
            var inventory = await Inventory.GetAsync(month);
            var pie = (await overview.GetAsync(month)).ByFamily;

            Assert.Equal(inventory.Families.Select(f => (f.Family, f.Cost)), pie.Select(s => (s.Family, s.Amount)));
            Assert.Equal(account.GroundTruth.Months[month].WithoutTax, Money.Sum(pie.Select(s => s.Amount)));
            Assert.True(pie.Count(s => s.Amount != Money.Zero) >= 3, $"{month}: {string.Join(", ", pie)}");
        }
    }

    [Fact]
    public async Task The_drill_down_lists_exactly_the_lines_that_make_a_services_cost()
    {
        var view = await Inventory.GetAsync(LatestMonth);
        foreach (var service in view.AllServices.Where(s => s.LineCount > 0).Take(5).Concat(view.AllServices.Where(s => s.LineCount == 0).Take(1)))
        {
            var lines = await BillLines.GetAsync(new BillLineFilter([LatestMonth]) { ServiceName = service.ServiceName });
            Assert.Equal(service.LineCount, lines.Count);
            Assert.Equal(service.MonthCost, Money.Sum(lines.Select(l => l.Total)));
        }

        Assert.Empty(await BillLines.GetAsync(new BillLineFilter([LatestMonth]) { ServiceName = "no-such-service" }));
    }

    [Fact]
    public async Task Expiry_alerts_and_renewal_modes_follow_the_simulated_service_terms()
    {
        var view = await Inventory.GetAsync(LatestMonth);
        var sim = account.Simulator.Account;
        var terms = sim.DedicatedServers.Select(s => (s.Name, s.Terms))
            .Concat(sim.Vps.Select(v => (v.Name, v.Terms)))
            .Concat(sim.NetApps.Select(n => (Name: n.Id, n.Terms)))
            .ToDictionary(t => t.Name, t => t.Terms);

        // The alert is relative to the application's today (its clock), whatever the simulator's frozen date.
        Assert.All(view.AllServices, s =>
        {
            Assert.Equal(terms[s.ServiceName].Expiration, s.ExpiresOn);
            Assert.Equal(InventoryQuery.AlertOf(terms[s.ServiceName].Expiration, view.Today), s.Alert);
        });
        Assert.Contains(view.AllServices, s => s.Alert != ExpiryAlert.None);
        Assert.Contains(view.AllServices, s => s.RenewalMode == RenewalMode.Manual);
    }

    [Fact]
    public void Alert_levels_are_expired_before_today_then_seven_then_thirty_days_inclusive()
    {
        Assert.Equal(ExpiryAlert.Expired, InventoryQuery.AlertOf(Today.AddDays(-1), Today));
        Assert.Equal(ExpiryAlert.Within7Days, InventoryQuery.AlertOf(Today, Today));
        Assert.Equal(ExpiryAlert.Within7Days, InventoryQuery.AlertOf(Today.AddDays(7), Today));
        Assert.Equal(ExpiryAlert.Within30Days, InventoryQuery.AlertOf(Today.AddDays(8), Today));
        Assert.Equal(ExpiryAlert.Within30Days, InventoryQuery.AlertOf(Today.AddDays(30), Today));
        Assert.Equal(ExpiryAlert.None, InventoryQuery.AlertOf(Today.AddDays(31), Today));
        Assert.Equal(ExpiryAlert.None, InventoryQuery.AlertOf(null, Today));
    }

    [Fact]
    public async Task A_cloud_projects_detail_lists_its_instances_quotas_and_usage()
    {
        var view = await Inventory.GetAsync(LatestMonth);
        var project = view.CloudProjects.First(p => p.Instances > 0);
        var detail = await Inventory.GetCloudProjectAsync(project.Id, "2026-11");
        var simulated = account.Simulator.Account.Instances.Where(i => i.ProjectId == project.Id).ToList();

        Assert.Equal(simulated.Count, detail.Instances.Count);
        Assert.Equal(
            simulated.Select(i => $"{i.Name} {i.Flavor.Name} {i.Region} gpu={i.Flavor.Gpu} monthly={i.MonthlyBilling}").Order(),
            detail.Instances.Select(i => $"{i.Name} {i.Flavor} {i.Region} gpu={i.IsGpu} monthly={i.MonthlyBilling}").Order());
        Assert.NotEmpty(detail.Quotas);
        Assert.All(detail.Quotas, q => Assert.InRange(q.CoresPercent, 0, 100));
        Assert.NotEmpty(detail.UsageByResourceType);
    }

    [Fact]
    public async Task The_account_balance_shows_the_unpaid_bills_as_debt_and_the_credit_balances()
    {
        var balance = await Account.GetBalanceAsync();

        Assert.True(balance.HasData);
        Assert.Equal(account.GroundTruth.UnpaidWithTax, balance.DebtTodo);
        Assert.Equal(account.GroundTruth.CreditBalance, balance.Credits + balance.Deposits);
        Assert.Equal(balance.Credits + balance.Deposits - balance.Debt, balance.NetBalance);
        Assert.Equal(account.Simulator.Account.CreditBalances.Count, balance.Balances.Count);
        Assert.Equal(account.Simulator.Account.CreditBalances.Sum(b => b.Movements.Count), balance.Movements.Count);
    }

    [Fact]
    public async Task Every_bill_shows_its_payment_status_and_opens_its_lines()
    {
        var bills = await Account.GetBillsAsync();

        Assert.Equal(account.GroundTruth.Counts.Bills, bills.Count);
        Assert.All(bills, b =>
        {
            var truth = account.GroundTruth.Bills[b.Id];
            Assert.Equal(truth.WithTax, b.PriceWithTax);
            Assert.Equal(truth.Paid ? BillPaymentStatus.Paid : BillPaymentStatus.Pending, b.PaymentStatus);
            Assert.Equal(truth.Paid, b.PaymentDateUtc is not null);
        });
        Assert.Contains(bills, b => b.PaymentStatus == BillPaymentStatus.Pending);
        var first = bills[0];
        var lines = await BillLines.GetAsync(new BillLineFilter([first.BillingMonth]) { BillId = first.Id });
        Assert.Equal(account.GroundTruth.Bills[first.Id].Lines, lines.Count);
        Assert.Equal(first.PriceWithoutTax, Money.Sum(lines.Select(l => l.Total)));
        Assert.Empty(await BillLines.GetAsync(new BillLineFilter([first.BillingMonth]) { BillId = "FR00000000" }));
    }
}
