using Microsoft.EntityFrameworkCore;
using OvhCostManager.Core.Costs;
using OvhCostManager.Core.Data;
using OvhCostManager.Core.Data.Entities;
using OvhCostManager.Core.Overview;

namespace OvhCostManager.Core.Budgets;

/// <summary>
/// One budget in its month: what the scope has incurred, the prorated line, and (month in progress) the scope's
/// end-of-month forecast, measured by the same method as the Overview's forecast of the account.
/// </summary>
public sealed record BudgetProgress(BudgetInForce Budget, string ScopeName, BudgetStatus Status)
{
    /// <summary>The highest threshold the actual amount has reached; null below the lowest.</summary>
    public int? ActualThreshold => HighestReached(Status.Consumed);

    /// <summary>The highest threshold the forecast reaches; null without a forecast or below the lowest.</summary>
    public int? ForecastThreshold => Status.Forecast is { } f ? HighestReached(f) : null;

    /// <summary>
    /// <paramref name="amount"/> reaches a threshold when it is at least that percentage of the budget
    /// (amount × 100 ≥ budget × threshold, in micro-cents: no rounding decides a crossing). Nothing spent reaches nothing.
    /// </summary>
    public int? HighestReached(Money amount) =>
        amount > Money.Zero
            ? Budget.Thresholds.Where(t => (Int128)amount.Ucents * 100 >= (Int128)Budget.Amount.Ucents * t).Select(t => (int?)t).Max()
            : null;
}

/// <summary>Every budget in force in a month, measured on the incurred lens.</summary>
public sealed record BudgetReport(string Month, string Currency, MonthProgress Progress, IReadOnlyList<BudgetProgress> Budgets);

/// <summary>
/// Measures budgets on the cost model's incurred lens (<see cref="CostLedger"/>). The forecast of a scope is the
/// Overview's method restricted to that scope: what the scope holds so far, plus the scope's part of OVH's latest
/// consumption forecast not consumed yet (OVH's forecast has one item per service, labelled like bill lines), plus the
/// scope's recurring services still expected this month at last month's cost.
/// </summary>
public sealed class BudgetProgressQuery(IDbContextFactory<CostDbContext> contexts, CostLedger ledger, TimeProvider time)
{
    public async Task<BudgetReport> GetAsync(string month, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var settings = await db.ReadAccountSettingsAsync(cancellationToken);
        var today = OverviewQueries.Today(time, AccountTimeZone.Find(settings.TimeZoneId));
        var progress = MonthProgress.Of(month, today);
        var budgets = await BudgetStore.InForceAsync(db, month, cancellationToken);
        if (budgets.Count == 0)
        {
            return new BudgetReport(month, settings.Currency, progress, []);
        }

        var costs = (await ledger.GetMonthsAsync([month], CostLens.Incurred, cancellationToken))[0];
        var names = await OverviewQueries.ProjectNamesAsync(db, cancellationToken);
        IReadOnlyList<CostEntry> forecastItems = [];
        MonthInProgress? inProgress = null;
        if (progress.IsInProgress)
        {
            var consumption = await OverviewQueries.ConsumptionAsync(db, cancellationToken);
            forecastItems = consumption is { Forecast: not null } && consumption.Month == month ? await ledger.GetConsumptionForecastAsync(month, cancellationToken) : [];
            inProgress = await OverviewQueries.MonthInProgressAsync(db, month, today, cancellationToken);
        }

        var rows = budgets.Select(b =>
        {
            var scope = b.Scope;
            var entries = costs.Entries.Where(scope.Covers).ToList();
            Money? forecast = null;
            if (progress.IsInProgress)
            {
                var soFar = Sum(entries);
                var rest = forecastItems.Count > 0 ? Sum(forecastItems.Where(scope.Covers)) - Sum(entries.Where(e => e.Basis == CostBasis.NotBilledYet)) : Money.Zero;
                var expected = inProgress?.MissingServices.Where(s => scope.Covers(s.Type, s.CloudProjectId, s.ServiceName)).ToList() ?? [];
                forecast = new MonthForecast(soFar, rest, Money.Sum(expected.Select(s => s.LastMonthAmount)), expected.Count, forecastItems.Count > 0).Amount;
            }

            var name = scope.Kind == BudgetScopeKind.Project ? OverviewQueries.ProjectName(names, scope.Key) : scope.Key;
            return new BudgetProgress(b, name, BudgetStatus.Of(b.Amount, Sum(entries), forecast, progress));
        }).ToList();
        return new BudgetReport(month, settings.Currency, progress, rows);
    }

    /// <summary>The cloud projects a budget can cover: id and name (the id when it has none).</summary>
    public async Task<IReadOnlyList<(string Id, string Name)>> GetProjectsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var names = await OverviewQueries.ProjectNamesAsync(db, cancellationToken);
        return names.Keys.Select(id => (id, OverviewQueries.ProjectName(names, id))).ToList();
    }

    private static Money Sum(IEnumerable<CostEntry> entries) => Money.Sum(entries.Select(e => e.Amount));
}
