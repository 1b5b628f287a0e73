using OvhCostManager.Core.Classification;
using OvhCostManager.Core.Costs;
using OvhCostManager.Core.Reports;

namespace OvhCostManager.Tests.Unit.Reports;

public sealed class MonthlyReportTests
{
    private static readonly MonthlyReportData October = new(
        "2026-10", "EUR", 8,
        TotalWithoutTax: Money.FromCents(1_000_00),
        TotalWithTax: Money.FromCents(1_200_00),
        PreviousMonthWithoutTax: Money.FromCents(1_250_50),
        ByCategory: [new CategoryCost(ServiceCategory.Compute, Money.FromCents(750_00)), new CategoryCost(ServiceCategory.AiMl, Money.FromCents(250_00))],
        TopProjects: [new ProjectCost("8d5fec425d368063f9aa5c91d99abc36", "prod|web", Money.FromCents(600_00))]);

    [Fact]
    public void English_report_shows_totals_change_categories_with_shares_and_projects()
    {
        var markdown = MonthlyReport.ToMarkdown(October, "en");

        Assert.Contains("# OVHcloud costs — 2026-10", markdown);
        Assert.Contains("**Total excl. tax**: €1,000.00", markdown);
        Assert.Contains("**Previous month**: €1,250.50 (−€250.50)", markdown);
        Assert.Contains("| Compute | €750.00 | 75.0% |", markdown);
        Assert.Contains("| AI / ML | €250.00 | 25.0% |", markdown);
        Assert.Contains("| prod\\|web | `8d5fec425d368063f9aa5c91d99abc36` | €600.00 |", markdown);
    }

    [Fact]
    public void French_report_uses_french_words_and_number_formats()
    {
        var markdown = MonthlyReport.ToMarkdown(October, "fr");

        Assert.Contains("# Coûts OVHcloud — 2026-10", markdown);
        Assert.Contains("Total HT", markdown);
        Assert.Contains("| Calcul |", markdown);
        Assert.Contains("| IA / ML |", markdown);
        Assert.Contains(Money.FromCents(1_000_00).Format("EUR", System.Globalization.CultureInfo.GetCultureInfo("fr-FR")), markdown);
    }

    [Fact]
    public void A_month_without_projects_says_so()
    {
        var markdown = MonthlyReport.ToMarkdown(October with { TopProjects = [] }, "en");

        Assert.Contains("No project billed this month.", markdown);
    }
}
