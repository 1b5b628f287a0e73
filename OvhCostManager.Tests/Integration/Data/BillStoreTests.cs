using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using OvhCostManager.Core.Classification;
using OvhCostManager.Core.Costs;
using OvhCostManager.Core.Data;
using OvhCostManager.Core.Data.Entities;
using Xunit.Abstractions;
using static OvhCostManager.Tests.Integration.Data.StoreTestData;

namespace OvhCostManager.Tests.Integration.Data;

public sealed class BillStoreTests(ITestOutputHelper output)
{
    private static readonly DateTimeOffset May15 = new(2025, 5, 15, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task SaveBill_replaces_the_lines_of_an_existing_bill()
    {
        await using var db = await StoreDatabase.CreateAsync();
        var store = db.Get<BillStore>();
        await store.SaveBillAsync(Bill("FR1", May15), [Line("FR1-1", 10m), Line("FR1-2", 20m), Line("FR1-3", 30m)]);

        await store.SaveBillAsync(Bill("FR1", May15), [Line("FR1-1", 11m), Line("FR1-4", 40m)]);

        await using var context = await db.ContextAsync();
        var lines = await context.BillLines.Where(l => l.BillId == "FR1").OrderBy(l => l.DetailId).ToListAsync();
        Assert.Equal(["FR1-1", "FR1-4"], lines.Select(l => l.DetailId));
        Assert.Equal(Money.FromDecimal(11m), lines[0].Total);
        Assert.Equal(2, (await context.Bills.SingleAsync()).LineCount);
    }

    [Fact]
    public async Task A_save_failing_mid_transaction_leaves_the_previous_version_of_the_bill_intact()
    {
        await using var db = await StoreDatabase.CreateAsync();
        var store = db.Get<BillStore>();
        var original = Bill("FR2", May15);
        original.PriceWithTax = Money.FromDecimal(120m);
        await store.SaveBillAsync(original, [Line("FR2-1", 10m), Line("FR2-2", 20m)]);
        var before = (await store.GetBillFingerprintsAsync())["FR2"];

        var corrected = Bill("FR2", May15);
        corrected.PriceWithTax = Money.FromDecimal(999m);
        var broken = Line("FR2-3", 30m);
        broken.Description = null!; // NOT NULL column: SQLite rejects it after the old lines were deleted and the bill updated
        await Assert.ThrowsAsync<DbUpdateException>(() => store.SaveBillAsync(corrected, [Line("FR2-1", 99m), broken]));

        await using var context = await db.ContextAsync();
        var bill = await context.Bills.SingleAsync(b => b.Id == "FR2");
        var lines = await context.BillLines.Where(l => l.BillId == "FR2").OrderBy(l => l.DetailId).ToListAsync();
        Assert.Equal(Money.FromDecimal(120m), bill.PriceWithTax);
        Assert.Equal(["FR2-1", "FR2-2"], lines.Select(l => l.DetailId));
        Assert.Equal([Money.FromDecimal(10m), Money.FromDecimal(20m)], lines.Select(l => l.Total));
        Assert.Equal(before, (await store.GetBillFingerprintsAsync())["FR2"]);
    }

    [Fact]
    public async Task Bills_saved_together_are_all_stored_or_none_when_one_of_them_fails()
    {
        await using var db = await StoreDatabase.CreateAsync();
        var store = db.Get<BillStore>();
        await store.SaveBillAsync(Bill("FR10", May15), [Line("FR10-1", 5m)]);

        await store.SaveBillsAsync([
            new BillWithLines(Bill("FR10", May15), [Line("FR10-1", 6m), Line("FR10-2", 7m)]),
            new BillWithLines(Bill("FR11", May15.AddDays(1)), [Line("FR11-1", 8m)]),
        ]);
        var broken = Line("FR13-1", 1m);
        broken.Description = null!; // NOT NULL column: the third bill fails after the first two were written
        await Assert.ThrowsAsync<DbUpdateException>(() => store.SaveBillsAsync([
            new BillWithLines(Bill("FR11", May15.AddDays(1)), [Line("FR11-1", 99m)]),
            new BillWithLines(Bill("FR12", May15.AddDays(2)), [Line("FR12-1", 9m)]),
            new BillWithLines(Bill("FR13", May15.AddDays(3)), [broken]),
        ]));

        await using var context = await db.ContextAsync();
        Assert.Equal(["FR10", "FR11"], await context.Bills.OrderBy(b => b.Id).Select(b => b.Id).ToListAsync());
        var lines = await context.BillLines.OrderBy(l => l.DetailId).ToListAsync();
        Assert.Equal(["FR10-1", "FR10-2", "FR11-1"], lines.Select(l => l.DetailId));
        Assert.Equal([Money.FromDecimal(6m), Money.FromDecimal(7m), Money.FromDecimal(8m)], lines.Select(l => l.Total));
        Assert.Equal(2, (await context.Bills.SingleAsync(b => b.Id == "FR10")).LineCount);
    }

    [Fact]
    public async Task Payment_readings_are_written_together_and_an_unknown_bill_is_skipped()
    {
        await using var db = await StoreDatabase.CreateAsync();
        var store = db.Get<BillStore>();
        await store.SaveBillAsync(Bill("FR20", May15), [Line("FR20-1", 5m)]);
        await store.SaveBillAsync(Bill("FR21", May15), [Line("FR21-1", 5m)]);
        var paidAt = new DateTimeOffset(2025, 5, 20, 10, 0, 0, TimeSpan.Zero);

        var updated = await store.UpdatePaymentsAsync([
            new BillPaymentUpdate("FR20", BillPaymentStatus.Paid, "creditCard", paidAt),
            new BillPaymentUpdate("FR21", BillPaymentStatus.Pending, null, null),
            new BillPaymentUpdate("FR99", BillPaymentStatus.Paid, "sepaDirectDebit", paidAt),
        ]);

        Assert.Equal(2, updated);
        await using var context = await db.ContextAsync();
        var bills = await context.Bills.OrderBy(b => b.Id).ToListAsync();
        Assert.Equal([BillPaymentStatus.Paid, BillPaymentStatus.Pending], bills.Select(b => b.PaymentStatus));
        Assert.Equal(["creditCard", null], bills.Select(b => b.PaymentType));
        Assert.Equal(paidAt, bills[0].PaymentDateUtc);
        Assert.Equal(1, (await context.BillLines.CountAsync(l => l.BillId == "FR20")));
    }

    [Fact]
    public async Task The_same_bill_twice_in_one_save_is_refused()
    {
        await using var db = await StoreDatabase.CreateAsync();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => db.Get<BillStore>().SaveBillsAsync([
            new BillWithLines(Bill("FR14", May15), [Line("FR14-1", 1m)]),
            new BillWithLines(Bill("FR14", May15), [Line("FR14-2", 1m)]),
        ]));

        Assert.Contains("FR14", error.Message);
        await using var context = await db.ContextAsync();
        Assert.False(await context.Bills.AnyAsync());
    }

    [Fact]
    public async Task Two_lines_with_the_same_detail_id_are_refused_before_anything_is_written()
    {
        await using var db = await StoreDatabase.CreateAsync();

        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            db.Get<BillStore>().SaveBillAsync(Bill("FR3", May15), [Line("FR3-1", 1m), Line("FR3-1", 2m)]));

        Assert.Contains("FR3-1", error.Message);
        await using var context = await db.ContextAsync();
        Assert.False(await context.Bills.AnyAsync());
    }

    [Fact]
    public async Task Fingerprints_give_line_count_hash_and_completeness_matching_what_OVH_sent()
    {
        await using var db = await StoreDatabase.CreateAsync();
        var store = db.Get<BillStore>();
        await store.SaveBillAsync(Bill("FR4", May15, linesComplete: false), [Line("FR4-1", 1m), Line("FR4-2", 2m)]);
        await store.SaveBillAsync(Bill("FR5", May15), []);

        var fingerprints = await store.GetBillFingerprintsAsync();

        Assert.Equal(2, fingerprints["FR4"].LineCount);
        Assert.False(fingerprints["FR4"].LinesComplete);
        Assert.Equal(BillLineHash.Compute([Line("FR4-2", 2m), Line("FR4-1", 1m)]), fingerprints["FR4"].LinesHash);
        Assert.NotEqual(BillLineHash.Compute([Line("FR4-1", 1m), Line("FR4-2", 2.01m)]), fingerprints["FR4"].LinesHash);
        Assert.Equal(0, fingerprints["FR5"].LineCount);
        Assert.True(fingerprints["FR5"].LinesComplete);

        await using var context = await db.ContextAsync();
        var reread = await context.BillLines.Where(l => l.BillId == "FR4").ToListAsync();
        Assert.Equal(fingerprints["FR4"].LinesHash, BillLineHash.Compute(reread));
    }

    [Fact]
    public async Task A_bill_dated_late_on_31_May_UTC_belongs_to_June_in_Paris()
    {
        await using var db = await StoreDatabase.CreateAsync();
        var store = db.Get<BillStore>();

        await store.SaveBillAsync(Bill("FR6", DateTimeOffset.Parse("2025-05-31T23:30:00+00:00")), [Line("FR6-1", 5m)]);
        await store.SaveBillAsync(Bill("FR7", DateTimeOffset.Parse("2025-05-31T21:30:00+00:00")), [Line("FR7-1", 5m)]);

        await using (var context = await db.ContextAsync())
        {
            Assert.Equal("2025-06", (await context.Bills.SingleAsync(b => b.Id == "FR6")).BillingMonth);
            Assert.Equal("2025-06", (await context.BillLines.SingleAsync(l => l.BillId == "FR6")).BillingMonth);
            Assert.Equal("2025-05", (await context.Bills.SingleAsync(b => b.Id == "FR7")).BillingMonth);
            Assert.Equal(DateTimeOffset.Parse("2025-05-31T23:30:00+00:00"), await store.GetLatestBillDateAsync());
        }

        await db.Get<AccountSettingsStore>().SaveTimeZoneAsync("UTC");

        await using (var context = await db.ContextAsync())
        {
            Assert.Equal("2025-05", (await context.Bills.SingleAsync(b => b.Id == "FR6")).BillingMonth);
            Assert.Equal("2025-05", (await context.BillLines.SingleAsync(l => l.BillId == "FR6")).BillingMonth);
        }
    }

    [Fact]
    public async Task SQL_sums_of_money_are_exact_to_the_micro_cent()
    {
        await using var db = await StoreDatabase.CreateAsync();
        var store = db.Get<BillStore>();
        const int bills = 40;
        const int pairsPerBill = 250;
        for (var b = 0; b < bills; b++)
        {
            var lines = new List<BillLine>();
            for (var i = 0; i < pairsPerBill; i++)
            {
                lines.Add(Line($"L{b}-{i}-a", 0.1m));
                lines.Add(Line($"L{b}-{i}-b", 0.2m));
                lines.Add(Line($"L{b}-{i}-c", 0.00000001m, description: "Stockage objet"));
            }

            await store.SaveBillAsync(Bill($"FR-SUM-{b}", May15), lines);
        }

        var pairs = bills * pairsPerBill;
        var expected = new Money(pairs * (10_000_000L + 20_000_000L + 1L));
        await using var context = await db.ContextAsync();

        var total = await context.BillLines.SumMoneyAsync(l => l.Total);
        var byMonth = await context.BillLines
            .GroupBy(l => l.BillingMonth)
            .Select(g => new { Month = g.Key, Ucents = g.Sum(l => MoneyQueryable.UcentsOf(l.Total)) })
            .ToListAsync();
        var storage = await context.BillLines.Where(l => l.Description == "Stockage objet").SumMoneyAsync(l => l.Total);
        var none = await context.BillLines.Where(l => l.Domain == "nowhere").SumMoneyAsync(l => l.Total);

        Assert.Equal(expected, total);
        Assert.Equal(Money.FromDecimal(3000.0001m), total);
        Assert.Equal(expected.Ucents, Assert.Single(byMonth).Ucents);
        Assert.Equal(new Money(pairs), storage);
        Assert.Equal(Money.Zero, none);
        Assert.Contains("SUM(CAST(", context.BillLines.GroupBy(l => l.BillingMonth).Select(g => g.Sum(l => MoneyQueryable.UcentsOf(l.Total))).ToQueryString());
    }

    [Fact]
    public async Task Saving_1440_bills_of_25_lines_one_by_one_keeps_every_line_and_its_label()
    {
        await using var db = await StoreDatabase.CreateAsync();
        var store = db.Get<BillStore>();
        var bills = Enumerable.Range(0, 1440)
            .Select(b => (Bill: Bill($"FR{b:D8}", May15.AddDays(-b)), Lines: Enumerable.Range(0, 25)
                .Select(i => Line($"FR{b:D8}-{i}", 1.23m + i, domain: $"server-{i % 7}")).ToList()))
            .ToList();

        var watch = Stopwatch.StartNew();
        foreach (var (bill, lines) in bills)
        {
            await store.SaveBillAsync(bill, lines);
        }

        watch.Stop();
        output.WriteLine($"Saved 1,440 bills × 25 lines (36,000 lines), one transaction per bill, in {watch.Elapsed.TotalSeconds:F1} s ({watch.Elapsed.TotalMilliseconds / 1440:F2} ms per bill).");
        var fingerprints = await store.GetBillFingerprintsAsync();
        await using var context = await db.ContextAsync();
        Assert.Equal(36_000, await context.BillLines.CountAsync());
        Assert.Equal(1440, fingerprints.Count);
        Assert.Equal(ResourceType.DedicatedServer, (await context.BillLines.FirstAsync()).ResourceType);
    }
}
