using System.Globalization;
using System.Resources;
using System.Text;
using Microsoft.EntityFrameworkCore;
using OvhCostManager.Core.Costs;
using OvhCostManager.Core.Data;
using OvhCostManager.Core.Overview;

namespace OvhCostManager.Core.Reports;

/// <summary>A month's Markdown report and the number of bills it is built from (0: nothing stored for that month).</summary>
public sealed record MonthReportDocument(string Month, int Bills, string Markdown);

/// <summary>
/// The month's Markdown report (summary, unified Cloud / Dedicated / VPS / Storage / Other breakdown, resource types,
/// categories, top projects), in the language of the requested culture; labels come from <c>ReportResource</c>
/// (French neutral, English satellite). The Web export and the CLI both build it here.
/// </summary>
public sealed class MonthReport(OverviewQueries overview, IDbContextFactory<CostDbContext> contexts, TimeProvider time)
{
    public const int TopProjects = 10;

    private static readonly ResourceManager Labels = new("OvhCostManager.Core.Reports.ReportResource", typeof(MonthReport).Assembly);

    /// <param name="month"><c>YYYY-MM</c> (billing month in the account time zone).</param>
    /// <param name="culture">Language of the labels and format of amounts, dates and percentages.</param>
    public async Task<MonthReportDocument> BuildAsync(string month, CultureInfo culture, CostLens lens = CostLenses.Default, CancellationToken cancellationToken = default)
    {
        if (!BillingMonth.TryParse(month, out month, out var error))
        {
            throw new ArgumentException(error, nameof(month));
        }

        var report = await overview.GetAsync(month, lens, cancellationToken);
        Money withTax;
        await using (var context = await contexts.CreateDbContextAsync(cancellationToken))
        {
            withTax = await context.Bills.Where(b => b.BillingMonth == month).SumMoneyAsync(b => b.PriceWithTax, cancellationToken);
        }

        return new MonthReportDocument(month, report.Bills, ToMarkdown(report, withTax, culture, time.GetUtcNow()));
    }

    /// <summary>Renders <paramref name="report"/>; <paramref name="totalWithTax"/> is the sum of the month's bills with tax.</summary>
    public static string ToMarkdown(OverviewReport report, Money totalWithTax, CultureInfo culture, DateTimeOffset generatedUtc)
    {
        string L(string key) => Labels.GetString(key, culture) ?? key;
        string Amount(Money m) => Cell(m.Format(report.Currency, culture));
        string Share(Money part) => report.Total == Money.Zero ? "—" : (part.Ucents / (decimal)report.Total.Ucents).ToString("P1", culture);
        var md = new StringBuilder();
        void Row(params string[] cells) => md.Append("| ").AppendJoin(" | ", cells).Append(" |\n");

        var (first, last) = BillingMonth.Days(report.Month);
        md.Append("# ").Append(string.Format(culture, L("Title"), first.ToString("MMMM yyyy", culture))).Append("\n\n");
        md.Append(string.Format(culture, L("Period"), first.ToString("d", culture), last.ToString("d", culture))).Append("\n\n");

        md.Append("## ").Append(L("Summary")).Append("\n\n");
        Row(L("Indicator"), L("Value"));
        md.Append("|---|---:|\n");
        Row(L("Lens"), L("Lens." + report.Lens));
        Row(L("TotalWithoutTax"), Amount(report.Total));
        // Tax is on the invoices: a tax-inclusive total exists for the invoiced lens only.
        if (report.Lens == CostLens.Invoiced)
        {
            Row(L("TotalWithTax"), Amount(totalWithTax));
        }

        Row(L("Bills"), report.Bills.ToString(culture));
        var change = report.VersusPreviousMonth.Difference;
        var sign = change.Ucents >= 0 ? "+" : "−";
        Row(L("PreviousMonth"), $"{Amount(report.VersusPreviousMonth.Before)} ({sign}{Amount(new Money(Math.Abs(change.Ucents)))})");
        Row(L("Variation"), report.VersusPreviousMonth switch
        {
            { Percent: { } p } => (p / 100m).ToString("+0.0%;-0.0%;0.0%", culture),
            { IsNew: true } => L("VariationNew"),
            _ => "—",
        });
        Row(L("CloudTotal"), Amount(report.CloudTotal));
        Row(L("NonCloudTotal"), Amount(report.Total - report.CloudTotal));
        Row(L("DailyAverage"), Amount(report.DailyAverage));
        Row(L("ActiveProjects"), report.ActiveProjects.ToString(culture));

        md.Append("\n## ").Append(L("Families")).Append("\n\n");
        Row(L("ColFamily"), L("ColAmount"), L("ColShare"));
        md.Append("|---|---:|---:|\n");
        foreach (var f in report.ByFamily)
        {
            Row(Cell(L("Family." + f.Family)), Amount(f.Amount), Share(f.Amount));
        }

        md.Append("\n## ").Append(L("ResourceTypes")).Append("\n\n");
        Row(L("ColResourceType"), L("ColAmount"), L("ColShare"));
        md.Append("|---|---:|---:|\n");
        foreach (var t in report.ByResourceType)
        {
            Row(Cell(Labels.GetString("ResourceType." + t.Type, culture) ?? t.Type.ToString()), Amount(t.Amount), Share(t.Amount));
        }

        md.Append("\n## ").Append(L("Categories")).Append("\n\n");
        Row(L("ColCategory"), L("ColAmount"), L("ColShare"));
        md.Append("|---|---:|---:|\n");
        foreach (var c in report.ByCategory)
        {
            Row(Cell(Labels.GetString("Category." + c.Category, culture) ?? c.Category.ToString()), Amount(c.Amount), Share(c.Amount));
        }

        md.Append("\n## ").Append(string.Format(culture, L("TopProjects"), TopProjects)).Append("\n\n");
        if (report.Projects.Count == 0)
        {
            md.Append(L("NoProject")).Append('\n');
        }
        else
        {
            Row(L("ColProject"), L("ColProjectId"), L("ColAmount"), L("ColShareOfCloud"));
            md.Append("|---|---|---:|---:|\n");
            foreach (var project in report.Projects.Take(TopProjects))
            {
                Row(Cell(project.Name), $"`{Cell(project.ProjectId)}`", Amount(project.Amount), (project.ShareOfCloudPercent / 100m).ToString("P1", culture));
            }
        }

        md.Append("\n---\n").Append(string.Format(culture, L("Generated"), generatedUtc.ToString("u", CultureInfo.InvariantCulture))).Append('\n');
        return md.ToString();
    }

    // A pipe or a line break inside a cell would break the table.
    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace('\n', ' ').Replace('\r', ' ');
}
