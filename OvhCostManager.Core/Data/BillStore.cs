using Microsoft.EntityFrameworkCore;
using OvhCostManager.Core.Costs;
using OvhCostManager.Core.Data.Entities;

namespace OvhCostManager.Core.Data;

/// <summary>What the store knows about a bill's lines, to decide whether a differential import must re-fetch it.</summary>
public sealed record BillFingerprint(int LineCount, string LinesHash, bool LinesComplete);

/// <summary>A bill and its complete line list, as one import saves them.</summary>
public sealed record BillWithLines(Bill Bill, IReadOnlyList<BillLine> Lines);

/// <summary>What <c>/me/bill/{id}/payment</c> said about one bill.</summary>
public sealed record BillPaymentUpdate(string BillId, BillPaymentStatus Status, string? PaymentType, DateTimeOffset? PaymentDateUtc, DateTimeOffset? DueDateUtc = null);

/// <summary>Writes bills and their lines; each operation uses its own short-lived context.</summary>
public sealed class BillStore(IDbContextFactory<CostDbContext> contextFactory, TimeProvider time)
{
    /// <summary>
    /// Inserts or replaces a bill and all its lines in one transaction: a run killed half-way leaves either the
    /// previous version of the bill or the new one, never a mix. Sets <see cref="Bill.BillingMonth"/> (account time
    /// zone), <see cref="Bill.LineCount"/>, <see cref="Bill.LinesHash"/>, <see cref="Bill.ImportedAtUtc"/> and, on
    /// each line, <see cref="BillLine.BillId"/> and <see cref="BillLine.BillingMonth"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The bill has no id, or two lines share a detail id.</exception>
    public Task SaveBillAsync(Bill bill, IReadOnlyList<BillLine> lines, CancellationToken cancellationToken = default) =>
        SaveBillsAsync([new BillWithLines(bill, lines)], cancellationToken);

    /// <summary>
    /// <see cref="SaveBillAsync"/> for several bills in one transaction: all of them are stored, or none. An import
    /// saves the bills whose lines have already arrived together, which costs one commit instead of one per bill.
    /// </summary>
    /// <exception cref="ArgumentException">A bill has no id, appears twice, or two of its lines share a detail id.</exception>
    public async Task SaveBillsAsync(IReadOnlyList<BillWithLines> bills, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(bills);
        foreach (var (bill, lines) in bills)
        {
            Validate(bill, lines);
        }

        var twice = bills.GroupBy(b => b.Bill.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null)
        {
            throw new ArgumentException($"Bill {twice.Key} appears twice in one save.", nameof(bills));
        }

        if (bills.Count == 0)
        {
            return;
        }

        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        context.ChangeTracker.AutoDetectChangesEnabled = false;
        var zone = await AccountTimeZone.ReadAsync(context, cancellationToken);
        var now = time.GetUtcNow();
        foreach (var (bill, lines) in bills)
        {
            bill.BillingMonth = BillingMonth.Of(bill.DateUtc, zone);
            bill.LineCount = lines.Count;
            bill.LinesHash = BillLineHash.Compute(lines);
            bill.ImportedAtUtc = now;
            foreach (var line in lines)
            {
                line.BillId = bill.Id;
                line.BillingMonth = bill.BillingMonth;
            }
        }

        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
        var ids = bills.Select(b => b.Bill.Id).ToList();
        var existing = (await context.Bills.Where(b => ids.Contains(b.Id)).Select(b => b.Id).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        foreach (var id in existing)
        {
            await context.Database.ExecuteSqlInterpolatedAsync($"DELETE FROM bill_lines WHERE BillId = {id}", cancellationToken);
        }

        foreach (var (bill, _) in bills)
        {
            // Entry().State tracks the bill alone, without walking into its Lines collection.
            context.Entry(bill).State = existing.Contains(bill.Id) ? EntityState.Modified : EntityState.Added;
        }

        await context.SaveChangesAsync(cancellationToken);
        await SqliteBulkInsert.InsertAsync(context, bills.SelectMany(b => b.Lines).ToList(), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static void Validate(Bill bill, IReadOnlyList<BillLine> lines)
    {
        ArgumentNullException.ThrowIfNull(bill);
        ArgumentNullException.ThrowIfNull(lines);
        if (string.IsNullOrWhiteSpace(bill.Id))
        {
            throw new ArgumentException("A bill needs its OVH billId.", nameof(bill));
        }

        var duplicate = lines.GroupBy(l => l.DetailId, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Bill {bill.Id} has two lines with detail id '{duplicate.Key}'.", nameof(lines));
        }
    }

    /// <summary>Records several payment readings in one transaction; bills not stored are skipped. Returns how many were updated.</summary>
    public async Task<int> UpdatePaymentsAsync(IReadOnlyCollection<BillPaymentUpdate> updates, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(updates);
        if (updates.Count == 0)
        {
            return 0;
        }

        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var ids = updates.Select(u => u.BillId).ToList();
        var bills = await context.Bills.AsTracking().Where(b => ids.Contains(b.Id)).ToDictionaryAsync(b => b.Id, StringComparer.Ordinal, cancellationToken);
        foreach (var update in updates)
        {
            if (bills.TryGetValue(update.BillId, out var bill))
            {
                (bill.PaymentStatus, bill.PaymentType, bill.PaymentDateUtc, bill.DueDateUtc) = (update.Status, update.PaymentType, update.PaymentDateUtc, update.DueDateUtc);
            }
        }

        await context.SaveChangesAsync(cancellationToken);
        return bills.Count;
    }

    /// <summary>
    /// Deletes bills (and their lines) OVH no longer lists. Call only after a listing of their date range succeeded
    /// completely; returns how many were deleted.
    /// </summary>
    public async Task<int> RemoveBillsAsync(IReadOnlyCollection<string> billIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(billIds);
        if (billIds.Count == 0)
        {
            return 0;
        }

        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
        var removed = 0;
        foreach (var id in billIds)
        {
            await context.Database.ExecuteSqlInterpolatedAsync($"DELETE FROM bill_lines WHERE BillId = {id}", cancellationToken);
            removed += await context.Database.ExecuteSqlInterpolatedAsync($"DELETE FROM bills WHERE Id = {id}", cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return removed;
    }

    /// <summary>Line count, line hash and completeness of every stored bill, by bill id.</summary>
    public async Task<IReadOnlyDictionary<string, BillFingerprint>> GetBillFingerprintsAsync(CancellationToken cancellationToken = default)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var rows = await context.Bills
            .Select(b => new { b.Id, b.LineCount, b.LinesHash, b.LinesComplete })
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.Id, r => new BillFingerprint(r.LineCount, r.LinesHash, r.LinesComplete), StringComparer.Ordinal);
    }

    /// <summary>Date of the most recent stored bill, or null when there is none (start of a differential import).</summary>
    public async Task<DateTimeOffset?> GetLatestBillDateAsync(CancellationToken cancellationToken = default)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await context.Bills
            .OrderByDescending(b => b.DateUtc)
            .Select(b => (DateTimeOffset?)b.DateUtc)
            .FirstOrDefaultAsync(cancellationToken);
    }
}
