using Microsoft.EntityFrameworkCore;
using OvhCostManager.Core.Costs;
using OvhCostManager.Core.Data.Entities;

namespace OvhCostManager.Core.Data;

/// <summary>Writes pay-as-you-go readings, consumption history, account balance and credits.</summary>
public sealed class ConsumptionStore(IDbContextFactory<CostDbContext> contextFactory, TimeProvider time)
{
    /// <summary>
    /// Adds a current or forecast reading with its items. Sets <see cref="ConsumptionSnapshot.Month"/> from the period
    /// start (or the reading time) in the account time zone and <see cref="ConsumptionSnapshot.Total"/> to the sum of
    /// the items. Returns the snapshot id.
    /// </summary>
    public async Task<long> AddSnapshotAsync(ConsumptionSnapshot snapshot, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var zone = await AccountTimeZone.ReadAsync(context, cancellationToken);
        if (snapshot.TakenAtUtc == default)
        {
            snapshot.TakenAtUtc = time.GetUtcNow();
        }

        snapshot.Month = BillingMonth.Of(snapshot.PeriodStartUtc ?? snapshot.TakenAtUtc, zone);
        snapshot.Total = Money.Sum(snapshot.Items.Select(i => i.Amount));
        context.ConsumptionSnapshots.Add(snapshot);
        await context.SaveChangesAsync(cancellationToken);
        return snapshot.Id;
    }

    /// <summary>
    /// Replaces the history of the months present in <paramref name="entries"/> (or of <paramref name="months"/> when
    /// given), in one transaction; other months are kept. An entry's month is taken from its period start in the
    /// account time zone when it has one.
    /// </summary>
    public async Task ReplaceHistoryAsync(IReadOnlyList<ConsumptionHistoryEntry> entries, IReadOnlyCollection<string>? months = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        context.ChangeTracker.AutoDetectChangesEnabled = false;
        var zone = await AccountTimeZone.ReadAsync(context, cancellationToken);
        foreach (var entry in entries)
        {
            if (entry.PeriodStartUtc is { } start)
            {
                entry.Month = BillingMonth.Of(start, zone);
            }
            else if (string.IsNullOrEmpty(entry.Month))
            {
                throw new ArgumentException($"A consumption history entry of service {entry.ServiceId} has neither a period start nor a month.", nameof(entries));
            }
        }

        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
        foreach (var month in (months ?? entries.Select(e => e.Month).ToList()).Distinct(StringComparer.Ordinal))
        {
            await context.Database.ExecuteSqlInterpolatedAsync($"DELETE FROM consumption_history WHERE Month = {month}", cancellationToken);
        }

        foreach (var entry in entries)
        {
            context.Entry(entry).State = EntityState.Added;
        }

        await context.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Adds a debt/credit/deposit reading; returns its id.</summary>
    public async Task<long> AddBalanceSnapshotAsync(AccountBalanceSnapshot snapshot, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (snapshot.TakenAtUtc == default)
        {
            snapshot.TakenAtUtc = time.GetUtcNow();
        }

        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        context.AccountBalanceSnapshots.Add(snapshot);
        await context.SaveChangesAsync(cancellationToken);
        return snapshot.Id;
    }

    /// <summary>Makes the credit balances and movements exactly the given lists, in one transaction.</summary>
    public async Task ReplaceCreditsAsync(IReadOnlyList<CreditBalance> balances, IReadOnlyList<CreditMovement> movements, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(balances);
        ArgumentNullException.ThrowIfNull(movements);
        var duplicateMovement = movements.GroupBy(m => (m.BalanceName, m.MovementId)).FirstOrDefault(g => g.Count() > 1);
        if (duplicateMovement is not null)
        {
            throw new ArgumentException($"Credit movement {duplicateMovement.Key.MovementId} of balance '{duplicateMovement.Key.BalanceName}' appears twice.", nameof(movements));
        }

        var duplicateBalance = balances.GroupBy(b => b.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicateBalance is not null)
        {
            throw new ArgumentException($"Credit balance '{duplicateBalance.Key}' appears twice.", nameof(balances));
        }

        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        context.ChangeTracker.AutoDetectChangesEnabled = false;
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
        await context.Database.ExecuteSqlRawAsync("DELETE FROM credit_movements; DELETE FROM credit_balances;", cancellationToken);
        foreach (var balance in balances)
        {
            context.Entry(balance).State = EntityState.Added;
        }

        foreach (var movement in movements)
        {
            context.Entry(movement).State = EntityState.Added;
        }

        await context.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
