using System.Threading.Channels;
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
/// <b>period</b> (<see cref="SyncRequest.From"/>..<see cref="SyncRequest.To"/>) or <b>differential</b>; which bills a
/// run fetches, and what that costs, is <see cref="BillImportPlan"/>'s.
/// </summary>
/// <remarks>
/// <para>Bills are saved with their complete line lists (<see cref="BillStore.SaveBillsAsync"/>), oldest first, the
/// bills whose lines have already arrived together in one transaction: a run killed half way leaves every stored bill
/// whole, and the bills stored form a prefix in time, so the next run (any mode) picks up where it stopped.
/// A bill whose lines cannot be fetched keeps its previous version; a new one is stored without lines and with
/// <see cref="Bill.LinesComplete"/> false, so the month shows it and the next run repairs it.</para>
/// <para>Fetching never waits for saving: <see cref="SyncOptions.BillConcurrency"/> bills are read at once, each its
/// lines and its payment side by side, and their requests queue at the process-wide limiter, so every one of its
/// slots stays busy until the last bill; saves follow in order on their own, at most <see cref="MaxBillsAhead"/>
/// bills behind. The first save waits for the run's inventory (lines are labelled with the freshest services).</para>
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

    /// <summary>
    /// Most bills one transaction saves. Bills whose lines have arrived are saved together (one commit instead of one
    /// per bill); the cap bounds what a killed run has to fetch again.
    /// </summary>
    private const int MaxBillsPerTransaction = 50;

    /// <summary>
    /// Most bills fetched and not saved yet: enough for the fetches to go on while the inventory is read and a batch
    /// is written, few enough to keep memory flat (a bill of 30 lines is a few kB).
    /// </summary>
    private const int MaxBillsAhead = 400;

    private readonly BillPayments payments = new(ovh, billStore, contexts);

    /// <summary>Imports the bills the run's request asks for; lines are saved once <paramref name="inventoryStored"/> has completed.</summary>
    public async Task RunAsync(SyncRunRecorder run, TimeZoneInfo zone, Task inventoryStored, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var request = run.Request;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone).DateTime);
        var repairStart = new DateOnly(today.Year, today.Month, 1).AddMonths(-(settings.RepairMonths - 1));
        var stored = await LoadStoredAsync(cancellationToken);
        var (from, to) = BillImportPlan.Window(request, stored.Values, today, repairStart, settings.InitialMonths, zone);

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

        var work = BillImportPlan.Work(run, listed, stored, repairStart, zone, settings.VerifiedBillsPerRun);
        var paymentStates = stored.ToDictionary(s => s.Key, s => s.Value.PaymentStatus, StringComparer.Ordinal);
        var paymentFetched = new HashSet<string>(StringComparer.Ordinal);
        await FetchAndSaveAsync(run, work, inventoryStored, paymentStates, paymentFetched, settings.BillConcurrency, cancellationToken);

        await RemoveVanishedAsync(run, listed, stored.Values, from, to, zone, cancellationToken);
        await payments.UpdateStoredAsync(run, paymentStates, paymentFetched, stored, settings, cancellationToken);
        run.StepDone(StepName);
    }

    private async Task FetchAndSaveAsync(SyncRunRecorder run, List<BillWork> work, Task inventoryStored, Dictionary<string, BillPaymentStatus> paymentStates,
        HashSet<string> paymentFetched, int concurrency, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var ahead = new SemaphoreSlim(MaxBillsAhead);
        using var slots = new SemaphoreSlim(concurrency);
        var fetched = Channel.CreateUnbounded<Task<FetchedBill>>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        var starting = StartFetchesAsync(work, fetched.Writer, ahead, slots, stop.Token);
        try
        {
            LineLabeller? labeller = null;
            var done = 0;
            while (await fetched.Reader.WaitToReadAsync(stop.Token))
            {
                // The oldest bill, and every later one whose lines are already here: saved together, in order.
                var batch = new List<FetchedBill>();
                while (batch.Count < MaxBillsPerTransaction && fetched.Reader.TryPeek(out var head) && (batch.Count == 0 || head.IsCompleted))
                {
                    fetched.Reader.TryRead(out _);
                    batch.Add(await head);
                }

                if (batch.Count == 0)
                {
                    continue;
                }

                if (labeller is null)
                {
                    await inventoryStored;
                    labeller = await LineLabeller.FromStoreAsync(contexts, classifier, cancellationToken);
                }

                await SaveAsync(run, batch, labeller, paymentStates, paymentFetched, cancellationToken);
                ahead.Release(batch.Count);
                done += batch.Count;
                run.Report(StepName, done, work.Count);
            }

            await starting;
        }
        finally
        {
            // A failed save ends the step: the fetches queued behind it are not needed.
            await stop.CancelAsync();
            await Quietly(starting);
            while (fetched.Reader.TryRead(out var pending))
            {
                await Quietly(pending);
            }
        }
    }

    /// <summary>Starts the fetches in order, as slots free up and while fewer than <see cref="MaxBillsAhead"/> wait to be saved.</summary>
    private async Task StartFetchesAsync(List<BillWork> work, ChannelWriter<Task<FetchedBill>> fetched, SemaphoreSlim ahead, SemaphoreSlim slots,
        CancellationToken cancellationToken)
    {
        try
        {
            foreach (var item in work)
            {
                await ahead.WaitAsync(cancellationToken);
                await slots.WaitAsync(cancellationToken);
                fetched.TryWrite(FetchThenReleaseAsync(item, slots, cancellationToken));
            }
        }
        finally
        {
            fetched.TryComplete();
        }
    }

    private async Task<FetchedBill> FetchThenReleaseAsync(BillWork work, SemaphoreSlim slots, CancellationToken cancellationToken)
    {
        try
        {
            return await FetchAsync(work, cancellationToken);
        }
        finally
        {
            slots.Release();
        }
    }

    private static async Task Quietly(Task task)
    {
        try
        {
            await task;
        }
        catch (OperationCanceledException)
        {
            // cancelled with the step
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

        var payment = work.FetchPayment ? payments.TryFetchAsync(bill.BillId, cancellationToken) : Task.FromResult<PaymentState?>(null);
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

        return new FetchedBill(work, bill, details, await payment, error);
    }

    private async Task SaveAsync(SyncRunRecorder run, IReadOnlyList<FetchedBill> batch, LineLabeller labeller,
        Dictionary<string, BillPaymentStatus> paymentStates, HashSet<string> paymentFetched, CancellationToken cancellationToken)
    {
        var saves = new List<(BillWithLines Save, PaymentState Payment, bool Counted, bool Repaired)>();
        foreach (var fetched in batch)
        {
            if (Prepare(run, fetched, labeller, paymentFetched) is { } save)
            {
                saves.Add(save);
            }
        }

        await run.Writes.WriteAsync(() => billStore.SaveBillsAsync([.. saves.Select(s => s.Save)], cancellationToken), cancellationToken);
        foreach (var (save, payment, counted, repaired) in saves)
        {
            paymentStates[save.Bill.Id] = payment.Status;
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
        else if (work.FetchPayment)
        {
            BillPayments.ReportFailure(run, bill.BillId);
        }

        var paymentState = payment ?? (work.Stored is { } s ? new PaymentState(s.PaymentStatus, s.PaymentType, s.PaymentDateUtc, s.DueDateUtc) : new PaymentState(BillPaymentStatus.Unknown, null, null));
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
            && known.PaymentDateUtc == paymentState.DateUtc && known.DueDateUtc == paymentState.DueUtc)
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
            await run.Writes.WriteAsync(() => billStore.RemoveBillsAsync(vanished, cancellationToken), cancellationToken);
            run.Report(StepName + ": removed " + vanished.Count + " bills OVH no longer lists", vanished.Count, vanished.Count);
        }
    }

    private async Task<Dictionary<string, StoredBill>> LoadStoredAsync(CancellationToken cancellationToken)
    {
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await context.Bills
            .Select(b => new StoredBill(b.Id, b.DateUtc, b.PriceWithoutTax, b.Tax, b.PriceWithTax, b.PaymentStatus, b.PaymentType, b.PaymentDateUtc,
                b.LinesComplete, b.LineCount, b.LinesHash, b.DueDateUtc))
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
        DueDateUtc = payment.DueUtc,
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

    private sealed record FetchedBill(BillWork Work, OvhBill? Bill, IReadOnlyList<OvhBillDetail>? Details, PaymentState? Payment, Exception? Error);
}
