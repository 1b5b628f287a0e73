using Microsoft.EntityFrameworkCore;
using OvhCostManager.Core.Classification;
using OvhCostManager.Core.Costs;
using OvhCostManager.Core.Data;
using OvhCostManager.Core.Data.Entities;

namespace OvhCostManager.Core.Budgets;

/// <summary>A budget in force for a month: the latest row of its scope that starts on or before that month.</summary>
public sealed record BudgetInForce(BudgetScope Scope, Money Amount, IReadOnlyList<int> Thresholds, string FromMonth);

/// <summary>One row of a scope's history, newest first on the page.</summary>
public sealed record BudgetChange(long Id, BudgetScope Scope, string FromMonth, Money? Amount, IReadOnlyList<int> Thresholds, DateTimeOffset SavedAtUtc, string? SavedBy);

/// <summary>
/// Saves budgets as history (a change takes effect from a month on, never rewriting earlier months) and tells which
/// budget was in force in a month.
/// </summary>
public sealed class BudgetStore(IDbContextFactory<CostDbContext> contexts, TimeProvider time)
{
    /// <summary>Sets the scope's budget from <paramref name="fromMonth"/> on; null removes it from that month on.</summary>
    /// <exception cref="ArgumentException">A negative amount, no thresholds, a malformed month, an unknown family or an empty key.</exception>
    public async Task SaveAsync(BudgetScope scope, string fromMonth, Money? amount, IReadOnlyList<int> thresholds, string? savedBy, CancellationToken cancellationToken = default)
    {
        if (amount is { } a && a < Money.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(amount), a, "A budget cannot be negative.");
        }

        if (!BillingMonth.TryParse(fromMonth, out _, out var monthError))
        {
            throw new ArgumentException(monthError, nameof(fromMonth));
        }

        if (thresholds.Count == 0 || thresholds.Any(t => t is < 1 or > 1000))
        {
            throw new ArgumentException("Thresholds are whole percentages from 1 to 1000.", nameof(thresholds));
        }

        var valid = scope.Kind switch
        {
            BudgetScopeKind.Account => scope.Key.Length == 0,
            BudgetScopeKind.Family => Enum.TryParse<CostFamily>(scope.Key, out var f) && Enum.IsDefined(f) && f.ToString() == scope.Key,
            _ => !string.IsNullOrWhiteSpace(scope.Key),
        };
        if (!valid)
        {
            throw new ArgumentException($"'{scope.Key}' is not a {scope.Kind.ToString().ToLowerInvariant()} a budget can cover.", nameof(scope));
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.Budgets.Add(new BudgetRecord
        {
            ScopeKind = scope.Kind,
            ScopeKey = scope.Key,
            FromMonth = fromMonth,
            Amount = amount,
            Thresholds = BudgetThresholds.Format(thresholds.Distinct().Order()),
            SavedAtUtc = time.GetUtcNow(),
            SavedBy = savedBy,
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Every budget in force in <paramref name="month"/>, the account's first.</summary>
    public async Task<IReadOnlyList<BudgetInForce>> InForceAsync(string month, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await InForceAsync(db, month, cancellationToken);
    }

    internal static async Task<IReadOnlyList<BudgetInForce>> InForceAsync(CostDbContext db, string month, CancellationToken cancellationToken)
    {
        var rows = await db.Budgets.Where(b => string.Compare(b.FromMonth, month) <= 0).ToListAsync(cancellationToken);
        return rows.GroupBy(r => (r.ScopeKind, r.ScopeKey))
            .Select(g => g.OrderByDescending(r => r.FromMonth, StringComparer.Ordinal).ThenByDescending(r => r.Id).First())
            .Where(r => r.Amount is not null)
            .Select(r => new BudgetInForce(new BudgetScope(r.ScopeKind, r.ScopeKey), r.Amount!.Value, BudgetThresholds.Parse(r.Thresholds), r.FromMonth))
            .OrderBy(b => b.Scope.Kind).ThenBy(b => b.Scope.Key, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Every change ever saved, newest first.</summary>
    public async Task<IReadOnlyList<BudgetChange>> HistoryAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.Budgets.OrderByDescending(b => b.Id).ToListAsync(cancellationToken);
        return rows.Select(r => new BudgetChange(r.Id, new BudgetScope(r.ScopeKind, r.ScopeKey), r.FromMonth, r.Amount, BudgetThresholds.Parse(r.Thresholds), r.SavedAtUtc, r.SavedBy)).ToList();
    }
}
