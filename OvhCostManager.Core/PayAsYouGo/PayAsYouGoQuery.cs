using Microsoft.EntityFrameworkCore;
using OvhCostManager.Core.BillLines;
using OvhCostManager.Core.Costs;
using OvhCostManager.Core.Data;
using OvhCostManager.Core.Data.Entities;

namespace OvhCostManager.Core.PayAsYouGo;

/// <summary>Reads the Pay-as-you-go tab: current month so far, forecast, previous month, detail per plan family and per cloud project.</summary>
public sealed class PayAsYouGoQuery(IDbContextFactory<CostDbContext> contexts, TimeProvider time)
{
    /// <summary>
    /// The view for the month of the latest current-consumption reading (or this month, in the account time zone,
    /// when nothing has been read yet).
    /// </summary>
    public async Task<PayAsYouGoView> GetAsync(CancellationToken cancellationToken = default)
    {
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        var settings = await context.ReadAccountSettingsAsync(cancellationToken);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(settings.TimeZoneId);

        var latest = await context.ConsumptionSnapshots
            .Where(s => s.Kind == ConsumptionKind.Current)
            .OrderByDescending(s => s.TakenAtUtc).ThenByDescending(s => s.Id)
            .Select(s => new { s.Id, s.Month, s.TakenAtUtc, s.PeriodStartUtc, s.Total, s.Currency })
            .FirstOrDefaultAsync(cancellationToken);
        var month = latest?.Month ?? BillingMonth.Of(time.GetUtcNow(), zone);
        var currency = latest?.Currency ?? settings.Currency;

        var forecastSnapshot = await context.ConsumptionSnapshots
            .Where(s => s.Kind == ConsumptionKind.Forecast && s.Month == month)
            .OrderByDescending(s => s.TakenAtUtc).ThenByDescending(s => s.Id)
            .Select(s => new { s.TakenAtUtc, s.Total })
            .FirstOrDefaultAsync(cancellationToken);

        var services = new List<ConsumptionUsageRow>();
        if (latest is not null)
        {
            var items = await context.ConsumptionSnapshotItems
                .Where(i => i.SnapshotId == latest.Id)
                .Select(i => new { i.ServiceId, i.PlanFamily, i.PlanCode, i.Unit, i.Quantity, i.Amount })
                .ToListAsync(cancellationToken);
            var elapsedHours = ElapsedHours(latest.PeriodStartUtc ?? MonthStartUtc(month, zone), latest.TakenAtUtc);
            services = items
                .GroupBy(i => (i.PlanFamily ?? "").Trim().ToLowerInvariant())
                .Select(g =>
                {
                    var first = g.First();
                    var unit = ConsumptionUnits.Of(first.Unit, g.Key, first.PlanCode);
                    var usage = ConsumptionUnits.Shown(g.Sum(i => i.Quantity), ConsumptionUnits.IsGibHours(first.Unit, g.Key, first.PlanCode), elapsedHours);
                    return new ConsumptionUsageRow(g.Key, unit, usage, Money.Sum(g.Select(i => i.Amount)), g.Select(i => i.ServiceId).Distinct().Count());
                })
                .OrderByDescending(r => r.Amount).ThenBy(r => r.PlanFamily, StringComparer.Ordinal)
                .ToList();
        }

        var curve = (await context.ConsumptionSnapshots
                .Where(s => s.Kind == ConsumptionKind.Current && s.Month == month)
                .Select(s => new { s.TakenAtUtc, s.Total })
                .ToListAsync(cancellationToken))
            .OrderBy(s => s.TakenAtUtc)
            .Select(s => new ConsumptionCurvePoint(s.TakenAtUtc, s.Total, false))
            .ToList();
        if (forecastSnapshot is not null)
        {
            curve.Add(new ConsumptionCurvePoint(MonthStartUtc(BillingMonth.Next(month), zone), forecastSnapshot.Total, true));
        }

        var projects = await ProjectsAsync(context, month, zone, cancellationToken);
        return new PayAsYouGoView(
            currency,
            zone,
            month,
            latest is null ? null : new CurrentConsumption(latest.Total, latest.TakenAtUtc),
            forecastSnapshot?.Total,
            await PreviousMonthAsync(context, month, cancellationToken),
            services,
            curve,
            projects.Where(p => p.Unit != ConsumptionUnit.MonthlyPlan).ToList(),
            projects.Where(p => p.Unit == ConsumptionUnit.MonthlyPlan).ToList());
    }

    /// <summary>
    /// The previous month as billed. OVH rule: the consumption bill (<c>purchase-cloud</c>) dated the 1st of the next
    /// month holds the previous month's consumption (lines whose period is that month) and also the next month's
    /// monthly plans, billed in advance (period = the next month): only the first are the previous month's consumption.
    /// OVH's consumption history is the fallback until that bill is imported.
    /// </summary>
    private static async Task<PreviousMonthConsumption?> PreviousMonthAsync(CostDbContext context, string month, CancellationToken cancellationToken)
    {
        var previous = BillingMonth.Previous(month);
        if (await BilledConsumptionAsync(context, previous, cancellationToken) is { } billed)
        {
            return billed;
        }

        var history = context.ConsumptionHistory.Where(h => h.Month == previous);
        return await history.AnyAsync(cancellationToken)
            ? new PreviousMonthConsumption(previous, await history.SumMoneyAsync(h => h.Amount, cancellationToken), null)
            : null;
    }

    /// <summary>
    /// A month's consumption as billed: the lines of the consumption bill (<c>purchase-cloud</c>) of the next month
    /// whose period is <paramref name="consumedMonth"/>; null until that bill is imported.
    /// </summary>
    internal static async Task<PreviousMonthConsumption?> BilledConsumptionAsync(CostDbContext context, string consumedMonth, CancellationToken cancellationToken)
    {
        var billingMonth = BillingMonth.Next(consumedMonth);
        var bill = await context.Bills
            .Where(b => b.BillingMonth == billingMonth && b.Category == CostLedger.ConsumptionBillCategory)
            .OrderBy(b => b.DateUtc).ThenBy(b => b.Id)
            .Select(b => new { b.Id, b.DateUtc })
            .FirstOrDefaultAsync(cancellationToken);
        if (bill is null)
        {
            return null;
        }

        var (first, last) = BillingMonth.Days(consumedMonth);
        var filter = new BillLineFilter([billingMonth]) { BillId = bill.Id, PeriodFrom = first, PeriodTo = last };
        var lines = BillLineQueries.Filtered(context, filter);
        return new PreviousMonthConsumption(
            consumedMonth,
            await lines.SumMoneyAsync(l => l.Total, cancellationToken),
            bill.DateUtc,
            bill.Id,
            await lines.CountAsync(cancellationToken),
            filter);
    }

    private static async Task<IReadOnlyList<ProjectConsumptionRow>> ProjectsAsync(CostDbContext context, string month, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        var usage = await context.CloudProjectUsage
            .Where(u => u.Kind == CloudUsageKind.Current && u.Month == month)
            .Select(u => new { u.ProjectId, u.ResourceType, u.Unit, u.Quantity, u.Amount, u.TakenAtUtc })
            .ToListAsync(cancellationToken);
        var names = await context.CloudProjects.ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        var monthStart = MonthStartUtc(month, zone);
        return usage
            .GroupBy(u => (u.ProjectId, u.ResourceType))
            .Select(g =>
            {
                var unit = g.Select(u => u.Unit).FirstOrDefault(u => !string.IsNullOrWhiteSpace(u));
                var gibHours = ConsumptionUnits.IsGibHours(unit, g.Key.ResourceType);
                return new ProjectConsumptionRow(
                    g.Key.ProjectId,
                    names.GetValueOrDefault(g.Key.ProjectId) ?? g.Key.ProjectId,
                    g.Key.ResourceType,
                    ConsumptionUnits.Of(unit, g.Key.ResourceType),
                    ConsumptionUnits.Shown(g.Sum(u => u.Quantity), gibHours, ElapsedHours(monthStart, g.Max(u => u.TakenAtUtc))),
                    Money.Sum(g.Select(u => u.Amount)));
            })
            .OrderByDescending(r => r.Amount).ThenBy(r => r.ProjectName, StringComparer.Ordinal).ThenBy(r => r.ResourceType, StringComparer.Ordinal)
            .ToList();
    }

    private static decimal ElapsedHours(DateTimeOffset from, DateTimeOffset to) => Math.Max(1m, (decimal)(to - from).TotalHours);

    internal static DateTimeOffset MonthStartUtc(string month, TimeZoneInfo zone)
    {
        var first = BillingMonth.Days(month).First.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(first, zone.GetUtcOffset(first)).ToUniversalTime();
    }

}
