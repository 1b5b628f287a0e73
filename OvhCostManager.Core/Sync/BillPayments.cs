using System.Collections.Concurrent;
using System.Net;
using Microsoft.EntityFrameworkCore;
using OvhCostManager.Core.Data;
using OvhCostManager.Core.Data.Entities;
using OvhCostManager.Core.Ovh;

namespace OvhCostManager.Core.Sync;

/// <summary>
/// Bills' payment status: <c>/me/bill/{id}/payment</c>, one request per bill, answered 404 while the bill is unpaid.
/// Read with the lines of the bills a run fetches (<see cref="BillImportPlan"/>); after them, for the stored bills the
/// run did not fetch, the pending ones are checked again and unknown ones filled in, newest first.
/// </summary>
internal sealed class BillPayments(IOvhApi ovh, BillStore billStore, IDbContextFactory<CostDbContext> contexts)
{
    public const string StepName = "payments";

    /// <summary>
    /// A pending bill costs one request per run to re-check, so only runs that refresh the account (the daily run,
    /// "sync now", full and period imports) do it; the 6-hourly differential stays at a handful of requests.
    /// </summary>
    public static bool ChecksPendingPayments(SyncRunRecorder run) =>
        run.Request.Kind != SyncRunKind.Differential || run.Request.Scope.HasFlag(SyncScope.Account);

    /// <summary>The bill's payment, or null when OVH could not be read (the stored status then stays).</summary>
    public async Task<PaymentState?> TryFetchAsync(string billId, CancellationToken cancellationToken)
    {
        try
        {
            var payment = await ovh.GetBillPaymentAsync(billId, cancellationToken);
            return new PaymentState(BillPaymentStatus.Paid, payment.PaymentType, payment.PaymentDate?.ToUniversalTime());
        }
        catch (OvhApiException e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            // OVH answers 404 on /payment while a bill is unpaid; its debt then says when it is due.
            return new PaymentState(BillPaymentStatus.Pending, null, null, await TryFetchDueDateAsync(billId, cancellationToken));
        }
        catch (Exception e) when (SyncRunRecorder.IsOvhFailure(e))
        {
            return null;
        }
    }

    /// <summary>The <c>dueDate</c> of an unpaid bill's debt; null when OVH gives none or could not be read.</summary>
    private async Task<DateTimeOffset?> TryFetchDueDateAsync(string billId, CancellationToken cancellationToken)
    {
        try
        {
            return (await ovh.GetBillDebtAsync(billId, cancellationToken)).DueDate?.ToUniversalTime();
        }
        catch (Exception e) when (SyncRunRecorder.IsOvhFailure(e))
        {
            return null;
        }
    }

    public static void ReportFailure(SyncRunRecorder run, string billId) =>
        run.ItemFailed(StepName, $"payment of bill {billId}",
            new OvhApiException("The payment could not be read; it stays as it was.", $"/me/bill/{billId}/payment"));

    /// <summary>
    /// After the run's bills: re-checks pending bills it did not fetch (when the run checks pending payments) and fills
    /// in at most <see cref="SyncOptions.PaymentBackfillPerRun"/> unknown ones, newest first; stores what changed.
    /// </summary>
    public async Task UpdateStoredAsync(SyncRunRecorder run, IReadOnlyDictionary<string, BillPaymentStatus> payments, IReadOnlySet<string> fetched,
        IReadOnlyDictionary<string, StoredBill> stored, SyncOptions settings, CancellationToken cancellationToken)
    {
        var pending = ChecksPendingPayments(run)
            ? payments.Where(p => p.Value == BillPaymentStatus.Pending && !fetched.Contains(p.Key)).Select(p => p.Key)
            : [];
        var backfill = await UnknownNewestFirstAsync(fetched, settings.PaymentBackfillPerRun, cancellationToken);
        var ids = pending.Concat(backfill).Distinct(StringComparer.Ordinal).ToList();
        if (ids.Count == 0)
        {
            return;
        }

        // Read in parallel, written together at the end.
        var done = 0;
        var changed = new ConcurrentBag<BillPaymentUpdate>();
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = settings.BillConcurrency, CancellationToken = cancellationToken },
            async (id, ct) =>
            {
                var state = await TryFetchAsync(id, ct);
                if (state is null)
                {
                    ReportFailure(run, id);
                }
                else if (!stored.TryGetValue(id, out var known) || known.PaymentStatus != state.Status || known.PaymentType != state.Type
                         || known.PaymentDateUtc != state.DateUtc || known.DueDateUtc != state.DueUtc)
                {
                    changed.Add(new BillPaymentUpdate(id, state.Status, state.Type, state.DateUtc, state.DueUtc));
                }

                run.Report(StepName, Interlocked.Increment(ref done), ids.Count);
            });
        await run.Writes.WriteAsync(() => billStore.UpdatePaymentsAsync(changed, cancellationToken), cancellationToken);
    }

    private async Task<List<string>> UnknownNewestFirstAsync(IReadOnlySet<string> exclude, int budget, CancellationToken cancellationToken)
    {
        if (budget <= 0)
        {
            return [];
        }

        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        var unknown = await context.Bills
            .Where(b => b.PaymentStatus == BillPaymentStatus.Unknown)
            .OrderByDescending(b => b.DateUtc)
            .Select(b => b.Id)
            .Take(budget + exclude.Count)
            .ToListAsync(cancellationToken);
        return [.. unknown.Where(id => !exclude.Contains(id)).Take(budget)];
    }
}

/// <summary>A bill's payment as read from OVH.</summary>
internal sealed record PaymentState(BillPaymentStatus Status, string? Type, DateTimeOffset? DateUtc, DateTimeOffset? DueUtc = null);
