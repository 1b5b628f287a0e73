using Microsoft.EntityFrameworkCore;
using OvhCostManager.Core.Costs;
using OvhCostManager.Core.Data;
using OvhCostManager.Core.Data.Entities;

namespace OvhCostManager.Core.Changes;

/// <summary>One line of a current-consumption reading.</summary>
public sealed record ReadingLine(long SnapshotId, long ServiceId, string? PlanFamily, string? PlanCode, Money Amount);

/// <summary>
/// Each day's pay-as-you-go cost per subject (a project, a plan family, a service's plan…): what the day's last
/// current-consumption reading adds to the previous day's last one, scaled to 24 hours (readings need not be 24 hours
/// apart); on the 1st, what the month so far holds, scaled likewise. A day without a reading on the day before has no
/// cost of its own.
/// </summary>
internal sealed class DailyCosts
{
    private const long SecondsPerDay = 86_400;

    private readonly IReadOnlyDictionary<DateOnly, Reading> readings;
    private readonly IReadOnlyList<ReadingLine> lines;
    private readonly TimeZoneInfo zone;

    private DailyCosts(IReadOnlyDictionary<DateOnly, Reading> readings, IReadOnlyList<ReadingLine> lines, TimeZoneInfo zone) =>
        (this.readings, this.lines, this.zone) = (readings, lines, zone);

    private sealed record Reading(long Id, DateTimeOffset TakenAtUtc, string Month);

    /// <summary>The last reading of each day from <paramref name="first"/> to <paramref name="last"/> (local days).</summary>
    public static async Task<DailyCosts> ReadAsync(CostDbContext context, TimeZoneInfo zone, DateOnly first, DateOnly last, CancellationToken cancellationToken)
    {
        var (fromUtc, toUtc) = (LocalDays.StartOf(first, zone), LocalDays.StartOf(last.AddDays(1), zone));
        var readings = (await context.ConsumptionSnapshots
                .Where(s => s.Kind == ConsumptionKind.Current && s.TakenAtUtc >= fromUtc && s.TakenAtUtc < toUtc)
                .Select(s => new Reading(s.Id, s.TakenAtUtc, s.Month))
                .ToListAsync(cancellationToken))
            .GroupBy(s => LocalDays.Of(s.TakenAtUtc, zone))
            .ToDictionary(g => g.Key, g => g.MaxBy(s => s.TakenAtUtc)!);
        var ids = readings.Values.Select(r => r.Id).ToList();
        var lines = await context.ConsumptionSnapshotItems.Where(i => ids.Contains(i.SnapshotId))
            .Select(i => new ReadingLine(i.SnapshotId, i.ServiceId, i.PlanFamily, i.PlanCode, i.Amount))
            .ToListAsync(cancellationToken);
        return new DailyCosts(readings, lines, zone);
    }

    /// <summary>The costs per subject, each line counted in the subject <paramref name="subjectOf"/> names.</summary>
    public SubjectCosts Per(Func<ReadingLine, string> subjectOf)
    {
        var monthToDate = lines
            .GroupBy(i => (i.SnapshotId, Subject: subjectOf(i)))
            .ToDictionary(g => g.Key, g => Money.Sum(g.Select(i => i.Amount)));
        return new SubjectCosts(monthToDate.Keys.Select(k => k.Subject).Distinct(StringComparer.Ordinal).ToList(), (subject, day) =>
        {
            if (!readings.TryGetValue(day, out var reading) || !readings.TryGetValue(day.AddDays(-1), out var previous)) return null;
            var sofar = monthToDate.GetValueOrDefault((reading.Id, subject));
            var newMonth = reading.Month != previous.Month;
            var spent = newMonth ? sofar : sofar - monthToDate.GetValueOrDefault((previous.Id, subject));
            var since = newMonth ? LocalDays.StartOf(new DateOnly(day.Year, day.Month, 1), zone) : previous.TakenAtUtc;
            var seconds = (long)(reading.TakenAtUtc - since).TotalSeconds;
            return seconds <= 0 ? null : new Money((long)((Int128)spent.Ucents * SecondsPerDay / seconds));
        });
    }
}

/// <summary>The subjects seen in the readings and each one's cost of a day (null when the day has none of its own).</summary>
internal sealed record SubjectCosts(IReadOnlyList<string> Subjects, Func<string, DateOnly, Money?> CostOf);

/// <summary>Local days of the account time zone.</summary>
internal static class LocalDays
{
    public static DateOnly Of(DateTimeOffset instant, TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);

    public static DateTimeOffset StartOf(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
