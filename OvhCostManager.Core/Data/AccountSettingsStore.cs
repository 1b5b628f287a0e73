using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using OvhCostManager.Core.Costs;
using OvhCostManager.Core.Data.Entities;

namespace OvhCostManager.Core.Data;

/// <summary>Reads and saves the single <see cref="AccountSettings"/> row (time zone, currency).</summary>
public sealed partial class AccountSettingsStore(IDbContextFactory<CostDbContext> contextFactory, TimeProvider time)
{
    /// <summary>The settings; defaults (Europe/Paris, EUR) when the row is missing.</summary>
    public async Task<AccountSettings> GetAsync(CancellationToken cancellationToken = default)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await context.ReadAccountSettingsAsync(cancellationToken);
    }

    /// <summary>The zone in which bills and readings are assigned to months.</summary>
    public async Task<TimeZoneInfo> GetTimeZoneAsync(CancellationToken cancellationToken = default)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await AccountTimeZone.ReadAsync(context, cancellationToken);
    }

    /// <summary>Saves the account currency (ISO 4217 code, e.g. EUR).</summary>
    /// <exception cref="ArgumentException">The code is not three capital letters.</exception>
    public Task SaveCurrencyAsync(string currencyCode, CancellationToken cancellationToken = default)
    {
        if (currencyCode is null || !CurrencyCode().IsMatch(currencyCode))
        {
            throw new ArgumentException($"'{currencyCode}' is not an ISO 4217 currency code such as EUR.", nameof(currencyCode));
        }

        return UpdateAsync(s => s.Currency = currencyCode, cancellationToken);
    }

    /// <summary>
    /// Saves the account time zone and, in the same transaction, recomputes the month of every bill, bill line and
    /// consumption snapshot, since a month boundary depends on the zone.
    /// </summary>
    /// <exception cref="ArgumentException">The id is not a time zone known to the system.</exception>
    public async Task SaveTimeZoneAsync(string timeZoneId, CancellationToken cancellationToken = default)
    {
        var zone = AccountTimeZone.Find(timeZoneId);
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
        var settings = await LoadOrCreateAsync(context, cancellationToken);
        settings.TimeZoneId = timeZoneId;
        settings.UpdatedAtUtc = time.GetUtcNow();

        var bills = await context.Bills.AsTracking().ToListAsync(cancellationToken);
        foreach (var bill in bills)
        {
            bill.BillingMonth = BillingMonth.Of(bill.DateUtc, zone);
        }

        var snapshots = await context.ConsumptionSnapshots.AsTracking().ToListAsync(cancellationToken);
        foreach (var snapshot in snapshots)
        {
            snapshot.Month = BillingMonth.Of(snapshot.PeriodStartUtc ?? snapshot.TakenAtUtc, zone);
        }

        await context.SaveChangesAsync(cancellationToken);
        await context.Database.ExecuteSqlRawAsync(
            "UPDATE bill_lines SET BillingMonth = (SELECT b.BillingMonth FROM bills b WHERE b.Id = bill_lines.BillId) " +
            "WHERE BillingMonth <> (SELECT b.BillingMonth FROM bills b WHERE b.Id = bill_lines.BillId);",
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private async Task UpdateAsync(Action<AccountSettings> change, CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var settings = await LoadOrCreateAsync(context, cancellationToken);
        change(settings);
        settings.UpdatedAtUtc = time.GetUtcNow();
        await context.SaveChangesAsync(cancellationToken);
    }

    private static async Task<AccountSettings> LoadOrCreateAsync(CostDbContext context, CancellationToken cancellationToken)
    {
        var settings = await context.AccountSettings.AsTracking().FirstOrDefaultAsync(s => s.Id == AccountSettings.SingletonId, cancellationToken);
        if (settings is null)
        {
            settings = new AccountSettings();
            context.AccountSettings.Add(settings);
        }

        return settings;
    }

    [GeneratedRegex("^[A-Z]{3}$")]
    private static partial Regex CurrencyCode();
}
