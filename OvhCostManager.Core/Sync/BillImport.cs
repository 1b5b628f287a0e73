using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OvhCostManager.Core.Classification;
using OvhCostManager.Core.Costs;
using OvhCostManager.Core.Data;
using OvhCostManager.Core.Data.Entities;
using OvhCostManager.Core.Ovh;
using OvhBill = OvhCostManager.Core.Ovh.Models.Bill;
using OvhBillCategory = OvhCostManager.Core.Ovh.Models.BillCategory;
using OvhBillDetail = OvhCostManager.Core.Ovh.Models.BillDetail;

namespace OvhCostManager.Core.Sync;

/// <summary>
/// Imports bills and their lines: <b>full</b> (every bill since 2000, or since <see cref="SyncRequest.From"/>),
/// <b>period</b> (<see cref="SyncRequest.From"/>..<see cref="SyncRequest.To"/>) or <b>differential</b>.
/// </summary>
/// <remarks>
/// <para>Bills are saved with their complete line lists (<see cref="BillStore.SaveBillsAsync"/>), oldest first, the
/// bills whose lines have already arrived together in one transaction: a run killed half way leaves every stored bill
/// whole, and the bills stored form a prefix in time, so the next run (any mode) picks up where it stopped. Lines are
/// fetched for several bills at once (<see cref="SyncOptions.BillConcurrency"/>) but saved in order.
/// A bill whose lines cannot be fetched keeps its previous version; a new one is stored without lines and with
/// <see cref="Bill.LinesComplete"/> false, so the month shows it and the next run repairs it.</para>
/// <para><b>Differential, and why it is cheap.</b> One listing request (CachedObjectList: full objects) covers the
/// bills dated from the newest stored bill minus a week — or from the start of the repair window
/// (<see cref="SyncOptions.RepairMonths"/>) when that is earlier — to today. Lines are re-read only for (a) bills not
/// stored yet, (b) bills whose totals differ from the stored ones: OVH's <c>priceWithoutTax</c> is the sum of the
/// lines, so a corrected amount shows in the listing we already paid for, (c) stored bills whose lines were incomplete
/// (wherever they are in time), and (d) a rotating handful (<see cref="SyncOptions.VerifiedBillsPerRun"/>) of the
/// repair window's bills, which catches a correction that keeps the totals (a reworded line) within a few runs.
/// Re-reading every bill of the newest month instead would cost a request per bill on every run. A changed bill is
/// detected by line count and <see cref="BillLineHash"/>. On an unchanged account a run costs one listing, the
/// verified bills and the pending payments — a handful of requests.</para>
/// <para><b>Payments.</b> <c>/me/bill/{id}/payment</c> is one request per bill (404: not paid yet). It is fetched for
/// new bills of the repair window and re-fetched for pending ones; older bills start
/// <see cref="BillPaymentStatus.Unknown"/> and are filled newest first, at most
/// <see cref="SyncOptions.PaymentBackfillPerRun"/> per run, so a first import of a large account stays bounded.</para>
/// <para>Bills stored in the listed range that OVH no longer lists are deleted, only after the listing succeeded.</para>
/// </remarks>
public sealed class BillImport(
    IOvhApi ovh,
    BillStore billStore,
    IDbContextFactory<CostDbContext> contexts,
    LineClassifier classifier,
    IOptions<SyncOptions> options,
    TimeProvider clock)
{
    public const string StepName = "bills";
    private const string PaymentStep = "payments";

    /// <summary>Days before the newest stored bill that a differential import lists again (late-dated bills).</summary>
    private const int OverlapDays = 7;

    /// <summary>
    /// Most bills one transaction saves. Bills whose lines have arrived are saved together (one commit instead of one
    /// per bill); the cap bounds what a killed run has to fetch again.
    /// </summary>
    private const int MaxBillsPerTransaction = 50;

    /// <summary>First day a full import asks OVH about.</summary>
    public static readonly DateOnly Beginning = new(2000, 1, 1);

    public async Task RunAsync(SyncRunRecorder run, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var request = run.Request;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone).DateTime);
        var repairStart = new DateOnly(today.Year, today.Month, 1).AddMonths(-(settings.RepairMonths - 1));
        var stored = await LoadStoredAsync(cancellationToken);
        var (from, to) = Window(request, stored.Values, today, repairStart, zone, settings.InitialMonths);

        run.Report(StepName, 0, 0);
        IReadOnlyList<OvhBill> listed;
        try
        {
            listed = await ovh.ListBillsAsync(from, to, zone, cancellationToken);
        }
        catch (Exception e) when (SyncRunRecorder.IsOvhFailure(e))
        {
            run.StepFailed(StepName, e);
            return;
        }

        var work = Plan(run, listed, stored, repairStart, zone, settings.VerifiedBillsPerRun);
        var labeller = await LineLabeller.FromStoreAsync(contexts, classifier, cancellationToken);
        var payments = stored.ToDictionary(s => s.Key, s => s.Value.PaymentStatus, StringComparer.Ordinal);
        var paymentFetched = new HashSet<string>(StringComparer.Ordinal);

        // Fetches run BillConcurrency at a time and go on while a batch is being saved; at most a batch ahead waits.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var slots = new SemaphoreSlim(settings.BillConcurrency);
        var inflight = new Queue<Task<FetchedBill>>();
        var next = 0;
        var done = 0;
        try
        {
            while (next < work.Count || inflight.Count > 0)
            {
                while (next < work.Count && inflight.Count < settings.BillConcurrency + MaxBillsPerTransaction)
                {
                    inflight.Enqueue(FetchInTurnAsync(work[next++], slots, stop.Token));
                }

                // The oldest bill, and every later one whose lines are already here: saved together, in order.
                var batch = new List<FetchedBill> { await inflight.Dequeue() };
                while (batch.Count < MaxBillsPerTransaction && inflight.TryPeek(out var head) && head.IsCompleted)
                {
                    batch.Add(await inflight.Dequeue());
                }

                await SaveAsync(run, batch, labeller, payments, paymentFetched, cancellationToken);
                done += batch.Count;
                run.Report(StepName, done, work.Count);
            }
        }
        finally
        {
            // A failed save ends the step: the fetches queued behind it are not needed.
            await stop.CancelAsync();
            foreach (var pending in inflight)
            {
                try
                {
                    await pending;
                }
                catch (OperationCanceledException)
                {
                    // cancelled above
                }
            }
        }

        await RemoveVanishedAsync(run, listed, stored.Values, from, to, zone, cancellationToken);
        await UpdatePaymentsAsync(run, payments, paymentFetched, stored, settings, cancellationToken);
        run.StepDone(StepName);
    }

    private static (DateOnly From, DateOnly To) Window(SyncRequest request, IEnumerable<StoredBill> stored, DateOnly today, DateOnly repairStart,
        TimeZoneInfo zone, int initialMonths)
    {
        switch (request.Kind)
        {
            case SyncRunKind.Full:
                return (request.From ?? Beginning, request.To ?? today);
            case SyncRunKind.Period:
                return (request.From ?? throw new ArgumentException("A period import needs its first day (From)."),
                    request.To ?? throw new ArgumentException("A period import needs its last day (To)."));
            default:
                var newest = stored.Select(s => (DateTimeOffset?)s.DateUtc).Max();
                if (newest is null)
                {
                    return (new DateOnly(today.Year, today.Month, 1).AddMonths(-(initialMonths - 1)), today);
                }

                var newestDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(newest.Value, zone).DateTime).AddDays(-OverlapDays);
                return (newestDay < repairStart ? newestDay : repairStart, today);
        }
    }

    private static List<BillWork> Plan(SyncRunRecorder run, IReadOnlyList<OvhBill> listed, IReadOnlyDictionary<string, StoredBill> stored,
        DateOnly repairStart, TimeZoneInfo zone, int verifiedPerRun)
    {
        var differential = run.Request.Kind == SyncRunKind.Differential;
        var work = new List<BillWork>();
        var unchangedRecent = new List<BillWork>();
        foreach (var bill in listed.OrderBy(b => b.Date).ThenBy(b => b.BillId, StringComparer.Ordinal))
        {
            var recent = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(bill.Date, zone).DateTime) >= repairStart;
            if (!stored.TryGetValue(bill.BillId, out var known))
            {
                work.Add(new BillWork(bill.BillId, bill, null, FetchPayment: recent));
                continue;
            }

            var fetchPayment = (known.PaymentStatus == BillPaymentStatus.Pending && ChecksPendingPayments(run)) || (known.PaymentStatus == BillPaymentStatus.Unknown && recent);
            var changed = !known.LinesComplete || known.PriceWithoutTax != bill.PriceWithoutTax.Money || known.PriceWithTax != bill.PriceWithTax.Money
                          || known.Tax != bill.Tax.Money;
            if (!differential || changed)
            {
                work.Add(new BillWork(bill.BillId, bill, known, fetchPayment));
            }
            else if (recent)
            {
                unchangedRecent.Add(new BillWork(bill.BillId, bill, known, fetchPayment));
            }
        }

        if (differential)
        {
            if (unchangedRecent.Count > 0 && verifiedPerRun > 0)
            {
                var start = (int)(run.RunId * verifiedPerRun % unchangedRecent.Count);
                work.AddRange(Enumerable.Range(0, Math.Min(verifiedPerRun, unchangedRecent.Count)).Select(i => unchangedRecent[(start + i) % unchangedRecent.Count]));
            }

            var listedIds = listed.Select(b => b.BillId).ToHashSet(StringComparer.Ordinal);
            work.AddRange(stored.Values
                .Where(s => !s.LinesComplete && !listedIds.Contains(s.Id))
                .Select(s => new BillWork(s.Id, null, s, s.PaymentStatus != BillPaymentStatus.Paid)));
        }

        return [.. work.OrderBy(w => w.Bill?.Date ?? w.Stored!.DateUtc).ThenBy(w => w.Id, StringComparer.Ordinal)];
    }

    private async Task<FetchedBill> FetchInTurnAsync(BillWork work, SemaphoreSlim slots, CancellationToken cancellationToken)
    {
        await slots.WaitAsync(cancellationToken);
        try
        {
            return await FetchAsync(work, cancellationToken);
        }
        finally
        {
            slots.Release();
        }
    }

    private async Task<FetchedBill> FetchAsync(BillWork work, CancellationToken cancellationToken)
    {
        var bill = work.Bill;
        try
        {
            bill ??= await ovh.GetBillAsync(work.Id, cancellationToken);
        }
        catch (Exception e) when (SyncRunRecorder.IsOvhFailure(e))
        {
            return new FetchedBill(work, null, null, null, e);
        }

        IReadOnlyList<OvhBillDetail>? details = null;
        Exception? error = null;
        try
        {
            details = await ovh.ListBillDetailsAsync(bill.BillId, cancellationToken);
        }
        catch (Exception e) when (SyncRunRecorder.IsOvhFailure(e))
        {
            error = e;
        }

        PaymentState? payment = null;
        if (work.FetchPayment && details is not null)
        {
            payment = await TryFetchPaymentAsync(bill.BillId, cancellationToken);
        }

        return new FetchedBill(work, bill, details, payment, error);
    }

    private async Task<PaymentState?> TryFetchPaymentAsync(string billId, CancellationToken cancellationToken)
    {
        try
        {
            var payment = await ovh.GetBillPaymentAsync(billId, cancellationToken);
            return new PaymentState(BillPaymentStatus.Paid, payment.PaymentType, payment.PaymentDate?.ToUniversalTime());
        }
        catch (OvhApiException e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            // OVH answers 404 on /payment while a bill is unpaid.
            return new PaymentState(BillPaymentStatus.Pending, null, null);
        }
        catch (Exception e) when (SyncRunRecorder.IsOvhFailure(e))
        {
            return null;
        }
    }

    private async Task SaveAsync(SyncRunRecorder run, IReadOnlyList<FetchedBill> batch, LineLabeller labeller,
        Dictionary<string, BillPaymentStatus> payments, HashSet<string> paymentFetched, CancellationToken cancellationToken)
    {
        var saves = new List<(BillWithLines Save, PaymentState Payment, bool Counted, bool Repaired)>();
        foreach (var fetched in batch)
        {
            if (Prepare(run, fetched, labeller, paymentFetched) is { } save)
            {
                saves.Add(save);
            }
        }

        await billStore.SaveBillsAsync([.. saves.Select(s => s.Save)], cancellationToken);
        foreach (var (save, payment, counted, repaired) in saves)
        {
            payments[save.Bill.Id] = payment.Status;
            if (counted)
            {
                run.BillSaved(save.Lines.Count, repaired);
            }
        }
    }

    /// <summary>What to store for one fetched bill, or null when nothing changes (failed fetch, or the same bill again).</summary>
    private static (BillWithLines Save, PaymentState Payment, bool Counted, bool Repaired)? Prepare(SyncRunRecorder run, FetchedBill fetched,
        LineLabeller labeller, HashSet<string> paymentFetched)
    {
        var (work, bill, details, payment, error) = fetched;
        if (bill is null)
        {
            run.ItemFailed(StepName, $"bill {work.Id}", error!);
            return null;
        }

        if (payment is not null)
        {
            paymentFetched.Add(bill.BillId);
        }
        else if (work.FetchPayment && details is not null)
        {
            run.ItemFailed(PaymentStep, $"payment of bill {bill.BillId}", new OvhApiException("The payment could not be read; it stays as it was.", $"/me/bill/{bill.BillId}/payment"));
        }

        var paymentState = payment ?? (work.Stored is { } s ? new PaymentState(s.PaymentStatus, s.PaymentType, s.PaymentDateUtc) : new PaymentState(BillPaymentStatus.Unknown, null, null));
        if (details is null)
        {
            run.ItemFailed(StepName, $"lines of bill {bill.BillId}", error!);

            // A new bill is stored without its lines so its month shows it; a known one keeps its previous version.
            return work.Stored is null ? (new BillWithLines(ToEntity(bill, paymentState, linesComplete: false), []), paymentState, false, false) : null;
        }

        var lines = details.Select(d => ToLine(d, labeller)).ToList();
        var entity = ToEntity(bill, paymentState, linesComplete: true);
        var hash = BillLineHash.Compute(lines);
        if (work.Stored is { } known && known.LinesComplete && known.LineCount == lines.Count && known.LinesHash == hash
            && known.PriceWithoutTax == entity.PriceWithoutTax && known.Tax == entity.Tax && known.PriceWithTax == entity.PriceWithTax
            && known.DateUtc == entity.DateUtc && known.PaymentStatus == paymentState.Status && known.PaymentType == paymentState.Type
            && known.PaymentDateUtc == paymentState.DateUtc)
        {
            return null;
        }

        var repaired = work.Stored is { } previous && (!previous.LinesComplete || previous.LinesHash != hash || previous.LineCount != lines.Count);
        return (new BillWithLines(entity, lines), paymentState, true, repaired);
    }

    private async Task RemoveVanishedAsync(SyncRunRecorder run, IReadOnlyList<OvhBill> listed, IEnumerable<StoredBill> stored, DateOnly from, DateOnly to,
        TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        var start = StartOf(from, zone);
        var end = StartOf(to.AddDays(1), zone);
        var listedIds = listed.Select(b => b.BillId).ToHashSet(StringComparer.Ordinal);
        var vanished = stored.Where(s => s.DateUtc >= start && s.DateUtc < end && !listedIds.Contains(s.Id)).Select(s => s.Id).ToList();
        if (vanished.Count > 0)
        {
            await billStore.RemoveBillsAsync(vanished, cancellationToken);
            run.Report(StepName + ": removed " + vanished.Count + " bills OVH no longer lists", vanished.Count, vanished.Count);
        }
    }

    private async Task UpdatePaymentsAsync(SyncRunRecorder run, Dictionary<string, BillPaymentStatus> payments, HashSet<string> paymentFetched,
        IReadOnlyDictionary<string, StoredBill> stored, SyncOptions settings, CancellationToken cancellationToken)
    {
        var pending = ChecksPendingPayments(run)
            ? payments.Where(p => p.Value == BillPaymentStatus.Pending && !paymentFetched.Contains(p.Key)).Select(p => p.Key)
            : [];
        var backfill = await UnknownPaymentsNewestFirstAsync(paymentFetched, settings.PaymentBackfillPerRun, cancellationToken);
        var ids = pending.Concat(backfill).Distinct(StringComparer.Ordinal).ToList();
        if (ids.Count == 0)
        {
            return;
        }

        // Read in parallel, written together at the end: concurrent writers would queue on SQLite's one write lock.
        var done = 0;
        var changed = new System.Collections.Concurrent.ConcurrentBag<BillPaymentUpdate>();
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = settings.BillConcurrency, CancellationToken = cancellationToken },
            async (id, ct) =>
            {
                var state = await TryFetchPaymentAsync(id, ct);
                if (state is null)
                {
                    run.ItemFailed(PaymentStep, $"payment of bill {id}", new OvhApiException("The payment could not be read; it stays as it was.", $"/me/bill/{id}/payment"));
                }
                else if (!stored.TryGetValue(id, out var known) || known.PaymentStatus != state.Status || known.PaymentType != state.Type
                         || known.PaymentDateUtc != state.DateUtc)
                {
                    changed.Add(new BillPaymentUpdate(id, state.Status, state.Type, state.DateUtc));
                }

                run.Report(PaymentStep, Interlocked.Increment(ref done), ids.Count);
            });
        await billStore.UpdatePaymentsAsync(changed, cancellationToken);
    }

    /// <summary>
    /// A pending bill costs one request per run to re-check, so only runs that refresh the account (the daily run,
    /// "sync now", full and period imports) do it; the 6-hourly differential stays at a handful of requests.
    /// </summary>
    private static bool ChecksPendingPayments(SyncRunRecorder run) =>
        run.Request.Kind != SyncRunKind.Differential || run.Request.Scope.HasFlag(SyncScope.Account);

    private async Task<List<string>> UnknownPaymentsNewestFirstAsync(HashSet<string> exclude, int budget, CancellationToken cancellationToken)
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

    private async Task<Dictionary<string, StoredBill>> LoadStoredAsync(CancellationToken cancellationToken)
    {
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await context.Bills
            .Select(b => new StoredBill(b.Id, b.DateUtc, b.PriceWithoutTax, b.Tax, b.PriceWithTax, b.PaymentStatus, b.PaymentType, b.PaymentDateUtc,
                b.LinesComplete, b.LineCount, b.LinesHash))
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.Id, StringComparer.Ordinal);
    }

    internal static Bill ToEntity(OvhBill bill, PaymentState payment, bool linesComplete) => new()
    {
        Id = bill.BillId,
        DateUtc = bill.Date.ToUniversalTime(),
        PriceWithoutTax = bill.PriceWithoutTax.Money,
        Tax = bill.Tax.Money,
        PriceWithTax = bill.PriceWithTax.Money,
        Currency = string.IsNullOrWhiteSpace(bill.PriceWithTax.CurrencyCode) ? "EUR" : bill.PriceWithTax.CurrencyCode,
        OrderId = bill.OrderId,
        Category = CategoryName(bill.Category),
        PdfUrl = bill.PdfUrl,
        HtmlUrl = bill.Url,
        PaymentStatus = payment.Status,
        PaymentType = payment.Type,
        PaymentDateUtc = payment.DateUtc,
        LinesComplete = linesComplete,
    };

    internal static BillLine ToLine(OvhBillDetail detail, LineLabeller labeller)
    {
        var line = new BillLine
        {
            DetailId = detail.BillDetailId,
            Description = detail.Description,
            Domain = detail.Domain,
            Quantity = detail.QuantityValue ?? 0m,
            UnitPrice = detail.UnitPrice.Money,
            Total = detail.TotalPrice.Money,
            PeriodStart = detail.PeriodStart,
            PeriodEnd = detail.PeriodEnd,
        };
        labeller.Label(line);
        return line;
    }

    /// <summary>OVH's <c>billing.CategoryEnum</c> as sent (<c>purchase-cloud</c>), or null when OVH sent none we know.</summary>
    private static string? CategoryName(OvhBillCategory category) => category switch
    {
        OvhBillCategory.Autorenew => "autorenew",
        OvhBillCategory.Earlyrenewal => "earlyrenewal",
        OvhBillCategory.Purchase => "purchase",
        OvhBillCategory.PurchaseCloud => "purchase-cloud",
        OvhBillCategory.PurchaseServers => "purchase-servers",
        OvhBillCategory.PurchaseTelecom => "purchase-telecom",
        OvhBillCategory.PurchaseWeb => "purchase-web",
        _ => null,
    };

    private static DateTimeOffset StartOf(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    internal sealed record PaymentState(BillPaymentStatus Status, string? Type, DateTimeOffset? DateUtc);

    private sealed record StoredBill(string Id, DateTimeOffset DateUtc, Money PriceWithoutTax, Money Tax, Money PriceWithTax,
        BillPaymentStatus PaymentStatus, string? PaymentType, DateTimeOffset? PaymentDateUtc, bool LinesComplete, int LineCount, string LinesHash);

    private sealed record BillWork(string Id, OvhBill? Bill, StoredBill? Stored, bool FetchPayment);

    private sealed record FetchedBill(BillWork Work, OvhBill? Bill, IReadOnlyList<OvhBillDetail>? Details, PaymentState? Payment, Exception? Error);
}
