using Microsoft.EntityFrameworkCore;
using OvhCostManager.Core.Costs;
using OvhCostManager.Core.Data;
using OvhCostManager.Core.Data.Entities;

namespace OvhCostManager.Core.Cash;

/// <summary>
/// Keeps the calendar's forecast of every month still to come, as each inventory sync computes it. A month that has
/// begun is never rewritten, so its row is the forecast of the last sync before it began.
/// </summary>
public sealed class CashForecastRecorder(IDbContextFactory<CostDbContext> contexts, CashCalendarQuery calendar, TimeProvider time)
{
    public async Task RecordAsync(CancellationToken cancellationToken = default)
    {
        var view = await calendar.GetAsync(cancellationToken);
        var current = BillingMonth.Of(view.Today);
        var now = time.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var future = view.Months.Where(m => string.CompareOrdinal(m.Month, current) > 0).ToList();
        var names = future.Select(m => m.Month).ToList();
        var stored = await db.CashMonthForecasts.AsTracking().Where(f => names.Contains(f.Month)).ToDictionaryAsync(f => f.Month, StringComparer.Ordinal, cancellationToken);
        foreach (var month in future)
        {
            if (!stored.TryGetValue(month.Month, out var row))
            {
                row = new CashMonthForecast { Month = month.Month };
                db.CashMonthForecasts.Add(row);
            }

            row.ComputedAtUtc = now;
            row.Renewals = month.RenewalsTotal;
            row.Consumption = month.ExpectedConsumption;
            row.TotalWithoutTax = month.TotalWithoutTax;
            row.TotalWithTax = month.TotalWithTax;
            row.Currency = view.Currency;
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
