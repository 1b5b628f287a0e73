using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OvhCostManager.Core.Costs;
using OvhCostManager.Core.Data;
using OvhCostManager.Core.Data.Entities;

namespace OvhCostManager.Core.Changes;

/// <summary>
/// The day's changes: each instance of the day's rows (<see cref="ResourceDayRecorder"/>) against the day compared with,
/// and the anomalies of the day's pay-as-you-go cost per project and per plan family (<see cref="AnomalyRule"/>).
/// </summary>
/// <remarks>
/// A day's cost is what its last current-consumption reading adds to the previous day's last one, scaled to 24 hours
/// (readings need not be 24 hours apart); on the 1st, what the month so far holds, scaled likewise. A day without a
/// reading on the day before has no cost of its own.
/// </remarks>
public sealed class DailyChangesQuery(IDbContextFactory<CostDbContext> contexts, IOptions<InsightsOptions> options, TimeProvider clock)
{
    private const long SecondsPerDay = 86_400;

    public AnomalyRule Rule { get; } = AnomalyRule.From(options.Value);

    /// <summary>The changes and anomalies of the day <paramref name="instant"/> falls on, in the account time zone (the entry point for alerts).</summary>
    public async Task<DailyChangesReport> AtAsync(DateTimeOffset instant, CancellationToken cancellationToken = default)
    {
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        var zone = await AccountTimeZone.ReadAsync(context, cancellationToken);
        return await GetAsync(LocalDay(instant, zone), null, cancellationToken);
    }

    /// <summary>
    /// <paramref name="day"/> (default: the latest day observed) against <paramref name="since"/> (default: the day
    /// before), or the last day observed before that one. <paramref name="since"/> must be before the day.
    /// </summary>
    public async Task<DailyChangesReport> GetAsync(DateOnly? day = null, DateOnly? since = null, CancellationToken cancellationToken = default)
    {
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        var zone = await AccountTimeZone.ReadAsync(context, cancellationToken);
        var examined = day ?? await context.ResourceDays.Select(r => (DateOnly?)r.Day).MaxAsync(cancellationToken) ?? LocalDay(clock.GetUtcNow(), zone);
        if (since is { } asked && asked >= examined)
        {
            throw new ArgumentOutOfRangeException(nameof(since), asked, $"The day compared with ({asked:yyyy-MM-dd}) must be before {examined:yyyy-MM-dd}.");
        }

        // A day without readings is compared through the last day observed before it.
        var upTo = since ?? examined.AddDays(-1);
        // A day not observed yet (no sync since midnight) has nothing to compare: its instances are not all gone.
        var observed = await context.ResourceDays.AnyAsync(r => r.Day == examined, cancellationToken);
        var compared = observed ? await context.ResourceDays.Where(r => r.Day <= upTo).Select(r => (DateOnly?)r.Day).MaxAsync(cancellationToken) : null;
        var projects = await context.CloudProjects.ToDictionaryAsync(p => p.Id, p => p.Name, StringComparer.Ordinal, cancellationToken);
        var changes = compared is { } from ? await ChangesAsync(context, from, examined, projects, cancellationToken) : [];
        var anomalies = await AnomaliesAsync(context, zone, examined, projects, cancellationToken);
        var currency = await context.ConsumptionSnapshots.OrderByDescending(s => s.Id).Select(s => s.Currency).FirstOrDefaultAsync(cancellationToken) ?? "EUR";
        return new DailyChangesReport(examined, compared, changes, anomalies, Rule, currency);
    }

    private static async Task<IReadOnlyList<ResourceChange>> ChangesAsync(CostDbContext context, DateOnly from, DateOnly to,
        IReadOnlyDictionary<string, string> projects, CancellationToken cancellationToken)
    {
        var rows = await context.ResourceDays.Where(r => r.Day == from || r.Day == to).ToListAsync(cancellationToken);
        var before = rows.Where(r => r.Day == from).ToDictionary(r => r.InstanceId, StringComparer.Ordinal);
        var after = rows.Where(r => r.Day == to).ToDictionary(r => r.InstanceId, StringComparer.Ordinal);
        var changes = new List<ResourceChange>();
        foreach (var id in before.Keys.Union(after.Keys, StringComparer.Ordinal))
        {
            var (old, now) = (before.GetValueOrDefault(id), after.GetValueOrDefault(id));
            var kind = (old, now) switch
            {
                (null, not null) => ResourceChangeKind.Appeared,
                (not null, null) => ResourceChangeKind.Gone,
                _ when old!.Flavor != now!.Flavor => ResourceChangeKind.FlavourChanged,
                _ => (ResourceChangeKind?)null,
            };
            if (kind is not { } k) continue;
            var row = now ?? old!;
            Money? perDay = k switch
            {
                ResourceChangeKind.Appeared => Rate(now),
                ResourceChangeKind.Gone => Rate(old) is { } gone ? -gone : null,
                _ => Rate(old) is { } was && Rate(now) is { } rate ? rate - was : null,
            };
            changes.Add(new ResourceChange($"{k}:{id}:{old?.Flavor}>{now?.Flavor}:{to:yyyy-MM-dd}", k, row.ProjectId, projects.GetValueOrDefault(row.ProjectId),
                id, row.Name, old?.Flavor, now?.Flavor, perDay));
        }

        return changes.OrderByDescending(c => Math.Abs(c.PerDay?.Ucents ?? -1)).ThenBy(c => c.Name, StringComparer.Ordinal).ToList();
    }

    private static Money? Rate(ResourceDay? row) =>
        row is { MonthlyBilling: false, HourlyPrice: { } price } ? new Money(price.Ucents * 24) : null;

    private async Task<IReadOnlyList<CostAnomaly>> AnomaliesAsync(CostDbContext context, TimeZoneInfo zone, DateOnly day,
        IReadOnlyDictionary<string, string> projects, CancellationToken cancellationToken)
    {
        var first = day.AddDays(-Rule.LookBackDays - 1);
        var (fromUtc, toUtc) = (StartOf(first, zone), StartOf(day.AddDays(1), zone));
        var readings = (await context.ConsumptionSnapshots
                .Where(s => s.Kind == ConsumptionKind.Current && s.TakenAtUtc >= fromUtc && s.TakenAtUtc < toUtc)
                .Select(s => new { s.Id, s.TakenAtUtc, s.Month })
                .ToListAsync(cancellationToken))
            .GroupBy(s => LocalDay(s.TakenAtUtc, zone))
            .ToDictionary(g => g.Key, g => g.MaxBy(s => s.TakenAtUtc)!);
        var ids = readings.Values.Select(r => r.Id).ToList();
        var items = await context.ConsumptionSnapshotItems.Where(i => ids.Contains(i.SnapshotId))
            .Select(i => new { i.SnapshotId, i.ServiceId, i.PlanFamily, i.Amount })
            .ToListAsync(cancellationToken);
        var services = await context.ServiceRenewals.Where(r => r.ServiceId != null)
            .Select(r => new { r.ServiceId, r.ServiceName }).ToListAsync(cancellationToken);
        var projectOfService = services.GroupBy(s => s.ServiceId!.Value).ToDictionary(g => g.Key, g => g.First().ServiceName);

        var anomalies = new List<CostAnomaly>();
        foreach (var (scope, subjectOf) in new (AnomalyScope, Func<long, string?, string>)[]
                 {
                     (AnomalyScope.Project, (service, _) => projectOfService.GetValueOrDefault(service) ?? $"service {service}"),
                     (AnomalyScope.Family, (_, family) => string.IsNullOrEmpty(family) ? "other" : family),
                 })
        {
            var monthToDate = items
                .GroupBy(i => (i.SnapshotId, Subject: subjectOf(i.ServiceId, i.PlanFamily)))
                .ToDictionary(g => g.Key, g => Money.Sum(g.Select(i => i.Amount)));
            foreach (var subject in monthToDate.Keys.Select(k => k.Subject).Distinct(StringComparer.Ordinal))
            {
                Money? CostOf(DateOnly d)
                {
                    if (!readings.TryGetValue(d, out var reading) || !readings.TryGetValue(d.AddDays(-1), out var previous)) return null;
                    var sofar = monthToDate.GetValueOrDefault((reading.Id, subject));
                    var newMonth = reading.Month != previous.Month;
                    var spent = newMonth ? sofar : sofar - monthToDate.GetValueOrDefault((previous.Id, subject));
                    var since = newMonth ? StartOf(new DateOnly(d.Year, d.Month, 1), zone) : previous.TakenAtUtc;
                    var seconds = (long)(reading.TakenAtUtc - since).TotalSeconds;
                    return seconds <= 0 ? null : new Money((long)((Int128)spent.Ucents * SecondsPerDay / seconds));
                }

                if (CostOf(day) is not { } cost) continue;
                var window = Enumerable.Range(1, Rule.LookBackDays).Select(n => CostOf(day.AddDays(-n))).OfType<Money>().ToList();
                if (Rule.Judge(cost, window) is not { IsAnomaly: true } judgement) continue;
                anomalies.Add(new CostAnomaly($"anomaly:{scope}:{subject}:{day:yyyy-MM-dd}", scope, subject,
                    scope == AnomalyScope.Project ? projects.GetValueOrDefault(subject) : null, day, judgement));
            }
        }

        return anomalies.OrderByDescending(a => Math.Abs(a.Judgement.Deviation.Ucents)).ToList();
    }

    private static DateOnly LocalDay(DateTimeOffset instant, TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);

    private static DateTimeOffset StartOf(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
