using Microsoft.EntityFrameworkCore;
using OvhCostManager.Core.Costs;
using OvhCostManager.Core.Data;
using OvhCostManager.Core.Data.Entities;

namespace OvhCostManager.Tests.Integration.Data;

public sealed class AccountAndConsumptionStoreTests
{
    [Fact]
    public async Task Bad_settings_are_refused_with_a_message_naming_the_value()
    {
        await using var db = await StoreDatabase.CreateAsync();
        var store = db.Get<AccountSettingsStore>();

        var zone = await Assert.ThrowsAsync<ArgumentException>(() => store.SaveTimeZoneAsync("Europe/Atlantis"));
        var currency = await Assert.ThrowsAsync<ArgumentException>(() => store.SaveCurrencyAsync("euro"));

        Assert.Contains("Europe/Atlantis", zone.Message);
        Assert.Contains("euro", currency.Message);
        Assert.Equal("Europe/Paris", (await store.GetAsync()).TimeZoneId);
    }

    [Fact]
    public async Task Consumption_snapshots_accumulate_with_their_month_and_total()
    {
        await using var db = await StoreDatabase.CreateAsync();
        var store = db.Get<ConsumptionStore>();
        var periodStart = DateTimeOffset.Parse("2025-06-01T00:00:00+02:00");

        await store.AddSnapshotAsync(Snapshot(periodStart, DateTimeOffset.Parse("2025-06-10T08:00:00Z"), 72.62m, 6.72m));
        await store.AddSnapshotAsync(Snapshot(periodStart, DateTimeOffset.Parse("2025-06-11T08:00:00Z"), 80.10m, 7.00m));

        await using var context = await db.ContextAsync();
        var snapshots = await context.ConsumptionSnapshots.Include(s => s.Items).OrderBy(s => s.TakenAtUtc).ToListAsync();
        Assert.Equal(2, snapshots.Count);
        Assert.All(snapshots, s => Assert.Equal("2025-06", s.Month));
        Assert.Equal(Money.FromDecimal(79.34m), snapshots[0].Total);
        Assert.Equal(Money.FromDecimal(87.10m), snapshots[1].Total);
        Assert.Equal(4, await context.ConsumptionSnapshotItems.CountAsync());
    }

    [Fact]
    public async Task History_replaces_only_the_months_it_brings()
    {
        await using var db = await StoreDatabase.CreateAsync();
        var store = db.Get<ConsumptionStore>();
        await store.ReplaceHistoryAsync([History("2025-04-01T00:00:00+02:00", 100m), History("2025-05-01T00:00:00+02:00", 200m)]);

        await store.ReplaceHistoryAsync([History("2025-05-01T00:00:00+02:00", 210m)]);

        await using var context = await db.ContextAsync();
        var months = await context.ConsumptionHistory.OrderBy(h => h.Month).Select(h => new { h.Month, h.Amount }).ToListAsync();
        Assert.Equal(["2025-04", "2025-05"], months.Select(m => m.Month));
        Assert.Equal(Money.FromDecimal(210m), months[1].Amount);
    }

    [Fact]
    public async Task Credits_are_replaced_and_balance_snapshots_kept()
    {
        await using var db = await StoreDatabase.CreateAsync();
        var store = db.Get<ConsumptionStore>();
        await store.ReplaceCreditsAsync(
            [new CreditBalance { Name = "VOUCHER_A", Type = "VOUCHER", Amount = Money.FromDecimal(200m) }, new CreditBalance { Name = "OLD", Type = "BONUS" }],
            [new CreditMovement { BalanceName = "VOUCHER_A", MovementId = 1, Type = "VOUCHER", Amount = Money.FromDecimal(200m) }]);
        await store.AddBalanceSnapshotAsync(new AccountBalanceSnapshot { DebtDue = Money.FromDecimal(12.5m), CreditsTotal = Money.FromDecimal(200m) });

        await store.ReplaceCreditsAsync(
            [new CreditBalance { Name = "VOUCHER_A", Type = "VOUCHER", Amount = Money.FromDecimal(150m) }],
            [new CreditMovement { BalanceName = "VOUCHER_A", MovementId = 1, Type = "VOUCHER", Amount = Money.FromDecimal(200m) },
             new CreditMovement { BalanceName = "VOUCHER_A", MovementId = 2, Type = "USE", Amount = Money.FromDecimal(-50m) }]);
        await store.AddBalanceSnapshotAsync(new AccountBalanceSnapshot { CreditsTotal = Money.FromDecimal(150m) });

        await using var context = await db.ContextAsync();
        Assert.Equal(Money.FromDecimal(150m), (await context.CreditBalances.SingleAsync()).Amount);
        Assert.Equal(Money.FromDecimal(150m), await context.CreditMovements.SumMoneyAsync(m => m.Amount));
        Assert.Equal(2, await context.AccountBalanceSnapshots.CountAsync());
    }

    [Fact]
    public async Task A_sync_run_is_started_finished_and_an_interrupted_one_is_closed()
    {
        await using var db = await StoreDatabase.CreateAsync();
        var store = db.Get<SyncRunStore>();
        var run = await store.StartAsync(SyncRunKind.Differential, SyncTrigger.Schedule, new DateOnly(2025, 5, 1));
        run.Status = SyncRunStatus.Partial;
        run.BillsImported = 3;
        run.RequestsByEndpointJson = "{\"/me/bill/{billId}\":3}";
        await store.FinishAsync(run);
        var left = await store.StartAsync(SyncRunKind.Full, SyncTrigger.Manual);
        await InterruptedRunTests.OwnAsync(db, left.Id, InterruptedRunTests.GoneProcess);

        var closed = await store.CloseInterruptedRunsAsync();

        var runs = await store.GetRecentAsync(10);
        Assert.Equal(1, closed);
        Assert.All(runs, r => Assert.NotNull(r.FinishedAtUtc));
        var finished = runs.Single(r => r.Id == run.Id);
        Assert.Equal(SyncRunStatus.Partial, finished.Status);
        Assert.Equal(3, finished.BillsImported);
        Assert.Equal(SyncTrigger.Schedule, finished.Trigger);
        Assert.Equal(SyncRunStore.InterruptedError, runs.Single(r => r.Id != run.Id).Error);
        run.Status = SyncRunStatus.Running;
        await Assert.ThrowsAsync<ArgumentException>(() => store.FinishAsync(run));
    }

    private static ConsumptionSnapshot Snapshot(DateTimeOffset periodStart, DateTimeOffset takenAt, decimal instance, decimal storage) => new()
    {
        Kind = ConsumptionKind.Current,
        PeriodStartUtc = periodStart,
        TakenAtUtc = takenAt,
        Items =
        [
            new ConsumptionSnapshotItem { ServiceId = 104523871, PlanFamily = "instance", PlanCode = "b3-8.consumption", Quantity = 816, Amount = Money.FromDecimal(instance) },
            new ConsumptionSnapshotItem { ServiceId = 104523871, PlanFamily = "storage", PlanCode = "storage-standard.consumption", Quantity = 845, Amount = Money.FromDecimal(storage) },
        ],
    };

    private static ConsumptionHistoryEntry History(string periodStart, decimal amount) => new()
    {
        ServiceId = 104523871,
        PlanFamily = "instance",
        PlanCode = "b3-8.consumption",
        Quantity = 720,
        Amount = Money.FromDecimal(amount),
        PeriodStartUtc = DateTimeOffset.Parse(periodStart),
    };
}
