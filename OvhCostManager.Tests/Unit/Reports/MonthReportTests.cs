using System.Globalization;
using OvhCostManager.Core.Classification;
using OvhCostManager.Core.Costs;
using OvhCostManager.Core.Overview;
using OvhCostManager.Core.Reports;

namespace OvhCostManager.Tests.Unit.Reports;

public sealed class MonthReportTests
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr");
    private static readonly DateTimeOffset Generated = new(2026, 11, 18, 9, 0, 0, TimeSpan.Zero);

    private static readonly OverviewReport October = new(
        "2026-10", CostLens.Invoiced, "EUR", Total: Money.FromCents(1_000_00), Bills: 8, Lines: 3, LinesWithoutPeriod: 0, NotBilledYet: Money.Zero,
        PreviousMonth: "2026-09", VersusPreviousMonth: new Variation(Money.FromCents(1_250_50), Money.FromCents(1_000_00)), PreviousMonthBilled: true,
        Progress: new MonthProgress(new DateOnly(2026, 11, 18), 31, 31),
        CloudTotal: Money.FromCents(600_00), DailyAverage: Money.FromCents(32_26), ActiveProjects: 1,
        ByResourceType: [new ResourceTypeAmount(ResourceType.CloudProject, Money.FromCents(600_00), 1, 2), new ResourceTypeAmount(ResourceType.DedicatedServer, Money.FromCents(400_00), 1, 1)],
        ByCategory: [new CategoryAmount(ServiceCategory.Compute, Money.FromCents(750_00), 2), new CategoryAmount(ServiceCategory.AiMl, Money.FromCents(250_00), 1)],
        Projects: [new ProjectAmount("8d5fec425d368063f9aa5c91d99abc36", "prod|web", Money.FromCents(600_00), 100m, 2)],
        Gpu: new GpuSummary(new GpuGroup(CostFamily.Cloud, Money.Zero, Money.FromCents(600_00), [], []), new GpuGroup(CostFamily.Dedicated, Money.Zero, Money.FromCents(400_00), [], [])),
        Budget: new BudgetStatus(null, Money.FromCents(1_000_00)),
        Consumption: null,
        Forecast: null,
        InProgress: null);

    private static readonly Money WithTax = Money.FromCents(1_200_00);

    [Fact]
    public void English_report_shows_totals_change_categories_with_shares_and_projects()
    {
        var markdown = MonthReport.ToMarkdown(October, WithTax, English, Generated);

        Assert.StartsWith("# OVHcloud cost report — October 2026", markdown);
        Assert.Contains("| Total excl. tax | €1,000.00 |", markdown);
        Assert.Contains("| Total incl. tax | €1,200.00 |", markdown);
        Assert.Contains("| Bills | 8 |", markdown);
        Assert.Contains("| Previous month | €1,250.50 (−€250.50) |", markdown);
        Assert.Contains("| Compute | €750.00 | 75.0% |", markdown);
        Assert.Contains("| AI / ML | €250.00 | 25.0% |", markdown);
        Assert.Contains("| Dedicated servers | €400.00 | 40.0% |", markdown);
        Assert.Contains("| prod\\|web | `8d5fec425d368063f9aa5c91d99abc36` | €600.00 |", markdown);
    }

    [Fact]
    public void French_report_uses_french_words_and_number_formats()
    {
        var markdown = MonthReport.ToMarkdown(October, WithTax, French, Generated);

        Assert.StartsWith("# Rapport de coûts OVHcloud — octobre 2026", markdown);
        // French groups thousands with a narrow no-break space.
        Assert.Contains("| Total HT | 1\u202F000,00 € |", markdown);
        Assert.Contains("| Total TTC | 1\u202F200,00 € |", markdown);
        Assert.Contains("| Calcul |", markdown);
        Assert.Contains("| IA / ML |", markdown);
        Assert.Contains("| Serveurs dédiés |", markdown);
        Assert.DoesNotContain("Total excl. tax", markdown);
    }

    [Fact]
    public void A_month_without_projects_says_so()
    {
        var markdown = MonthReport.ToMarkdown(October with { Projects = [] }, WithTax, English, Generated);

        Assert.Contains("No project billed this month.", markdown);
    }

    [Fact]
    public void A_cost_that_was_zero_the_month_before_is_new_not_infinite()
    {
        var markdown = MonthReport.ToMarkdown(October with { VersusPreviousMonth = new Variation(Money.Zero, Money.FromCents(1_000_00)) }, WithTax, English, Generated);

        Assert.Contains("| Change vs previous month | new |", markdown);
        Assert.DoesNotContain("∞", markdown);
    }
}
