using System.Globalization;
using System.Text;
using OvhCostManager.Core.Costs;
using OvhCostManager.Core.Overview;

namespace OvhCostManager.Core.Reports;

/// <summary>
/// The month's Markdown report (summary, resource types, categories, top projects), in the language of
/// <c>culture</c>; labels come from <c>label</c> (the UI's resources: <c>Report*</c>, <c>Category.*</c>, <c>ResourceType.*</c>).
/// </summary>
public sealed class MonthReport(OverviewQueries overview, TimeProvider time)
{
    public const int TopProjects = 10;

    public async Task<string> BuildAsync(string month, CultureInfo culture, Func<string, string> label, CancellationToken cancellationToken = default)
    {
        var report = await overview.GetAsync(month, cancellationToken);
        string Amount(Money m) => Cell(m.Format(report.Currency, culture));
        var monthName = BillingMonth.Days(month).First.ToString("MMMM yyyy", culture);
        var md = new StringBuilder();
        md.Append("# ").Append(string.Format(culture, label("ReportTitle"), monthName)).Append("\n\n");
        var (first, last) = BillingMonth.Days(month);
        md.Append(string.Format(culture, label("ReportPeriod"), first.ToString("d", culture), last.ToString("d", culture))).Append("\n\n");

        md.Append("## ").Append(label("ReportSummary")).Append("\n\n");
        md.Append('|').Append(label("ReportIndicator")).Append('|').Append(label("ReportValue")).Append("|\n|---|---:|\n");
        md.Append('|').Append(label("KpiTotal")).Append('|').Append(Amount(report.Total)).Append("|\n");
        md.Append('|').Append(label("ReportPreviousMonth")).Append('|').Append(Amount(report.VersusPreviousMonth.Before)).Append("|\n");
        md.Append('|').Append(label("KpiVariation")).Append('|').Append(report.VersusPreviousMonth.Percent is { } p ? p.ToString("+0.0;-0.0;0.0", culture) + " %" : label("VariationNew")).Append("|\n");
        md.Append('|').Append(label("KpiCloudTotal")).Append('|').Append(Amount(report.CloudTotal)).Append("|\n");
        md.Append('|').Append(label("ReportNonCloudTotal")).Append('|').Append(Amount(report.Total - report.CloudTotal)).Append("|\n");
        md.Append('|').Append(label("KpiDailyAverage")).Append('|').Append(Amount(report.DailyAverage)).Append("|\n");
        md.Append('|').Append(label("KpiActiveProjects")).Append('|').Append(report.ActiveProjects.ToString(culture)).Append("|\n\n");

        md.Append("## ").Append(label("ChartResourceTypes")).Append("\n\n");
        md.Append('|').Append(label("ColResourceType")).Append('|').Append(label("ColAmount")).Append('|').Append(label("ColShare")).Append("|\n|---|---:|---:|\n");
        foreach (var t in report.ByResourceType)
        {
            md.Append('|').Append(Cell(label("ResourceType." + t.Type))).Append('|').Append(Amount(t.Amount)).Append('|')
                .Append(OverviewQueries.Share(t.Amount, report.Total).ToString("0.0", culture)).Append(" %|\n");
        }

        md.Append("\n## ").Append(label("ChartCategories")).Append("\n\n");
        md.Append('|').Append(label("ColCategory")).Append('|').Append(label("ColAmount")).Append('|').Append(label("ColShare")).Append("|\n|---|---:|---:|\n");
        foreach (var c in report.ByCategory)
        {
            md.Append('|').Append(Cell(label("Category." + c.Category))).Append('|').Append(Amount(c.Amount)).Append('|')
                .Append(OverviewQueries.Share(c.Amount, report.Total).ToString("0.0", culture)).Append(" %|\n");
        }

        md.Append("\n## ").Append(string.Format(culture, label("ReportTopProjects"), TopProjects)).Append("\n\n");
        md.Append('|').Append(label("ColProject")).Append('|').Append(label("ColAmount")).Append('|').Append(label("ColShareOfCloud")).Append("|\n|---|---:|---:|\n");
        foreach (var project in report.Projects.Take(TopProjects))
        {
            md.Append('|').Append(Cell(project.Name)).Append('|').Append(Amount(project.Amount)).Append('|').Append(project.ShareOfCloudPercent.ToString("0.0", culture)).Append(" %|\n");
        }

        md.Append("\n---\n").Append(string.Format(culture, label("ReportGenerated"), time.GetUtcNow().ToString("u", CultureInfo.InvariantCulture))).Append('\n');
        return md.ToString();
    }

    // A pipe or a line break inside a cell would break the table.
    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace('\n', ' ').Replace('\r', ' ');
}
