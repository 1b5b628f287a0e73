using Microsoft.EntityFrameworkCore;
using OvhCostManager.Core.Classification;
using OvhCostManager.Core.Costs;
using OvhCostManager.Core.Data;
using OvhCostManager.Core.Data.Entities;

namespace OvhCostManager.Core.Overview;

/// <summary>
/// The Overview tab's figures for one billing month, read from the local store (bill lines without tax, grouped by
/// their <c>BillingMonth</c>). Every call uses its own short-lived context.
/// </summary>
public sealed class OverviewQueries(IDbContextFactory<CostDbContext> contexts, TimeProvider time)
{
    /// <summary>How many of the previous months a service must appear in to count as recurring.</summary>
    public const int RecurringMonths = 3;

    /// <summary>Days into a month during which the previous month may still receive its last bills.</summary>
    public const int TurnOfMonthDays = 3;

    /// <summary>Every month that has at least one bill, newest first.</summary>
    public async Task<IReadOnlyList<string>> GetBilledMonthsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Bills.Select(b => b.BillingMonth).Distinct().OrderByDescending(m => m).ToListAsync(cancellationToken);
    }

    /// <summary>Builds the Overview of <paramref name="month"/> (<c>YYYY-MM</c>); a month without bills gives zeros.</summary>
    public async Task<OverviewReport> GetAsync(string month, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var settings = await db.ReadAccountSettingsAsync(cancellationToken);
        var previous = BillingMonth.Previous(month);
        var lines = db.BillLines.Where(l => l.BillingMonth == month);

        var total = await lines.SumMoneyAsync(l => l.Total, cancellationToken);
        var lineCount = await lines.CountAsync(cancellationToken);
        var bills = await db.Bills.CountAsync(b => b.BillingMonth == month, cancellationToken);
        var previousBilled = await db.Bills.AnyAsync(b => b.BillingMonth == previous, cancellationToken);
        var previousTotal = await db.BillLines.Where(l => l.BillingMonth == previous).SumMoneyAsync(l => l.Total, cancellationToken);
        var cloudTotal = await lines.Where(l => l.CloudProjectId != null).SumMoneyAsync(l => l.Total, cancellationToken);

        var byType = (await lines.GroupBy(l => l.ResourceType)
                .Select(g => new { g.Key, Ucents = g.Sum(l => (long)(object)l.Total), Services = g.Select(l => l.Domain).Distinct().Count(), Lines = g.Count() })
                .ToListAsync(cancellationToken))
            .Select(r => new ResourceTypeAmount(r.Key, new Money(r.Ucents), r.Services, r.Lines))
            .OrderByDescending(r => r.Amount).ToList();
        var byCategory = (await lines.GroupBy(l => l.Category)
                .Select(g => new { g.Key, Ucents = g.Sum(l => (long)(object)l.Total), Lines = g.Count() })
                .ToListAsync(cancellationToken))
            .Select(r => new CategoryAmount(r.Key, new Money(r.Ucents), r.Lines))
            .OrderByDescending(r => r.Amount).ToList();

        var names = await ProjectNamesAsync(db, cancellationToken);
        var projects = await ProjectTotalsAsync(lines.Where(l => l.CloudProjectId != null), names, cloudTotal, cancellationToken);

        var gpuLines = lines.Where(l => l.IsGpu);
        var gpuTotal = await gpuLines.SumMoneyAsync(l => l.Total, cancellationToken);
        var gpuByModel = (await gpuLines.GroupBy(l => l.GpuModel)
                .Select(g => new { g.Key, Ucents = g.Sum(l => (long)(object)l.Total), Lines = g.Count() })
                .ToListAsync(cancellationToken))
            .Select(r => new GpuModelAmount(r.Key ?? "GPU", new Money(r.Ucents), r.Lines))
            .OrderByDescending(r => r.Amount).ToList();
        var gpuByProject = await ProjectTotalsAsync(gpuLines.Where(l => l.CloudProjectId != null), names, gpuTotal, cancellationToken);

        var (first, last) = BillingMonth.Days(month);
        var days = last.Day;
        var consumption = await ConsumptionAsync(db, settings.MonthlyBudget, cancellationToken);
        var inProgress = await MonthInProgressAsync(db, month, settings, cancellationToken);

        return new OverviewReport(
            month, settings.Currency, total, bills, lineCount, previous, new Variation(previousTotal, total), previousBilled,
            cloudTotal, new Money(total.Ucents / days), days,
            projects.Count, byType, byCategory, projects,
            new GpuSummary(gpuTotal, Share(gpuTotal, cloudTotal), gpuByModel, gpuByProject),
            new BudgetStatus(settings.MonthlyBudget, total), consumption, inProgress);
    }

    /// <summary>Share of <paramref name="part"/> in <paramref name="whole"/>, in percent with one decimal (0 when the whole is 0).</summary>
    public static decimal Share(Money part, Money whole) =>
        whole == Money.Zero ? 0m : decimal.Round(part.Amount / whole.Amount * 100m, 1, MidpointRounding.AwayFromZero);

    internal static async Task<Dictionary<string, string>> ProjectNamesAsync(CostDbContext db, CancellationToken cancellationToken) =>
        await db.CloudProjects.ToDictionaryAsync(p => p.Id, p => p.Name, StringComparer.Ordinal, cancellationToken);

    internal static string ProjectName(IReadOnlyDictionary<string, string> names, string id) =>
        names.TryGetValue(id, out var name) && !string.IsNullOrWhiteSpace(name) ? name : id;

    private static async Task<List<ProjectAmount>> ProjectTotalsAsync(IQueryable<BillLine> lines, Dictionary<string, string> names, Money whole, CancellationToken cancellationToken) =>
        (await lines.GroupBy(l => l.CloudProjectId!)
            .Select(g => new { g.Key, Ucents = g.Sum(l => (long)(object)l.Total), Lines = g.Count() })
            .ToListAsync(cancellationToken))
        .Select(r => new ProjectAmount(r.Key, ProjectName(names, r.Key), new Money(r.Ucents), Share(new Money(r.Ucents), whole), r.Lines))
        .OrderByDescending(p => p.Amount).ThenBy(p => p.Name, StringComparer.Ordinal).ToList();

    private static async Task<ConsumptionStatus?> ConsumptionAsync(CostDbContext db, Money? budget, CancellationToken cancellationToken)
    {
        var current = await db.ConsumptionSnapshots.Where(s => s.Kind == ConsumptionKind.Current)
            .OrderByDescending(s => s.TakenAtUtc).Select(s => new { s.Month, s.Total, s.TakenAtUtc }).FirstOrDefaultAsync(cancellationToken);
        if (current is null)
        {
            return null;
        }

        var forecast = await db.ConsumptionSnapshots.Where(s => s.Kind == ConsumptionKind.Forecast && s.Month == current.Month)
            .OrderByDescending(s => s.TakenAtUtc).Select(s => new { s.Total, s.TakenAtUtc }).FirstOrDefaultAsync(cancellationToken);
        return new ConsumptionStatus(current.Month, current.Total, current.TakenAtUtc, forecast?.Total, forecast?.TakenAtUtc, budget);
    }

    /// <summary>
    /// OVH bills renewals on the 1st and pay-as-you-go at the start of the next month, so the current month (and the
    /// previous one during its first <see cref="TurnOfMonthDays"/> days) is not fully billed: a service billed in each
    /// of the <see cref="RecurringMonths"/> previous months and absent so far is expected at last month's cost.
    /// </summary>
    private async Task<MonthInProgress?> MonthInProgressAsync(CostDbContext db, string month, AccountSettings settings, CancellationToken cancellationToken)
    {
        var zone = AccountTimeZone.Find(settings.TimeZoneId);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone).DateTime);
        var current = BillingMonth.Of(today);
        var inProgress = month == current || (month == BillingMonth.Previous(current) && today.Day <= TurnOfMonthDays);
        if (!inProgress)
        {
            return null;
        }

        var earlier = new List<string>();
        var m = month;
        for (var i = 0; i < RecurringMonths; i++)
        {
            m = BillingMonth.Previous(m);
            earlier.Add(m);
        }

        var lastMonth = earlier[0];
        var rows = await db.BillLines.Where(l => earlier.Contains(l.BillingMonth) || l.BillingMonth == month)
            .GroupBy(l => new { l.Domain, l.BillingMonth })
            .Select(g => new { g.Key.Domain, g.Key.BillingMonth, Ucents = g.Sum(l => (long)(object)l.Total) })
            .ToListAsync(cancellationToken);
        var billedNow = rows.Where(r => r.BillingMonth == month).Select(r => r.Domain).ToHashSet(StringComparer.Ordinal);
        var recurring = rows.Where(r => r.Ucents > 0 && earlier.Contains(r.BillingMonth))
            .GroupBy(r => r.Domain)
            .Where(g => g.Select(r => r.BillingMonth).Distinct().Count() == RecurringMonths && !billedNow.Contains(g.Key))
            .ToDictionary(g => g.Key, g => new Money(g.Single(r => r.BillingMonth == lastMonth).Ucents), StringComparer.Ordinal);

        var domains = recurring.Keys.ToList();
        var kinds = (await db.BillLines.Where(l => l.BillingMonth == lastMonth && domains.Contains(l.Domain))
                .Select(l => new { l.Domain, l.ResourceType, l.Category, l.CloudProjectId, l.Total })
                .ToListAsync(cancellationToken))
            .GroupBy(l => l.Domain)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(l => l.Total).First(), StringComparer.Ordinal);
        var missing = recurring
            .Select(r => new ProjectedService(r.Key, kinds[r.Key].ResourceType, kinds[r.Key].Category, kinds[r.Key].CloudProjectId, r.Value))
            .OrderByDescending(s => s.LastMonthAmount).ThenBy(s => s.ServiceName, StringComparer.Ordinal).ToList();
        return new MonthInProgress(missing);
    }
}
