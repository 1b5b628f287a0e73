using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OvhCostManager.Core.Costs;
using OvhCostManager.Core.Data;
using OvhCostManager.Core.Data.Entities;

namespace OvhCostManager.Core.Changes;

/// <summary>
/// The day's changes: each instance of the day's rows (<see cref="ResourceDayRecorder"/>) against the day compared with,
/// the service plans whose day's cost jumped against the day before's (<see cref="UsageJumpRule"/>), the services newly
/// billed or no longer billed by the bills dated between the two days (<see cref="BillLineChanges"/>), the services
/// renewed, expiring or expired (<see cref="ServiceTermChanges"/>), and the anomalies
/// of the day's pay-as-you-go cost per project and per plan family (<see cref="AnomalyRule"/>); days' costs as
/// <see cref="DailyCosts"/> computes them.
/// </summary>
public sealed class DailyChangesQuery(IDbContextFactory<CostDbContext> contexts, IOptions<InsightsOptions> options, TimeProvider clock)
{
    public AnomalyRule Rule { get; } = AnomalyRule.From(options.Value);

    /// <summary>The changes and anomalies of the day <paramref name="instant"/> falls on, in the account time zone (the entry point for alerts).</summary>
    public async Task<DailyChangesReport> AtAsync(DateTimeOffset instant, CancellationToken cancellationToken = default)
    {
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        var zone = await AccountTimeZone.ReadAsync(context, cancellationToken);
        return await GetAsync(LocalDays.Of(instant, zone), null, cancellationToken);
    }

    /// <summary>
    /// <paramref name="day"/> (default: the latest day observed) against <paramref name="since"/> (default: the day
    /// before), or the last day observed before that one. <paramref name="since"/> must be before the day.
    /// </summary>
    public async Task<DailyChangesReport> GetAsync(DateOnly? day = null, DateOnly? since = null, CancellationToken cancellationToken = default)
    {
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        var zone = await AccountTimeZone.ReadAsync(context, cancellationToken);
        var examined = day ?? await context.ResourceDays.Select(r => (DateOnly?)r.Day).MaxAsync(cancellationToken) ?? LocalDays.Of(clock.GetUtcNow(), zone);
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
        var billLines = compared is { } start ? await BillLineChanges.BetweenAsync(context, zone, start, examined, cancellationToken) : [];
        var services = compared is { } then ? await ServiceTermChanges.BetweenAsync(context, then, examined, cancellationToken) : [];
        var (jumps, anomalies) = await UsageAsync(context, zone, examined, projects, cancellationToken);
        var currency = await context.ConsumptionSnapshots.OrderByDescending(s => s.Id).Select(s => s.Currency).FirstOrDefaultAsync(cancellationToken) ?? "EUR";
        return new DailyChangesReport(examined, compared, changes, jumps, billLines, services, anomalies, Rule, currency);
    }

    private static async Task<IReadOnlyList<ResourceChange>> ChangesAsync(CostDbContext context, DateOnly from, DateOnly to,
        IReadOnlyDictionary<string, string> projects, CancellationToken cancellationToken)
    {
        var rows = await context.ResourceDays.Where(r => r.Kind == ResourceDayKind.Instance && (r.Day == from || r.Day == to)).ToListAsync(cancellationToken);
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

    private async Task<(IReadOnlyList<UsageJump>, IReadOnlyList<CostAnomaly>)> UsageAsync(CostDbContext context, TimeZoneInfo zone, DateOnly day,
        IReadOnlyDictionary<string, string> projects, CancellationToken cancellationToken)
    {
        var costs = await DailyCosts.ReadAsync(context, zone, day.AddDays(-Rule.LookBackDays - 1), day, cancellationToken);
        var services = await context.ServiceRenewals.Where(r => r.ServiceId != null)
            .Select(r => new { r.ServiceId, r.ServiceName }).ToListAsync(cancellationToken);
        var projectOfService = services.GroupBy(s => s.ServiceId!.Value).ToDictionary(g => g.Key, g => g.First().ServiceName);
        return (Jumps(costs, day, projectOfService, projects), Anomalies(costs, day, projectOfService, projects));
    }

    private IReadOnlyList<UsageJump> Jumps(DailyCosts costs, DateOnly day, IReadOnlyDictionary<long, string> projectOfService,
        IReadOnlyDictionary<string, string> projects)
    {
        var rule = new UsageJumpRule(Rule.Floor);
        var plans = costs.Per(line => $"{line.ServiceId} {line.PlanCode}");
        var jumps = new List<UsageJump>();
        foreach (var subject in plans.Subjects)
        {
            if (plans.CostOf(subject, day) is not { } cost || plans.CostOf(subject, day.AddDays(-1)) is not { } previous || !rule.Jumped(cost, previous)) continue;
            var (service, planCode) = (long.Parse(subject[..subject.IndexOf(' ')], CultureInfo.InvariantCulture), subject[(subject.IndexOf(' ') + 1)..]);
            var project = projectOfService.GetValueOrDefault(service);
            jumps.Add(new UsageJump($"jump:{service}:{planCode}:{day:yyyy-MM-dd}", service, project, project is null ? null : projects.GetValueOrDefault(project),
                planCode, previous, cost));
        }

        return jumps.OrderByDescending(j => j.PerDay.Ucents).ThenBy(j => j.PlanCode, StringComparer.Ordinal).ToList();
    }

    private IReadOnlyList<CostAnomaly> Anomalies(DailyCosts costs, DateOnly day, IReadOnlyDictionary<long, string> projectOfService,
        IReadOnlyDictionary<string, string> projects)
    {
        var anomalies = new List<CostAnomaly>();
        foreach (var (scope, subjectOf) in new (AnomalyScope, Func<ReadingLine, string>)[]
                 {
                     (AnomalyScope.Project, line => projectOfService.GetValueOrDefault(line.ServiceId) ?? $"service {line.ServiceId}"),
                     (AnomalyScope.Family, line => string.IsNullOrEmpty(line.PlanFamily) ? "other" : line.PlanFamily),
                 })
        {
            var perSubject = costs.Per(subjectOf);
            foreach (var subject in perSubject.Subjects)
            {
                if (perSubject.CostOf(subject, day) is not { } cost) continue;
                var window = Enumerable.Range(1, Rule.LookBackDays).Select(n => perSubject.CostOf(subject, day.AddDays(-n))).OfType<Money>().ToList();
                if (Rule.Judge(cost, window) is not { IsAnomaly: true } judgement) continue;
                anomalies.Add(new CostAnomaly($"anomaly:{scope}:{subject}:{day:yyyy-MM-dd}", scope, subject,
                    scope == AnomalyScope.Project ? projects.GetValueOrDefault(subject) : null, day, judgement));
            }
        }

        return anomalies.OrderByDescending(a => Math.Abs(a.Judgement.Deviation.Ucents)).ToList();
    }
}
