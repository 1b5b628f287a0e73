using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OvhCostManager.Core.Costs;
using OvhCostManager.Core.Data;
using OvhCostManager.Core.Data.Entities;

namespace OvhCostManager.Core.Cash;

/// <summary>
/// One credit balance or voucher at the current burn rate: <see cref="RunsOutOn"/> when it is used up before it
/// expires, else <see cref="ExpiringUnused"/>, what will still be on it at <see cref="ExpiresOn"/>.
/// </summary>
public sealed record CreditRunwayRow(
    string Name,
    string Type,
    Money Remaining,
    DateOnly? ExpiresOn,
    Money BurnedInWindow,
    Money DailyBurn,
    DateOnly? RunsOutOn,
    Money ExpiringUnused);

/// <summary>The account's credits at their burn rate, the unpaid bills and the debt balance.</summary>
public sealed record CreditRunway(DateOnly Today, string Currency, int WindowDays, IReadOnlyList<CreditRunwayRow> Balances, IReadOnlyList<UnpaidBill> UnpaidBills,
    Money Debt, int DueWarningDays)
{
    public const int DefaultWindowDays = 30;
}

/// <summary>
/// A bill not paid yet, with its age and its debt's due date (<see cref="DaysToDue"/>: negative once past). It is
/// flagged <see cref="DueSoon"/> from <see cref="CashOptions.DueWarningDays"/> days before the due date, and after it.
/// </summary>
public sealed record UnpaidBill(string Id, DateOnly Date, int AgeDays, Money PriceWithTax, DateOnly? DueOn, int? DaysToDue, bool DueSoon);

/// <summary>
/// Credit balances and vouchers (<c>/me/credit/balance</c> and movements), with the burn rate of the last
/// <see cref="CreditRunway.DefaultWindowDays"/> days: the uses (negative movements) of the window over its days.
/// </summary>
public sealed class CreditRunwayQuery(IDbContextFactory<CostDbContext> contexts, Account.AccountQuery account, IOptions<CashOptions> options, TimeProvider time)
{
    public async Task<CreditRunway> GetAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var settings = await db.ReadAccountSettingsAsync(cancellationToken);
        var zone = await AccountTimeZone.ReadAsync(db, cancellationToken);
        var now = time.GetUtcNow();
        var today = LocalDay(now, zone);
        var windowStart = now.AddDays(-CreditRunway.DefaultWindowDays);

        var balances = await db.CreditBalances.AsNoTracking().ToListAsync(cancellationToken);
        var uses = (await db.CreditMovements.AsNoTracking().Select(m => new { m.BalanceName, m.Amount, m.CreatedAtUtc }).ToListAsync(cancellationToken))
            .Where(m => m.Amount < Money.Zero && m.CreatedAtUtc > windowStart && m.CreatedAtUtc <= now)
            .ToLookup(m => m.BalanceName, m => -m.Amount, StringComparer.Ordinal);
        var rows = balances
            .Select(b => Row(b, Money.Sum(uses[b.Name]), b.NextExpirationUtc is { } e ? LocalDay(e, zone) : null, today))
            .OrderBy(r => r.ExpiresOn ?? DateOnly.MaxValue).ThenBy(r => r.Name, StringComparer.Ordinal)
            .ToList();

        var unpaid = (await db.Bills.AsNoTracking().Where(b => b.PaymentStatus == BillPaymentStatus.Pending)
                .Select(b => new { b.Id, b.DateUtc, b.PriceWithTax, b.DueDateUtc }).ToListAsync(cancellationToken))
            .Select(b => Unpaid(b.Id, LocalDay(b.DateUtc, zone), b.PriceWithTax, b.DueDateUtc is { } due ? LocalDay(due, zone) : null, today))
            .OrderBy(b => b.Date).ThenBy(b => b.Id, StringComparer.Ordinal)
            .ToList();
        var balance = await account.GetBalanceAsync(cancellationToken);
        return new CreditRunway(today, settings.Currency, CreditRunway.DefaultWindowDays, rows, unpaid, balance.Debt, options.Value.DueWarningDays);
    }

    private UnpaidBill Unpaid(string id, DateOnly date, Money amount, DateOnly? due, DateOnly today)
    {
        int? daysToDue = due is { } d ? d.DayNumber - today.DayNumber : null;
        return new UnpaidBill(id, date, today.DayNumber - date.DayNumber, amount, due, daysToDue, daysToDue <= options.Value.DueWarningDays);
    }

    /// <summary>
    /// At the daily burn (window uses ÷ window days, to the micro-cent), the balance lasts ⌈remaining ÷ burn⌉ days
    /// from today. A balance that expires first keeps remaining − burn × days to its expiry, lost at the expiry.
    /// </summary>
    private static CreditRunwayRow Row(CreditBalance balance, Money burned, DateOnly? expires, DateOnly today)
    {
        var daily = new Money(burned.Ucents / CreditRunway.DefaultWindowDays);
        DateOnly? runsOut = daily > Money.Zero && balance.Amount > Money.Zero
            ? today.AddDays((int)Math.Min(36_500, (balance.Amount.Ucents + daily.Ucents - 1) / daily.Ucents))
            : null;
        var unused = Money.Zero;
        if (expires is { } expiry && (runsOut is null || runsOut > expiry) && balance.Amount > Money.Zero)
        {
            runsOut = null;
            var left = balance.Amount - new Money(daily.Ucents * Math.Max(0, expiry.DayNumber - today.DayNumber));
            unused = left > Money.Zero ? left : Money.Zero;
        }

        return new CreditRunwayRow(balance.Name, balance.Type, balance.Amount, expires, burned, daily, runsOut, unused);
    }

    private static DateOnly LocalDay(DateTimeOffset instant, TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);
}
