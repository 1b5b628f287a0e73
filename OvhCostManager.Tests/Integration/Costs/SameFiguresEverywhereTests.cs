using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using OvhCostManager.Core.Account;
using OvhCostManager.Core.Compare;
using OvhCostManager.Core.Costs;
using OvhCostManager.Core.Export;
using OvhCostManager.Core.Inventory;
using OvhCostManager.Core.Overview;
using OvhCostManager.Core.PayAsYouGo;
using OvhCostManager.Core.Reports;
using OvhCostManager.Core.Trends;
using OvhCostManager.Tests.Infrastructure;
using OvhCostManager.Tests.Integration.Export;

namespace OvhCostManager.Tests.Integration.Costs;

/// <summary>
/// One month, one lens: Overview, Compare, Trends, Inventory, Pay-as-you-go, Account, the cost-by-project export and
/// the Markdown report show the same amounts, and the invoiced ones are the simulator's bills.
/// </summary>
[Collection(ImportedAccountCollection.Name)]
public sealed class SameFiguresEverywhereTests(ImportedAccountFixture account)
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    public static TheoryData<CostLens, string> Cases => new()
    {
        { CostLens.Invoiced, "2026-10" },
        { CostLens.Incurred, "2026-10" },
        { CostLens.Invoiced, "2026-11" },
        { CostLens.Incurred, "2026-11" },
    };

    private T Get<T>() where T : notnull => account.Services.GetRequiredService<T>();

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Every_tab_export_and_report_shows_the_month_total_of_the_lens(CostLens lens, string month)
    {
        var truth = account.GroundTruth;
        var expected = lens == CostLens.Invoiced ? truth.Months[month].WithoutTax : truth.IncurredPerMonth[month];

        var overview = await Get<OverviewQueries>().GetAsync(month, lens);
        Assert.Equal(expected, overview.Total);
        Assert.Equal(expected, Money.Sum(overview.ByFamily.Select(f => f.Amount)));
        Assert.Equal(overview.CloudTotal, Money.Sum(overview.Projects.Select(p => p.Amount)));

        var compare = await Get<CompareQueries>().GetAsync(BillingMonth.Previous(month), month, lens);
        Assert.Equal(expected, compare.TotalB);
        Assert.Equal(expected, Money.Sum(compare.ByCategory.Select(r => r.B)));
        Assert.Equal(expected, Money.Sum(compare.ByResourceType.Select(r => r.B)));
        Assert.Equal(overview.CloudTotal, Money.Sum(compare.ByProject.Select(r => r.B)));

        var trends = await Get<TrendQueries>().GetAsync(TrendWindow.Ending(month, 6), lens);
        Assert.Equal(expected, trends.Totals[^1].Amount);
        Assert.Equal(expected, Money.Sum(trends.Daily.Select(d => d.Amount)));

        var inventory = await Get<InventoryQuery>().GetAsync(month, lens);
        Assert.Equal(expected, Money.Sum(inventory.Families.Select(f => f.Cost)));
        Assert.Equal(overview.ByFamily.Select(f => (f.Family, f.Amount)), inventory.Families.Select(f => (f.Family, f.Cost)));

        var csv = await FullExportsTests.CsvRowsAsync(await Get<FullExports>().CostByProjectAsync(new MonthRange(month, month), lens, k => k), English);
        Assert.Equal(overview.CloudTotal.Amount, csv.Skip(1).Sum(r => decimal.Parse(r[2], English)));
        Assert.All(csv.Skip(1), r => Assert.Equal("Lens." + lens, r[4]));

        var report = await Get<MonthReport>().BuildAsync(month, English, lens);
        Assert.Contains($"| Total excl. tax | {expected.Format("EUR", English)} |", report.Markdown);
        Assert.Equal(lens == CostLens.Invoiced, report.Markdown.Contains("| Total incl. tax |", StringComparison.Ordinal));

        if (lens == CostLens.Invoiced)
        {
            var bills = await Get<AccountQuery>().GetBillsAsync();
            Assert.Equal(expected, Money.Sum(bills.Where(b => b.BillingMonth == month).Select(b => b.PriceWithoutTax)));
        }
        else if (month == truth.CurrentMonth)
        {
            // The incurred current month holds the Pay-as-you-go month so far, and nothing else unbilled.
            var payg = await Get<PayAsYouGoQuery>().GetAsync();
            Assert.Equal(truth.ConsumptionCurrent, payg.Current!.Amount);
            Assert.Equal(payg.Current.Amount, overview.NotBilledYet);
        }
        else
        {
            // A closed month's consumption is the Pay-as-you-go "previous month": the lines of its consumption bill.
            var payg = await Get<PayAsYouGoQuery>().GetAsync();
            Assert.Equal(month, payg.Previous!.Month);
            var ledger = await Get<CostLedger>().GetMonthAsync(month, CostLens.Incurred);
            Assert.NotNull(payg.Previous.BillId);
            Assert.Equal(payg.Previous.Amount, Money.Sum(ledger.Entries.Where(e => e.BillId == payg.Previous.BillId).Select(e => e.Amount)));
        }
    }
}
