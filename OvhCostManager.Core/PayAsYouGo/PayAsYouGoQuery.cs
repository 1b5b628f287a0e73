using Microsoft.EntityFrameworkCore;
using OvhCostManager.Core.Costs;
using OvhCostManager.Core.Data;
using OvhCostManager.Core.Data.Entities;

namespace OvhCostManager.Core.PayAsYouGo;

/// <summary>Reads the Pay-as-you-go tab: current month so far, forecast, previous month, detail per plan family and per cloud project.</summary>
public sealed class PayAsYouGoQuery(IDbContextFactory<CostDbContext> contexts, TimeProvider time)
{
    /// <summary>
    /// OVH bills the previous month's pay-as-you-go consumption on one <c>purchase-cloud</c> bill dated the 1st of the
    /// next month; its date is the "billed on" of the previous month.
    /// </summary>
    public const string ConsumptionBillCategory = "purchase-cloud";

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
        var serviceCount = 0;
        if (latest is not null)
        {
            var items = await context.ConsumptionSnapshotItems
                .Where(i => i.SnapshotId == latest.Id)
                .Select(i => new { i.ServiceId, i.PlanFamily, i.Unit, i.Quantity, i.Amount })
                .ToListAsync(cancellationToken);
            var elapsedHours = ElapsedHours(latest.PeriodStartUtc ?? MonthStartUtc(month, zone), latest.TakenAtUtc);
            serviceCount = items.Select(i => i.ServiceId).Distinct().Count();
            services = items
                .GroupBy(i => (i.PlanFamily ?? "").Trim().ToLowerInvariant())
                .Select(g =>
                {
                    var unit = ConsumptionUnits.Of(g.First().Unit, g.Key);
                    var quantity = g.Sum(i => i.Quantity);
                    var usage = ConsumptionUnits.IsGibHours(g.First().Unit, g.Key) ? Average(quantity, elapsedHours) : quantity;
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
            curve.Add(new ConsumptionCurvePoint(MonthStartUtc(NextMonth(month), zone), forecastSnapshot.Total, true));
        }

        return new PayAsYouGoView(
            currency,
            zone,
            month,
            latest is null ? null : new CurrentConsumption(latest.Total, latest.TakenAtUtc),
            forecastSnapshot?.Total,
            await PreviousMonthAsync(context, month, cancellationToken),
            serviceCount,
            services,
            curve,
            await ProjectsAsync(context, month, cancellationToken));
    }

    private static async Task<PreviousMonthConsumption?> PreviousMonthAsync(CostDbContext context, string month, CancellationToken cancellationToken)
    {
        var previous = BillingMonth.Previous(month);
        var billedAt = await context.Bills
            .Where(b => b.BillingMonth == month && b.Category == ConsumptionBillCategory)
            .OrderBy(b => b.DateUtc)
            .Select(b => new { b.Id, b.DateUtc })
            .FirstOrDefaultAsync(cancellationToken);

        var history = context.ConsumptionHistory.Where(h => h.Month == previous);
        if (await history.AnyAsync(cancellationToken))
        {
            return new PreviousMonthConsumption(previous, await history.SumMoneyAsync(h => h.Amount, cancellationToken), billedAt?.DateUtc);
        }

        if (billedAt is null)
        {
            return null;
        }

        // No history read yet: the consumption bill's lines for the previous month's period are the same figure.
        var (first, last) = BillingMonth.Days(previous);
        var amount = await context.BillLines
            .Where(l => l.BillId == billedAt.Id && l.PeriodStart >= first && l.PeriodEnd <= last)
            .SumMoneyAsync(l => l.Total, cancellationToken);
        return new PreviousMonthConsumption(previous, amount, billedAt.DateUtc);
    }

    private static async Task<IReadOnlyList<ProjectConsumptionRow>> ProjectsAsync(CostDbContext context, string month, CancellationToken cancellationToken)
    {
        var usage = await context.CloudProjectUsage
            .Where(u => u.Kind == CloudUsageKind.Current && u.Month == month)
            .Select(u => new { u.ProjectId, u.ResourceType, u.Unit, u.Quantity, u.Amount })
            .ToListAsync(cancellationToken);
        var names = await context.CloudProjects.ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        return usage
            .GroupBy(u => (u.ProjectId, u.ResourceType))
            .Select(g => new ProjectConsumptionRow(
                g.Key.ProjectId,
                names.GetValueOrDefault(g.Key.ProjectId) ?? g.Key.ProjectId,
                g.Key.ResourceType,
                ConsumptionUnits.Of(g.First().Unit, g.Key.ResourceType),
                g.Sum(u => u.Quantity),
                Money.Sum(g.Select(u => u.Amount))))
            .OrderByDescending(r => r.Amount).ThenBy(r => r.ProjectName, StringComparer.Ordinal).ThenBy(r => r.ResourceType, StringComparer.Ordinal)
            .ToList();
    }

    private static decimal ElapsedHours(DateTimeOffset from, DateTimeOffset to) => Math.Max(1m, (decimal)(to - from).TotalHours);

    private static decimal Average(decimal gibHours, decimal hours) => decimal.Round(gibHours / hours, 1, MidpointRounding.AwayFromZero);

    internal static DateTimeOffset MonthStartUtc(string month, TimeZoneInfo zone)
    {
        var first = BillingMonth.Days(month).First.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(first, zone.GetUtcOffset(first)).ToUniversalTime();
    }

    private static string NextMonth(string month) => BillingMonth.Of(BillingMonth.Days(month).Last.AddDays(1));
}
