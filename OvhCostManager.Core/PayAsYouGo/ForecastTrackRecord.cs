using Microsoft.EntityFrameworkCore;
using OvhCostManager.Core.Costs;
using OvhCostManager.Core.Data;
using OvhCostManager.Core.Data.Entities;

namespace OvhCostManager.Core.PayAsYouGo;

/// <summary>OVH's end-of-month forecast as read on one day (the day's last reading), against what was billed.</summary>
/// <param name="Share">The error as a share of the billed amount (0.05 = 5 % too high); null when nothing was billed.</param>
public sealed record ForecastDay(DateOnly Day, Money Forecast, Money Error, decimal? Share);

/// <summary>
/// One billed month: each day's forecast against the consumption bill, the mean absolute error, and the first day
/// from which every later forecast stayed within <see cref="ForecastTrackRecordQuery.Tolerance"/> of the bill.
/// </summary>
public sealed record ForecastMonthRecord(string Month, Money Billed, string BillId, IReadOnlyList<ForecastDay> Days, Money MeanAbsoluteError,
    decimal? MeanAbsoluteShare, DateOnly? WithinToleranceFrom);

/// <summary>How good OVH's forecast has been over the last billed months (newest first).</summary>
/// <param name="AverageDayWithinTolerance">The mean day of the month of <see cref="ForecastMonthRecord.WithinToleranceFrom"/>, over the months that reached it.</param>
public sealed record ForecastTrackRecord(IReadOnlyList<ForecastMonthRecord> Months, decimal? AverageDayWithinTolerance)
{
    public bool HasData => Months.Count > 0;
}

/// <summary>
/// Keeps score of OVH's consumption forecast: every consumption sync stores the forecast it read; once a month's
/// consumption is billed, each day's last reading is compared with the billed amount (the same amount the
/// Pay-as-you-go tab shows as the previous month).
/// </summary>
public sealed class ForecastTrackRecordQuery(IDbContextFactory<CostDbContext> contexts)
{
    public const decimal Tolerance = 0.05m;

    public async Task<ForecastTrackRecord> GetAsync(int months = 6, CancellationToken cancellationToken = default)
    {
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        var settings = await context.ReadAccountSettingsAsync(cancellationToken);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(settings.TimeZoneId);
        var forecastMonths = await context.ConsumptionSnapshots.Where(s => s.Kind == ConsumptionKind.Forecast)
            .Select(s => s.Month).Distinct().OrderByDescending(m => m).ToListAsync(cancellationToken);

        var records = new List<ForecastMonthRecord>();
        foreach (var month in forecastMonths)
        {
            if (records.Count == months)
            {
                break;
            }

            if (await PayAsYouGoQuery.BilledConsumptionAsync(context, month, cancellationToken) is not { BillId: { } billId } billed)
            {
                continue;
            }

            var readings = await context.ConsumptionSnapshots.Where(s => s.Kind == ConsumptionKind.Forecast && s.Month == month)
                .Select(s => new { s.Id, s.TakenAtUtc, s.Total }).ToListAsync(cancellationToken);
            var days = readings
                .GroupBy(r => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(r.TakenAtUtc, zone).DateTime))
                .Select(g => Day(g.Key, g.MaxBy(r => (r.TakenAtUtc, r.Id))!.Total, billed.Amount))
                .OrderBy(d => d.Day)
                .ToList();
            records.Add(Month(month, billed.Amount, billId, days));
        }

        var reached = records.Where(r => r.WithinToleranceFrom is not null).Select(r => (decimal)r.WithinToleranceFrom!.Value.Day).ToList();
        return new ForecastTrackRecord(records, reached.Count == 0 ? null : reached.Average());
    }

    private static ForecastDay Day(DateOnly day, Money forecast, Money billed)
    {
        var error = forecast - billed;
        return new ForecastDay(day, forecast, error, billed == Money.Zero ? null : error.Amount / billed.Amount);
    }

    private static ForecastMonthRecord Month(string month, Money billed, string billId, IReadOnlyList<ForecastDay> days)
    {
        var meanAbsolute = days.Count == 0
            ? Money.Zero
            : new Money(days.Sum(d => Math.Abs(d.Error.Ucents)) / days.Count);
        // The first day after the last one outside the tolerance, if a later day was read at all.
        var lastOutside = days.LastOrDefault(d => d.Share is not { } share || Math.Abs(share) > Tolerance);
        var within = lastOutside is null ? days.FirstOrDefault() : days.SkipWhile(d => d != lastOutside).Skip(1).FirstOrDefault();
        return new ForecastMonthRecord(month, billed, billId, days, meanAbsolute,
            billed == Money.Zero ? null : meanAbsolute.Amount / billed.Amount, within?.Day);
    }
}
