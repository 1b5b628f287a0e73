using Microsoft.EntityFrameworkCore;
using OvhCostManager.Core.Costs;
using OvhCostManager.Core.Data;
using OvhCostManager.Core.Data.Entities;
using OvhCostManager.Core.PayAsYouGo;

namespace OvhCostManager.Core.Cash;

/// <summary>The next renewals in a window: how many and how much, counting only the certain ones.</summary>
public sealed record UpcomingRenewals(int Days, int Count, Money Total, string Currency);

/// <summary>
/// Builds the twelve-month cash calendar from the stored services (<c>/services</c>: price, renewal period, next
/// expiry, mode, engagement), OVH's consumption forecast and the billed consumption.
/// </summary>
/// <remarks>
/// OVH renews a service on its expiry date, then every renewal period after it, at its <c>pricing</c> price. A service
/// whose expiry has passed is not renewed (OVH suspends it); a service without a known period, or set to end at its
/// expiry, is shown once, on its expiry date. Consumption: the current month is OVH's forecast of it; each later month is the median of the last
/// <see cref="CashCalendar.MedianMonths"/> billed months' consumption (the lines of the next month's consumption bill
/// whose period is that month). A month's consumption is billed on the 1st of the next.
/// </remarks>
public sealed class CashCalendarQuery(IDbContextFactory<CostDbContext> contexts, TimeProvider time)
{
    public async Task<CashCalendar> GetAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var (currency, today) = await TodayAsync(db, cancellationToken);
        var first = BillingMonth.Of(today);
        var months = Enumerable.Range(0, CashCalendar.MonthCount).Select(i => BillingMonth.Of(today.AddMonths(i))).ToList();
        var last = BillingMonth.Days(months[^1]).Last;

        var services = await db.ServiceRenewals.AsNoTracking().ToListAsync(cancellationToken);
        var renewals = services.SelectMany(s => RenewalsOf(s, today, last)).ToList();
        var commitments = services.Where(s => s.EngagedUntil is { } end && end >= today && end <= last)
            .Select(s => new CommitmentEnd(s.ServiceName, s.ResourceType, s.EngagedUntil!.Value)).ToList();

        var forecast = await db.ConsumptionSnapshots.Where(s => s.Kind == ConsumptionKind.Forecast && s.Month == first)
            .OrderByDescending(s => s.TakenAtUtc).Select(s => (Money?)s.Total).FirstOrDefaultAsync(cancellationToken);
        var (medianOf, median) = await MedianAsync(db, first, cancellationToken);
        var taxRate = await TaxRateAsync(db, first, cancellationToken);

        var calendar = months.Select(month =>
        {
            var inMonth = renewals.Where(r => BillingMonth.Of(r.Date) == month).OrderBy(r => r.Date).ThenBy(r => r.ServiceName, StringComparer.Ordinal).ToList();
            var (consumption, basis) = month == first && forecast is { } f ? (f, ConsumptionBasis.OvhForecast)
                : median is { } m ? (m, ConsumptionBasis.BilledMedian)
                : (Money.Zero, ConsumptionBasis.None);
            var certain = inMonth.Where(r => r.Certain).ToList();
            var withoutTax = Money.Sum(certain.Select(r => r.Amount)) + consumption;
            return new CashMonth(month, certain, inMonth.Where(r => !r.Certain).ToList(),
                commitments.Where(c => BillingMonth.Of(c.EndsOn) == month).OrderBy(c => c.EndsOn).ToList(),
                consumption, basis, withoutTax, WithTax(withoutTax, taxRate));
        }).ToList();
        return new CashCalendar(today, currency, calendar, taxRate, medianOf, median);
    }

    /// <summary>The certain renewals from today to today + <paramref name="days"/> (the Overview's card).</summary>
    public async Task<UpcomingRenewals> UpcomingAsync(int days = 30, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var (currency, today) = await TodayAsync(db, cancellationToken);
        var services = await db.ServiceRenewals.AsNoTracking().ToListAsync(cancellationToken);
        var certain = services.SelectMany(s => RenewalsOf(s, today, today.AddDays(days))).Where(r => r.Certain).ToList();
        return new UpcomingRenewals(days, certain.Count, Money.Sum(certain.Select(r => r.Amount)), currency);
    }

    private async Task<(string Currency, DateOnly Today)> TodayAsync(CostDbContext db, CancellationToken cancellationToken)
    {
        var settings = await db.ReadAccountSettingsAsync(cancellationToken);
        var zone = await AccountTimeZone.ReadAsync(db, cancellationToken);
        return (settings.Currency, DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone).DateTime));
    }

    private static IEnumerable<CalendarRenewal> RenewalsOf(ServiceRenewal service, DateOnly from, DateOnly to)
    {
        if (service.ExpiresOn is not { } expiry || expiry < from || service.RenewalPrice is not { } price || price == Money.Zero)
        {
            yield break;
        }

        for (var k = 0; ; k++)
        {
            var date = expiry.AddMonths(k * (service.RenewalPeriodMonths ?? 0));
            if (date > to)
            {
                yield break;
            }

            yield return new CalendarRenewal(service.ServiceName, service.ResourceType, date, price, service.RenewalMode, service.RenewalPeriodMonths,
                service.DeleteAtExpiration);
            if (service.RenewalPeriodMonths is not > 0 || service.DeleteAtExpiration)
            {
                yield break;
            }
        }
    }

    private static async Task<(IReadOnlyList<string> Months, Money? Median)> MedianAsync(CostDbContext db, string current, CancellationToken cancellationToken)
    {
        var billed = new List<(string Month, Money Amount)>();
        var month = current;
        for (var i = 0; i < CashCalendar.MedianMonths; i++)
        {
            month = BillingMonth.Previous(month);
            if (await PayAsYouGoQuery.BilledConsumptionAsync(db, month, cancellationToken) is { } consumption)
            {
                billed.Add((month, consumption.Amount));
            }
        }

        if (billed.Count == 0)
        {
            return ([], null);
        }

        var sorted = billed.Select(b => b.Amount.Ucents).Order().ToList();
        var middle = sorted.Count / 2;
        var median = sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        return (billed.Select(b => b.Month).ToList(), new Money(median));
    }

    /// <summary>The bills' own tax ratio (with tax ÷ without) over the last billed months, to four decimals.</summary>
    private static async Task<decimal?> TaxRateAsync(CostDbContext db, string current, CancellationToken cancellationToken)
    {
        var months = new List<string>();
        var month = current;
        for (var i = 0; i < CashCalendar.TaxMonths; i++)
        {
            month = BillingMonth.Previous(month);
            months.Add(month);
        }

        var bills = await db.Bills.Where(b => months.Contains(b.BillingMonth))
            .Select(b => new { b.PriceWithoutTax, b.PriceWithTax }).ToListAsync(cancellationToken);
        var without = Money.Sum(bills.Select(b => b.PriceWithoutTax));
        return without == Money.Zero ? null : decimal.Round(Money.Sum(bills.Select(b => b.PriceWithTax)).Amount / without.Amount - 1, 4);
    }

    private static Money WithTax(Money amount, decimal? rate) =>
        rate is { } r ? Money.FromDecimal(decimal.Round(amount.Amount * (1 + r), 2, MidpointRounding.AwayFromZero)) : amount;
}
