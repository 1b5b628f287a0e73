using Microsoft.EntityFrameworkCore;
using OvhCostManager.Core.Costs;
using OvhCostManager.Core.Data;

namespace OvhCostManager.Core.Cash;

/// <summary>
/// A month that has begun, with the calendar's forecast of it (as the last sync before it began computed it) and
/// what its bills say under the invoiced lens (<see cref="ForecastOn"/>: the sync's day in the account time zone); <see cref="BilledWithoutTax"/> is null while no bill of the month is stored.
/// </summary>
public sealed record ForecastAgainstBilled(string Month, DateTimeOffset ForecastAtUtc, DateOnly ForecastOn, Money ForecastWithoutTax, Money ForecastWithTax,
    Money? BilledWithoutTax, Money? BilledWithTax, bool Closed)
{
    public Money? Difference => BilledWithoutTax is { } billed ? billed - ForecastWithoutTax : null;
}

/// <summary>The kept forecasts of the months that have begun, newest first, next to the month's invoices.</summary>
public sealed class ForecastAgainstBilledQuery(IDbContextFactory<CostDbContext> contexts, CostLedger ledger, TimeProvider time)
{
    public const int MonthCount = 12;

    public async Task<IReadOnlyList<ForecastAgainstBilled>> GetAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var zone = await AccountTimeZone.ReadAsync(db, cancellationToken);
        var current = BillingMonth.Of(time.GetUtcNow(), zone);
        var forecasts = (await db.CashMonthForecasts.AsNoTracking().ToListAsync(cancellationToken))
            .Where(f => string.CompareOrdinal(f.Month, current) <= 0)
            .OrderByDescending(f => f.Month, StringComparer.Ordinal).Take(MonthCount).ToList();
        var months = forecasts.Select(f => f.Month).ToList();
        var invoiced = (await ledger.GetMonthsAsync(months, CostLens.Invoiced, cancellationToken)).ToDictionary(m => m.Month, StringComparer.Ordinal);
        var bills = (await db.Bills.Where(b => months.Contains(b.BillingMonth)).Select(b => new { b.BillingMonth, b.PriceWithTax }).ToListAsync(cancellationToken))
            .ToLookup(b => b.BillingMonth, b => b.PriceWithTax, StringComparer.Ordinal);
        return forecasts.Select(f =>
        {
            var billed = bills[f.Month].Any();
            return new ForecastAgainstBilled(f.Month, f.ComputedAtUtc, DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(f.ComputedAtUtc, zone).DateTime), f.TotalWithoutTax, f.TotalWithTax,
                billed ? invoiced[f.Month].Total : null, billed ? Money.Sum(bills[f.Month]) : null, f.Month != current);
        }).ToList();
    }
}
