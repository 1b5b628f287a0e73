using OvhCostManager.Core.Costs;
using OvhCostManager.Core.Data.Entities;
using OvhBill = OvhCostManager.Core.Ovh.Models.Bill;

namespace OvhCostManager.Core.Sync;

/// <summary>
/// What a bill import lists and which listed bills it fetches again: the dates it asks OVH about, and per bill whether
/// its lines and its payment are read.
/// </summary>
/// <remarks>
/// <para><b>Differential, and why it is cheap.</b> One listing request (CachedObjectList: full objects) covers the
/// bills dated from the newest stored bill minus a week — or from the start of the repair window
/// (<see cref="SyncOptions.RepairMonths"/>) when that is earlier — to today. Lines are re-read only for (a) bills not
/// stored yet, (b) bills whose totals differ from the stored ones: OVH's <c>priceWithoutTax</c> is the sum of the
/// lines, so a corrected amount shows in the listing we already paid for, (c) stored bills whose lines were incomplete
/// (wherever they are in time), and (d) a rotating handful (<see cref="SyncOptions.VerifiedBillsPerRun"/>) of the
/// repair window's bills, which catches a correction that keeps the totals (a reworded line) within a few runs.
/// Re-reading every bill of the newest month instead would cost a request per bill on every run. On an unchanged
/// account a run costs one listing and the verified bills.</para>
/// <para><b>Payments.</b> <c>/me/bill/{id}/payment</c> is one request per bill (404: not paid yet). It is read with the
/// lines of every bill not stored yet, whatever the mode and the bill's age, so the first import ends with every
/// bill's payment status and later runs have nothing left to fill in. A stored bill's payment is read again while it
/// is pending (only by runs that check pending payments, see <see cref="BillPayments.ChecksPendingPayments"/>) or
/// unknown (a failed read, or a store imported before payments were read with the lines): by full and period imports,
/// and by a differential one within the repair window or in <see cref="SyncOptions.PaymentBackfillPerRun"/> batches.</para>
/// </remarks>
internal static class BillImportPlan
{
    /// <summary>Days before the newest stored bill that a differential import lists again (late-dated bills).</summary>
    private const int OverlapDays = 7;

    /// <summary>First day a full import asks OVH about.</summary>
    public static readonly DateOnly Beginning = new(2000, 1, 1);

    /// <summary>The first and last day (account time zone) whose bills the run lists.</summary>
    public static (DateOnly From, DateOnly To) Window(SyncRequest request, IEnumerable<StoredBill> stored, DateOnly today, DateOnly repairStart, int initialMonths,
        TimeZoneInfo zone)
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

    /// <summary>The bills to fetch, oldest first (the order they are saved in).</summary>
    public static List<BillWork> Work(SyncRunRecorder run, IReadOnlyList<OvhBill> listed, IReadOnlyDictionary<string, StoredBill> stored,
        DateOnly repairStart, TimeZoneInfo zone, int verifiedPerRun)
    {
        var differential = run.Request.Kind == SyncRunKind.Differential;
        var checksPending = BillPayments.ChecksPendingPayments(run);
        var work = new List<BillWork>();
        var unchangedRecent = new List<BillWork>();
        foreach (var bill in listed.OrderBy(b => b.Date).ThenBy(b => b.BillId, StringComparer.Ordinal))
        {
            var recent = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(bill.Date, zone).DateTime) >= repairStart;
            if (!stored.TryGetValue(bill.BillId, out var known))
            {
                work.Add(new BillWork(bill.BillId, bill, null, FetchPayment: true));
                continue;
            }

            var fetchPayment = (known.PaymentStatus == BillPaymentStatus.Pending && checksPending)
                               || (known.PaymentStatus == BillPaymentStatus.Unknown && (recent || !differential));
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
}

/// <summary>What the store knows of a bill, enough to tell whether OVH's version differs.</summary>
internal sealed record StoredBill(string Id, DateTimeOffset DateUtc, Money PriceWithoutTax, Money Tax, Money PriceWithTax,
    BillPaymentStatus PaymentStatus, string? PaymentType, DateTimeOffset? PaymentDateUtc, bool LinesComplete, int LineCount, string LinesHash,
    DateTimeOffset? DueDateUtc = null);

/// <summary>One bill to fetch: listed (<see cref="Bill"/>) or only stored, with or without its payment.</summary>
internal sealed record BillWork(string Id, OvhBill? Bill, StoredBill? Stored, bool FetchPayment);
