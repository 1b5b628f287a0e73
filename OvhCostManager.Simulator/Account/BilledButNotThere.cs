using OvhCostManager.Core.Classification;
using OvhCostManager.Core.Costs;

namespace OvhCostManager.Simulator;

public sealed partial class SimulatedAccount
{
    private const int ReconciliationStream = 22;
    private const decimal UnlistedServerMonthly = 89.99m;

    /// <summary>An IP block set to end at its expiry, at the end of the month before last, yet renewed once more the month after.</summary>
    public SimOtherService? EndedButBilled { get; private set; }

    /// <summary>A dedicated server billed every month that no listing shows (the account is only its billing contact).</summary>
    public string UnlistedServer { get; private set; } = "";

    /// <summary>A VPS listed and renewed but never billed (another account pays for it), or null when no VPS renews for long.</summary>
    public SimVps? UnbilledVps { get; private set; }

    /// <param name="day">Midnight (Paris) of the account's first day: the IP block ended at the end of the month before last.</param>
    private void GenerateBilledButNotThere(DateTimeOffset day)
    {
        var r = SeededRandom.For(Seed, ReconciliationStream);
        var today = ParisTime.DateOf(day);
        var ended = new DateOnly(today.Year, today.Month, 1).AddMonths(-1).AddDays(-1);
        var block = $"ip-{r.Next(51, 200)}.{r.Next(0, 255)}.{r.Next(0, 255)}.{r.Next(0, 31) * 8}/29";
        var terms = new ServiceTerms(104_000_000 + r.Next(100_000), ended.AddYears(-1), ended, null, RenewKind.Automatic, "expired", DeleteAtExpiration: true);
        EndedButBilled = new SimOtherService(block, block[3..], "ip", "Additional IP block", "/ip/{ip}", Money.FromDecimal(12m), terms);
        OtherServices.Add(EndedButBilled);
        UnlistedServer = $"ns{r.Next(3_000_000, 3_999_999)}.ip-{r.Next(37, 200)}-{r.Next(1, 255)}-{r.Next(1, 255)}.eu";
        if (Vps.Count > 1) UnbilledVps = Vps.LastOrDefault(v => v.Terms.Status == "ok" && v.Terms.Expiration > today.AddDays(31));
    }

    /// <summary>The VPS an ordinary line bills: the one drawn, or the first other when the draw is the unbilled one.</summary>
    private SimVps BilledVps(SimVps drawn) => drawn == UnbilledVps ? Vps.First(v => v != UnbilledVps) : drawn;

    /// <summary>
    /// Servers, VPS and NetApp volumes renew every month: one the month's drawn lines did not bill gets its renewal line in
    /// the month's first ordinary bill (all but the unbilled VPS).
    /// </summary>
    private void AddMonthlyRenewals(SimBill bill, IReadOnlyList<SimBill> monthBills)
    {
        var billed = monthBills.Where(b => !b.IsConsumptionBill).SelectMany(b => b.Lines).Select(l => l.Domain).ToHashSet(StringComparer.Ordinal);
        var day = ParisTime.DateOf(bill.Date);
        var monthly = DedicatedServers.Select(s => (s.Name, s.MonthlyPrice, Text: $"Dedicated server rental {s.CommercialRange} for 1 month", Category: s.Gpu ? ServiceCategory.AiMl : ServiceCategory.Compute))
            .Concat(Vps.Where(v => v != UnbilledVps).Select(v => (v.Name, v.MonthlyPrice, Text: $"{v.ModelName} - 1 month renewal", Category: ServiceCategory.Compute)))
            .Concat(NetApps.Select(n => (Name: n.Id, n.MonthlyPrice, Text: $"Enterprise File Storage - {n.QuotaBytes / 1_099_511_627_776L} TB", Category: ServiceCategory.Storage)));
        foreach (var service in monthly.Where(s => !billed.Contains(s.Name)).ToList())
        {
            bill.Lines.Add(new SimBillLine
            {
                DetailId = $"{bill.BillId}-{bill.Lines.Count + 1}",
                Description = service.Text,
                Domain = service.Name,
                UnitPrice = service.MonthlyPrice.Amount,
                TotalPrice = service.MonthlyPrice,
                PeriodStart = day,
                PeriodEnd = day.AddMonths(1).AddDays(-1),
                ServiceCategory = service.Category,
            });
        }
    }

    /// <summary>
    /// The first ordinary bill of each month renews what the drawn lines did not and bills the unlisted server; the month
    /// after the IP block's end, it bills the block once more.
    /// </summary>
    private void AddBilledButNotThereLines(IReadOnlyList<SimBill> monthBills, BillingMonth month)
    {
        var bill = monthBills.FirstOrDefault(b => !b.IsConsumptionBill);
        if (bill is null || EndedButBilled is null) return;
        AddMonthlyRenewals(bill, monthBills);
        bill.Lines.Add(new SimBillLine
        {
            DetailId = $"{bill.BillId}-{bill.Lines.Count + 1}",
            Description = $"Dedicated server rental Rise-1 for 1 month ({month.EnglishName} {month.Year})",
            Domain = UnlistedServer,
            UnitPrice = UnlistedServerMonthly,
            TotalPrice = Money.FromDecimal(UnlistedServerMonthly),
            PeriodStart = month.FirstDay,
            PeriodEnd = month.LastDay,
            ServiceCategory = ServiceCategory.Compute,
        });
        if (ParisTime.DateOf(bill.Date) <= EndedButBilled.Terms.Expiration || month != new BillingMonth(EndedButBilled.Terms.Expiration.Year, EndedButBilled.Terms.Expiration.Month).Next) return;
        bill.Lines.Add(new SimBillLine
        {
            DetailId = $"{bill.BillId}-{bill.Lines.Count + 1}",
            Description = $"Additional IP (failover) block {EndedButBilled.DisplayName} - {month.EnglishName}",
            Domain = EndedButBilled.Name,
            UnitPrice = EndedButBilled.Price.Amount,
            TotalPrice = EndedButBilled.Price,
            ServiceCategory = ServiceCategory.Network,
        });
    }
}

/// <summary>A listed service the reconciliation must find unbilled, with its <c>/services</c> monthly price.</summary>
public sealed record UnbilledTruth(string Service, Money ExpectedMonthly);

/// <summary>A service the reconciliation must find: kind <c>billedAfterEnd</c> or <c>notInInventory</c>, its month's lines' sum.</summary>
public sealed record BilledButNotThereTruth(string Kind, string Service, string Month, Money Billed);

internal static class BilledButNotThereTruths
{
    /// <summary>
    /// The ended IP block with its lines of the latest month billing it after its end, and the unlisted server with its
    /// lines of the latest complete month (the month before now's).
    /// </summary>
    public static IReadOnlyList<BilledButNotThereTruth> Compute(SimulatedAccount account, DateTimeOffset now)
    {
        var lines = account.VisibleBills(now).SelectMany(b => b.Lines.Select(l => (Month: b.Month.ToString(), Day: ParisTime.DateOf(b.Date), Line: l))).ToList();
        var truths = new List<BilledButNotThereTruth>();
        if (account.EndedButBilled is { } ended)
        {
            var after = lines.Where(l => l.Line.Domain == ended.Name && l.Day > ended.Terms.Expiration).ToList();
            if (after.Count > 0)
            {
                var month = after.Max(l => l.Month)!;
                truths.Add(new BilledButNotThereTruth("billedAfterEnd", ended.Name, month, Money.Sum(after.Where(l => l.Month == month).Select(l => l.Line.TotalPrice))));
            }
        }

        var complete = BillingMonth.Of(now).Previous.ToString();
        var unlisted = lines.Where(l => l.Line.Domain == account.UnlistedServer && l.Month == complete).ToList();
        if (unlisted.Count > 0) truths.Add(new BilledButNotThereTruth("notInInventory", account.UnlistedServer, complete, Money.Sum(unlisted.Select(l => l.Line.TotalPrice))));
        return truths;
    }

    public static IReadOnlyList<UnbilledTruth> Unbilled(SimulatedAccount account) =>
        account.UnbilledVps is { } vps ? [new UnbilledTruth(vps.Name, vps.MonthlyPrice)] : [];
}
