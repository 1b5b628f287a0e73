using Microsoft.EntityFrameworkCore;
using OvhCostManager.Core.Costs;
using OvhCostManager.Core.Data;
using OvhCostManager.Core.Data.Entities;

namespace OvhCostManager.Core.Savings;

/// <summary>Which hours a saving is computed from.</summary>
public enum AdviceBasis
{
    /// <summary>The last closed month, when the instance existed for all of it: its hours and what they were billed.</summary>
    PreviousMonth,

    /// <summary>This month's hours so far plus every hour left until its end (the instance keeps running), at the catalogue's hourly price.</summary>
    CurrentMonthProjected,
}

/// <summary>
/// One instance billed by the hour. <see cref="Saving"/> is what a month at the basis' hours costs by the hour minus the
/// flavour's monthly price: positive, switching to monthly billing saves it; negative, switching would lose it.
/// Prices and saving are null when the catalogue has no price for the flavour.
/// </summary>
public sealed record InstanceAdvice(
    string ProjectId, string ProjectName, string InstanceId, string InstanceName, string Flavor, string? Region,
    decimal? PreviousMonthHours, decimal? CurrentMonthHours, Money? HourlyPrice, Money? MonthlyPrice, decimal? BreakEvenHours,
    AdviceBasis Basis, decimal BasisHours, Money? HourlyCost, Money? Saving);

/// <summary>The advice for every hourly instance, sorted by saving (largest first), and the total of the positive savings.</summary>
public sealed record HourlyToMonthlyAdvice(string CurrentMonth, string PreviousMonth, IReadOnlyList<InstanceAdvice> Instances, Money PossibleSaving,
    DateTimeOffset? CatalogReadAtUtc)
{
    public int Unpriced => Instances.Count(i => i.Saving is null);
}

/// <summary>
/// Hourly → monthly advice for Public Cloud: for each live instance billed by the hour, its hours last month and this
/// month, its flavour's two prices from OVH's public catalogue and the break-even hours (monthly price ÷ hourly price).
/// OVH rule: a monthly instance is billed its flavour's monthly price for the month whatever it runs, an hourly one
/// each started hour.
/// </summary>
public sealed class HourlyToMonthlyAdvisor(IDbContextFactory<CostDbContext> contexts, TimeProvider time)
{
    public async Task<HourlyToMonthlyAdvice> GetAsync(CancellationToken cancellationToken = default)
    {
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        var zone = await AccountTimeZone.ReadAsync(context, cancellationToken);
        var now = time.GetUtcNow();
        var current = BillingMonth.Of(now, zone);
        var previous = BillingMonth.Previous(current);
        var monthEnd = BillingMonth.StartIn(BillingMonth.Next(current), zone);
        var previousStart = BillingMonth.StartIn(previous, zone);
        var prices = await CatalogPrices.ReadAsync(context, cancellationToken);
        var instances = await (from i in context.CloudInstances.AsNoTracking()
                               join p in context.CloudProjects.AsNoTracking() on i.ProjectId equals p.Id
                               where !i.MonthlyBilling && p.RemovedAtUtc == null
                               select new { Instance = i, ProjectName = p.Name }).ToListAsync(cancellationToken);
        var hours = (await context.CloudInstanceHours.AsNoTracking().Where(h => h.Month == current || h.Month == previous).ToListAsync(cancellationToken))
            .ToLookup(h => (h.ProjectId, h.InstanceId, h.Month));

        var advice = instances.Select(x =>
        {
            var i = x.Instance;
            var flavor = i.PlanCode ?? i.Flavor ?? "";
            var before = hours[(i.ProjectId, i.InstanceId, previous)].ToList();
            var soFar = hours[(i.ProjectId, i.InstanceId, current)].ToList();
            var wholePreviousMonth = i.CreatedAtUtc is null || i.CreatedAtUtc <= previousStart;
            return Advise(i, x.ProjectName, flavor, prices, wholePreviousMonth ? Sum(before) : null, Sum(before)?.Hours, Sum(soFar), monthEnd);
        }).OrderByDescending(a => a.Saving?.Ucents ?? long.MinValue).ThenBy(a => a.InstanceName, StringComparer.Ordinal).ToList();

        return new HourlyToMonthlyAdvice(current, previous, advice,
            Money.Sum(advice.Where(a => a.Saving > Money.Zero).Select(a => a.Saving!.Value)), prices.TakenAtUtc);
    }

    private static (decimal Hours, Money Amount, DateTimeOffset To)? Sum(IReadOnlyList<CloudInstanceHours> rows) =>
        rows.Count == 0 ? null : (rows.Sum(r => r.Hours), Money.Sum(rows.Select(r => r.Amount)), rows.Max(r => r.PeriodToUtc));

    private static InstanceAdvice Advise(CloudInstance i, string projectName, string flavor, CatalogPrices prices,
        (decimal Hours, Money Amount, DateTimeOffset To)? before, decimal? previousHours, (decimal Hours, Money Amount, DateTimeOffset To)? soFar,
        DateTimeOffset monthEnd)
    {
        var hourly = prices.PerHour(CatalogPrices.HourlyPlan(flavor));
        var monthly = prices.PerMonth(CatalogPrices.MonthlyPlan(flavor));
        var breakEven = hourly is { Ucents: > 0 } h && monthly is { } m ? (decimal)m.Ucents / h.Ucents : (decimal?)null;
        AdviceBasis basis;
        decimal basisHours;
        Money? cost;
        if (before is { Hours: > 0 } closed)
        {
            (basis, basisHours, cost) = (AdviceBasis.PreviousMonth, closed.Hours, closed.Amount);
        }
        else
        {
            var left = soFar is { } s && s.To < monthEnd ? (decimal)(monthEnd - s.To).TotalHours : 0m;
            basisHours = (soFar?.Hours ?? 0m) + left;
            basis = AdviceBasis.CurrentMonthProjected;
            cost = hourly is { } price ? Money.FromDecimal(price.Amount * basisHours) : null;
        }

        return new InstanceAdvice(i.ProjectId, projectName, i.InstanceId, i.Name, flavor, i.Region, previousHours, soFar?.Hours,
            hourly, monthly, breakEven, basis, basisHours, cost, cost is { } c && monthly is { } mp ? c - mp : null);
    }
}
