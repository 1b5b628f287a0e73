using Microsoft.EntityFrameworkCore;
using OvhCostManager.Core.Budgets;
using OvhCostManager.Core.Classification;
using OvhCostManager.Core.Costs;
using OvhCostManager.Core.Data;
using OvhCostManager.Core.Data.Entities;

namespace OvhCostManager.Core.Overview;

/// <summary>
/// The Overview tab's figures for one month under one lens (<see cref="CostLedger"/> decides the amounts). Every
/// call uses its own short-lived context.
/// </summary>
public sealed class OverviewQueries(IDbContextFactory<CostDbContext> contexts, CostLedger ledger, TimeProvider time)
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

    /// <summary>Builds the Overview of <paramref name="month"/> (<c>YYYY-MM</c>); a month without costs gives zeros.</summary>
    public async Task<OverviewReport> GetAsync(string month, CostLens lens = CostLenses.Default, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var settings = await db.ReadAccountSettingsAsync(cancellationToken);
        var previous = BillingMonth.Previous(month);
        var months = await ledger.GetMonthsAsync([month, previous], lens, cancellationToken);
        var (costs, before) = (months[0], months[1]);
        var entries = costs.Entries;
        var total = costs.Total;

        var progress = MonthProgress.Of(month, Today(time, AccountTimeZone.Find(settings.TimeZoneId)));
        // A month in progress is set against the same days of the previous month, never against a whole month.
        var variation = progress.IsInProgress
            ? new Variation(before.Through(BillingMonth.Days(previous).First.AddDays(progress.ElapsedDays - 1)), costs.Through(progress.Today))
            : new Variation(before.Total, total);
        var dailyAverage = new Money((progress.IsInProgress ? costs.Through(progress.Today) : total).Ucents / progress.ElapsedDays);

        var byType = entries.GroupBy(e => e.Type)
            .Select(g => new ResourceTypeAmount(g.Key, Sum(g), g.Select(e => e.ServiceName).Distinct(StringComparer.Ordinal).Count(), g.Count()))
            .OrderByDescending(r => r.Amount).ToList();
        var byCategory = entries.GroupBy(e => e.Category)
            .Select(g => new CategoryAmount(g.Key, Sum(g), g.Count()))
            .OrderByDescending(r => r.Amount).ToList();

        var names = await ProjectNamesAsync(db, cancellationToken);
        var cloud = entries.Where(e => e.CloudProjectId != null).ToList();
        var cloudTotal = Sum(cloud);
        var projects = cloud.GroupBy(e => e.CloudProjectId!)
            .Select(g => new ProjectAmount(g.Key, ProjectName(names, g.Key), Sum(g), Share(Sum(g), cloudTotal), g.Count()))
            .OrderByDescending(p => p.Amount).ThenBy(p => p.Name, StringComparer.Ordinal).ToList();

        var consumption = await ConsumptionAsync(db, cancellationToken);
        var inProgress = await MonthInProgressAsync(db, month, progress.Today, cancellationToken);
        var forecast = progress.IsInProgress ? Forecast(costs, consumption, inProgress) : null;
        var budget = (await BudgetStore.InForceAsync(db, month, cancellationToken)).FirstOrDefault(b => b.Scope == BudgetScope.Account);
        var bills = lens == CostLens.Invoiced
            ? await db.Bills.CountAsync(b => b.BillingMonth == month, cancellationToken)
            : entries.Where(e => e.BillId != null).Select(e => e.BillId).Distinct(StringComparer.Ordinal).Count();

        return new OverviewReport(
            month, lens, settings.Currency, total, bills, costs.Lines, costs.LinesWithoutPeriod, costs.NotBilledYet,
            previous, variation, before.Entries.Count > 0, progress, cloudTotal, dailyAverage,
            projects.Count, byType, byCategory, projects, Gpu(entries, names),
            BudgetStatus.Of(budget?.Amount, total, forecast?.Amount, progress), consumption, forecast, inProgress);
    }

    /// <summary>Share of <paramref name="part"/> in <paramref name="whole"/>, in percent with one decimal (0 when the whole is 0).</summary>
    public static decimal Share(Money part, Money whole) =>
        whole == Money.Zero ? 0m : decimal.Round(part.Amount / whole.Amount * 100m, 1, MidpointRounding.AwayFromZero);

    internal static async Task<Dictionary<string, string>> ProjectNamesAsync(CostDbContext db, CancellationToken cancellationToken) =>
        await db.CloudProjects.ToDictionaryAsync(p => p.Id, p => p.Name, StringComparer.Ordinal, cancellationToken);

    internal static string ProjectName(IReadOnlyDictionary<string, string> names, string id) =>
        names.TryGetValue(id, out var name) && !string.IsNullOrWhiteSpace(name) ? name : id;

    private static Money Sum(IEnumerable<CostEntry> entries) => Money.Sum(entries.Select(e => e.Amount));

    /// <summary>Today in the account's time zone.</summary>
    internal static DateOnly Today(TimeProvider time, TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone).DateTime);

    /// <summary>Cloud GPU (instances, AI jobs: lines of a cloud project) and dedicated GPU servers, each against its own family.</summary>
    private static GpuSummary Gpu(IReadOnlyList<CostEntry> entries, IReadOnlyDictionary<string, string> names)
    {
        var gpu = entries.Where(e => e.IsGpu).ToList();
        GpuGroup Group(CostFamily family, IEnumerable<CostEntry> lines, Func<CostEntry, string> key, Func<string, string> name)
        {
            var list = lines.ToList();
            var groupTotal = Sum(list);
            return new GpuGroup(family, groupTotal, Sum(entries.Where(e => e.Family == family)),
                list.GroupBy(e => e.GpuModel ?? "GPU").Select(g => new GpuModelAmount(g.Key, Sum(g), g.Count())).OrderByDescending(m => m.Amount).ToList(),
                list.GroupBy(key).Select(g => new GpuRow(g.Key, name(g.Key), Sum(g), Share(Sum(g), groupTotal), g.Count()))
                    .OrderByDescending(r => r.Amount).ThenBy(r => r.Name, StringComparer.Ordinal).ToList());
        }

        return new GpuSummary(
            Group(CostFamily.Cloud, gpu.Where(e => e.Family == CostFamily.Cloud), e => e.CloudProjectId ?? e.ServiceName, k => ProjectName(names, k)),
            Group(CostFamily.Dedicated, gpu.Where(e => e.Family != CostFamily.Cloud), e => e.ServiceName, k => k));
    }

    /// <summary>
    /// What the month holds so far, plus (incurred lens) the part of OVH's consumption forecast not consumed yet, plus
    /// the recurring services still expected this month at last month's cost.
    /// </summary>
    internal static MonthForecast Forecast(CostMonth costs, ConsumptionStatus? consumption, MonthInProgress? inProgress)
    {
        var rest = Money.Zero;
        var hasForecast = false;
        if (costs.Lens == CostLens.Incurred && consumption is { Forecast: { } f } && consumption.Month == costs.Month)
        {
            hasForecast = true;
            rest = f - costs.NotBilledYet;
        }

        return new MonthForecast(costs.Total, rest, inProgress?.ProjectedAmount ?? Money.Zero, inProgress?.MissingServices.Count ?? 0, hasForecast);
    }

    internal static async Task<ConsumptionStatus?> ConsumptionAsync(CostDbContext db, CancellationToken cancellationToken)
    {
        var current = await db.ConsumptionSnapshots.Where(s => s.Kind == ConsumptionKind.Current)
            .OrderByDescending(s => s.TakenAtUtc).Select(s => new { s.Month, s.Total, s.TakenAtUtc }).FirstOrDefaultAsync(cancellationToken);
        if (current is null)
        {
            return null;
        }

        var forecast = await db.ConsumptionSnapshots.Where(s => s.Kind == ConsumptionKind.Forecast && s.Month == current.Month)
            .OrderByDescending(s => s.TakenAtUtc).Select(s => new { s.Total, s.TakenAtUtc }).FirstOrDefaultAsync(cancellationToken);
        return new ConsumptionStatus(current.Month, current.Total, current.TakenAtUtc, forecast?.Total, forecast?.TakenAtUtc);
    }

    /// <summary>
    /// OVH bills renewals on the 1st and pay-as-you-go at the start of the next month, so the current month (and the
    /// previous one during its first <see cref="TurnOfMonthDays"/> days) is not fully billed: a service billed in each
    /// of the <see cref="RecurringMonths"/> previous months and absent so far is expected at last month's cost.
    /// </summary>
    internal static async Task<MonthInProgress?> MonthInProgressAsync(CostDbContext db, string month, DateOnly today, CancellationToken cancellationToken)
    {
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
            .Select(g => new { g.Key.Domain, g.Key.BillingMonth, Ucents = g.Sum(l => MoneyQueryable.UcentsOf(l.Total)) })
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
            .ToDictionary(g => g.Key, g => g.MaxBy(l => l.Total)!, StringComparer.Ordinal);
        var missing = recurring
            .Select(r => new ProjectedService(r.Key, kinds[r.Key].ResourceType, kinds[r.Key].Category, kinds[r.Key].CloudProjectId, r.Value))
            .OrderByDescending(s => s.LastMonthAmount).ThenBy(s => s.ServiceName, StringComparer.Ordinal).ToList();
        return new MonthInProgress(missing);
    }
}
