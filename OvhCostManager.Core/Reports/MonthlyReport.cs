using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using OvhCostManager.Core.Classification;
using OvhCostManager.Core.Costs;
using OvhCostManager.Core.Data;

namespace OvhCostManager.Core.Reports;

/// <summary>What a month cost, as the Markdown report shows it. Amounts are bill lines without tax.</summary>
public sealed record MonthlyReportData(
    string Month,
    string Currency,
    int Bills,
    Money TotalWithoutTax,
    Money TotalWithTax,
    Money PreviousMonthWithoutTax,
    IReadOnlyList<CategoryCost> ByCategory,
    IReadOnlyList<ProjectCost> TopProjects);

public sealed record CategoryCost(ServiceCategory Category, Money Amount);

public sealed record ProjectCost(string ProjectId, string Name, Money Amount);

/// <summary>Builds a month's report from the store: total, change from the previous month, costs by category, top cloud projects.</summary>
public sealed class MonthlyReport(IDbContextFactory<CostDbContext> contexts)
{
    public const int TopProjectCount = 10;

    /// <param name="month"><c>YYYY-MM</c> (billing month in the account time zone).</param>
    public async Task<MonthlyReportData> BuildAsync(string month, CancellationToken cancellationToken = default)
    {
        if (!BillingMonth.TryParse(month, out month, out var error))
        {
            throw new ArgumentException(error, nameof(month));
        }

        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        var previous = BillingMonth.Previous(month);
        var bills = context.Bills.Where(b => b.BillingMonth == month);
        var billCount = await bills.CountAsync(cancellationToken);
        var withTax = await bills.SumMoneyAsync(b => b.PriceWithTax, cancellationToken);
        var currency = await bills.Select(b => b.Currency).FirstOrDefaultAsync(cancellationToken)
                       ?? (await context.AccountSettings.Select(s => s.Currency).FirstOrDefaultAsync(cancellationToken)) ?? "EUR";
        var total = await context.BillLines.Where(l => l.BillingMonth == month).SumMoneyAsync(l => l.Total, cancellationToken);
        var previousTotal = await context.BillLines.Where(l => l.BillingMonth == previous).SumMoneyAsync(l => l.Total, cancellationToken);

        var categories = await context.BillLines.Where(l => l.BillingMonth == month)
            .GroupBy(l => l.Category)
            .Select(g => new { Category = g.Key, Ucents = g.Sum(l => (long)(object)l.Total) })
            .ToListAsync(cancellationToken);
        var projects = await context.BillLines.Where(l => l.BillingMonth == month && l.CloudProjectId != null)
            .GroupBy(l => l.CloudProjectId!)
            .Select(g => new { ProjectId = g.Key, Ucents = g.Sum(l => (long)(object)l.Total) })
            .ToListAsync(cancellationToken);
        var ids = projects.Select(p => p.ProjectId).ToList();
        var names = await context.CloudProjects.Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);

        return new MonthlyReportData(
            month,
            currency,
            billCount,
            total,
            withTax,
            previousTotal,
            [.. categories.Select(c => new CategoryCost(c.Category, new Money(c.Ucents))).OrderByDescending(c => c.Amount).ThenBy(c => c.Category)],
            [.. projects.Select(p => new ProjectCost(p.ProjectId, names.GetValueOrDefault(p.ProjectId) ?? p.ProjectId, new Money(p.Ucents)))
                .OrderByDescending(p => p.Amount).ThenBy(p => p.ProjectId, StringComparer.Ordinal).Take(TopProjectCount)]);
    }

    /// <summary>The report as Markdown, in French (<c>fr</c>) or English (<c>en</c>).</summary>
    public static string ToMarkdown(MonthlyReportData report, string language)
    {
        var fr = string.Equals(language, "fr", StringComparison.OrdinalIgnoreCase);
        var culture = CultureInfo.GetCultureInfo(fr ? "fr-FR" : "en-GB");
        string Amount(Money m) => m.Format(report.Currency, culture);
        var text = new StringBuilder();
        text.AppendLine(fr ? $"# Coûts OVHcloud — {report.Month}" : $"# OVHcloud costs — {report.Month}").AppendLine();
        text.AppendLine(fr ? $"- **Total HT** : {Amount(report.TotalWithoutTax)}" : $"- **Total excl. tax**: {Amount(report.TotalWithoutTax)}");
        text.AppendLine(fr ? $"- **Total TTC** : {Amount(report.TotalWithTax)}" : $"- **Total incl. tax**: {Amount(report.TotalWithTax)}");
        text.AppendLine(fr ? $"- **Factures** : {report.Bills}" : $"- **Bills**: {report.Bills}");
        var change = report.TotalWithoutTax - report.PreviousMonthWithoutTax;
        var sign = change.Ucents >= 0 ? "+" : "−";
        var magnitude = Amount(new Money(Math.Abs(change.Ucents)));
        text.AppendLine(fr
            ? $"- **Mois précédent** : {Amount(report.PreviousMonthWithoutTax)} ({sign}{magnitude})"
            : $"- **Previous month**: {Amount(report.PreviousMonthWithoutTax)} ({sign}{magnitude})");
        text.AppendLine();

        text.AppendLine(fr ? "## Par catégorie" : "## By category").AppendLine();
        text.AppendLine(fr ? "| Catégorie | Montant HT | Part |" : "| Category | Amount excl. tax | Share |");
        text.AppendLine("|---|---:|---:|");
        foreach (var category in report.ByCategory)
        {
            text.AppendLine($"| {CategoryName(category.Category, fr)} | {Amount(category.Amount)} | {Share(category.Amount, report.TotalWithoutTax, culture)} |");
        }

        text.AppendLine();
        text.AppendLine(fr ? "## Principaux projets Public Cloud" : "## Top Public Cloud projects").AppendLine();
        if (report.TopProjects.Count == 0)
        {
            text.AppendLine(fr ? "Aucun projet facturé ce mois-ci." : "No project billed this month.");
        }
        else
        {
            text.AppendLine(fr ? "| Projet | Identifiant | Montant HT |" : "| Project | Id | Amount excl. tax |");
            text.AppendLine("|---|---|---:|");
            foreach (var project in report.TopProjects)
            {
                text.AppendLine($"| {project.Name.Replace("|", "\\|", StringComparison.Ordinal)} | `{project.ProjectId}` | {Amount(project.Amount)} |");
            }
        }

        return text.ToString();
    }

    private static string Share(Money part, Money total, CultureInfo culture) =>
        total.Ucents == 0 ? "—" : (part.Ucents / (decimal)total.Ucents).ToString("P1", culture);

    private static string CategoryName(ServiceCategory category, bool fr) => (category.ToString(), fr) switch
    {
        ("Compute", true) => "Calcul",
        ("Storage", true) => "Stockage",
        ("Network", true) => "Réseau",
        ("Database", true) => "Bases de données",
        ("AiMl", true) => "IA / ML",
        ("Licences", true) or ("Licenses", true) => "Licences",
        ("Backup", true) => "Sauvegarde",
        ("Support", true) => "Support",
        ("Other", true) => "Autre",
        ("AiMl", false) => "AI / ML",
        var (name, _) => name,
    };
}
