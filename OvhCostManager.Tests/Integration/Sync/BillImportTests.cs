using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OvhCostManager.Core.Classification;
using OvhCostManager.Core.Costs;
using OvhCostManager.Core.Data;
using OvhCostManager.Core.Data.Entities;
using OvhCostManager.Core.Sync;
using OvhCostManager.Simulator;
using OvhCostManager.Tests.Infrastructure;
using Xunit.Abstractions;

namespace OvhCostManager.Tests.Integration.Sync;

public sealed class BillImportTests(ITestOutputHelper output)
{
    private static readonly DateTimeOffset Now = ImportedAccountFixture.Now;

    private static SyncRequest Full(SyncScope scope = SyncScope.Everything) => new(SyncRunKind.Full, scope, Trigger: "cli");

    private static Task<SimulatorServer> StartSimulatorAsync(AccountSize size = AccountSize.Medium) =>
        SimulatorServer.StartAsync(new SimulatorOptions { Seed = 42, Size = size, Clock = SimulatorClock.Frozen(Now) });

    [Fact]
    public async Task FullImport_under_ten_percent_faults_matches_the_ground_truth_per_month_category_and_project()
    {
        await using var sim = await StartSimulatorAsync();
        sim.Faults.TooManyRequestsRate = 0.04;
        sim.Faults.ServerErrorRate = 0.04;
        sim.Faults.TimeoutRate = 0.02;
        sim.Faults.HangMs = 1_500;
        await using var harness = await SyncHarness.CreateAsync(sim, new Dictionary<string, string?> { ["Ovh:RequestTimeout"] = "00:00:00.500" });

        var outcome = await harness.RunAsync(Full());

        Assert.True(outcome.Status == SyncRunStatus.Success, outcome.Error);
        Assert.True(outcome.Retries > 0, "the faults should have caused retries");
        output.WriteLine($"Full import under faults: {outcome.RequestsMade} requests, {outcome.Retries} retries, {outcome.Duration.TotalSeconds:F1} s");
        var truth = sim.GroundTruth;
        await using var context = await harness.Contexts.CreateDbContextAsync();

        var months = await context.BillLines.GroupBy(l => l.BillingMonth)
            .Select(g => new { g.Key, Ucents = g.Sum(l => MoneyQueryable.UcentsOf(l.Total)) }).ToListAsync();
        Assert.Equal(truth.Months.Select(m => (m.Key, m.Value.WithoutTax)), months.OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => (m.Key, new Money(m.Ucents))));

        var categories = await context.BillLines.GroupBy(l => new { l.BillingMonth, l.Category })
            .Select(g => new { g.Key.BillingMonth, g.Key.Category, Ucents = g.Sum(l => MoneyQueryable.UcentsOf(l.Total)) }).ToListAsync();
        var expectedCategories = ExpectedPerMonthAndCategory(sim);
        Assert.Equal(expectedCategories, categories.ToDictionary(c => (c.BillingMonth, c.Category), c => new Money(c.Ucents)).OrderBy(e => e.Key).ToList());

        var projects = await context.BillLines.Where(l => l.CloudProjectId != null).GroupBy(l => new { l.CloudProjectId, l.BillingMonth })
            .Select(g => new { g.Key.CloudProjectId, g.Key.BillingMonth, Ucents = g.Sum(l => MoneyQueryable.UcentsOf(l.Total)) }).ToListAsync();
        var expectedProjects = truth.CloudProjectsPerMonth.SelectMany(p => p.Value.Select(m => ((p.Key, m.Key), m.Value))).OrderBy(e => e.Item1).ToList();
        Assert.Equal(expectedProjects, projects.Select(p => ((p.CloudProjectId!, p.BillingMonth), new Money(p.Ucents))).OrderBy(e => e.Item1).ToList());
    }

    [Fact]
    public async Task FullImport_cancelled_half_way_then_run_again_converges_to_the_uninterrupted_database()
    {
        await using var sim = await StartSimulatorAsync();
        await using var uninterrupted = await SyncHarness.CreateAsync(sim);
        Assert.Equal(SyncRunStatus.Success, (await uninterrupted.RunAsync(Full())).Status);

        await using var interrupted = await SyncHarness.CreateAsync(sim);
        using var cancel = new CancellationTokenSource();
        var progress = new SynchronousProgress(p =>
        {
            if (p.Step == BillImport.StepName && p.Done >= 40)
            {
                cancel.Cancel();
            }
        });
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => interrupted.Runner.RunAsync(Full(), progress, cancel.Token));
        var partialBills = await StoreDump.CountAsync(interrupted.Contexts, "bills");
        Assert.InRange(partialBills, 1, sim.GroundTruth.Counts.Bills - 1);

        Assert.Equal(SyncRunStatus.Success, (await interrupted.RunAsync(Full())).Status);

        var expected = await StoreDump.ReadAsync(uninterrupted.Contexts);
        var actual = await StoreDump.ReadAsync(interrupted.Contexts);
        foreach (var table in StoreDump.ImportedTables)
        {
            Assert.True(expected[table] == actual[table], $"Table {table} differs after the resumed import.");
        }

        var runs = await interrupted.Services.GetRequiredService<SyncRunStore>().GetRecentAsync(5);
        Assert.Equal([SyncRunStatus.Success, SyncRunStatus.Failed], runs.Select(r => r.Status));
        Assert.Equal(SyncRunner.CancelledError, runs[1].Error);
    }

    [Fact]
    public async Task DifferentialImport_on_an_unchanged_account_costs_a_handful_of_requests()
    {
        await using var sim = await StartSimulatorAsync();
        await using var harness = await SyncHarness.CreateAsync(sim);
        await harness.RunAsync(Full());
        var before = await StoreDump.ReadAsync(harness.Contexts, ["bills", "bill_lines"]);

        var bills = await harness.RunAsync(new SyncRequest(SyncRunKind.Differential, SyncScope.Bills));
        var timer = await harness.RunAsync(SyncRequest.Differential());
        var daily = await harness.RunAsync(SyncRequest.Daily());

        output.WriteLine($"Differential (bills): {bills.RequestsMade} requests; the 6-hourly run: {timer.RequestsMade}; the daily run: {daily.RequestsMade}");
        Assert.InRange(timer.RequestsMade, 1, 10);
        Assert.Equal(SyncRunStatus.Success, daily.Status);
        Assert.Equal(SyncRunStatus.Success, bills.Status);
        Assert.InRange(bills.RequestsMade, 1, 10);
        Assert.Equal(0, bills.BillsImported);
        Assert.Equal(before, await StoreDump.ReadAsync(harness.Contexts, ["bills", "bill_lines"]));
    }

    [Fact]
    public async Task DifferentialImport_repairs_a_bill_whose_lines_changed_and_adds_a_new_bill()
    {
        await using var sim = await StartSimulatorAsync();
        await using var harness = await SyncHarness.CreateAsync(sim);
        await harness.RunAsync(Full());
        var october = sim.GroundTruth.Bills.First(b => b.Value.Month == "2026-10" && b.Value.Lines > 1).Key;
        var newTotal = Money.FromCents(123_456_78);
        sim.Account.ChangeBillLine(october, 1, newTotal, "Corrected line");
        var added = sim.Account.AddBill(Now.AddHours(-2), [new NewBillLine("Serveur dédié - remise exceptionnelle", "ns-added.example", Money.FromCents(4200))]);

        var outcome = await harness.RunAsync(new SyncRequest(SyncRunKind.Differential, SyncScope.Bills));

        Assert.Equal(SyncRunStatus.Success, outcome.Status);
        Assert.Equal(2, outcome.BillsImported);
        await using var context = await harness.Contexts.CreateDbContextAsync();
        var truth = sim.GroundTruth;
        var repaired = await context.Bills.SingleAsync(b => b.Id == october);
        Assert.Equal(truth.Bills[october].WithoutTax, repaired.PriceWithoutTax);
        Assert.Equal(truth.Bills[october].WithoutTax, await context.BillLines.Where(l => l.BillId == october).SumMoneyAsync(l => l.Total));
        var line = await context.BillLines.Where(l => l.BillId == october).OrderBy(l => l.DetailId).FirstAsync(l => l.Description == "Corrected line");
        Assert.Equal(newTotal, line.Total);
        Assert.True(await context.Bills.AnyAsync(b => b.Id == added.BillId && b.LinesComplete));
        foreach (var (month, expected) in truth.Months)
        {
            Assert.Equal(expected.WithoutTax, await context.BillLines.Where(l => l.BillingMonth == month).SumMoneyAsync(l => l.Total));
        }

        var run = await context.SyncRuns.OrderByDescending(r => r.Id).FirstAsync();
        Assert.Equal(1, run.BillsRepaired);
    }

    [Fact]
    public async Task DifferentialImport_finds_a_reworded_line_that_kept_its_totals_within_a_few_runs()
    {
        await using var sim = await StartSimulatorAsync();
        await using var harness = await SyncHarness.CreateAsync(sim);
        await harness.RunAsync(Full());
        var september = sim.GroundTruth.Bills.Last(b => b.Value.Month == "2026-09").Key;
        Money total;
        lock (sim.Account.SyncRoot)
        {
            total = sim.Account.FindBill(september)!.Lines[0].TotalPrice;
        }

        sim.Account.ChangeBillLine(september, 1, total, "Reworded line, same amount");
        var recentBills = sim.GroundTruth.Bills.Count(b => string.CompareOrdinal(b.Value.Month, "2026-09") >= 0);

        var runs = 0;
        bool Fixed()
        {
            using var context = harness.Contexts.CreateDbContext();
            return context.BillLines.Any(l => l.BillId == september && l.Description == "Reworded line, same amount");
        }

        while (!Fixed() && runs < recentBills)
        {
            var outcome = await harness.RunAsync(new SyncRequest(SyncRunKind.Differential, SyncScope.Bills));
            Assert.InRange(outcome.RequestsMade, 1, 10);
            runs++;
        }

        output.WriteLine($"Reworded line found after {runs} differential runs ({recentBills} bills in the repair window)");
        Assert.True(Fixed());
        Assert.InRange(runs, 1, (recentBills + 1) / 2 + 1);
    }

    [Fact]
    public async Task DifferentialImport_repairs_a_bill_stored_with_incomplete_lines_whatever_its_age()
    {
        await using var sim = await StartSimulatorAsync();
        await using var harness = await SyncHarness.CreateAsync(sim);
        await harness.RunAsync(Full());
        var january = sim.GroundTruth.Bills.First(b => b.Value.Month == "2026-01").Key;
        await using (var context = await harness.Contexts.CreateDbContextAsync())
        {
            await context.Database.ExecuteSqlInterpolatedAsync($"DELETE FROM bill_lines WHERE BillId = {january}");
            await context.Database.ExecuteSqlInterpolatedAsync($"UPDATE bills SET LinesComplete = 0, LineCount = 0 WHERE Id = {january}");
        }

        var outcome = await harness.RunAsync(new SyncRequest(SyncRunKind.Differential, SyncScope.Bills));

        Assert.Equal(SyncRunStatus.Success, outcome.Status);
        await using var after = await harness.Contexts.CreateDbContextAsync();
        var bill = await after.Bills.SingleAsync(b => b.Id == january);
        Assert.True(bill.LinesComplete);
        Assert.Equal(sim.GroundTruth.Bills[january].Lines, await after.BillLines.CountAsync(l => l.BillId == january));
        Assert.Equal(sim.GroundTruth.Months["2026-01"].WithoutTax, await after.BillLines.Where(l => l.BillingMonth == "2026-01").SumMoneyAsync(l => l.Total));
    }

    [Fact]
    public async Task An_OVH_failure_leaves_every_row_intact_and_records_a_failed_run()
    {
        await using var sim = await StartSimulatorAsync(AccountSize.Small);
        await using var harness = await SyncHarness.CreateAsync(sim, new Dictionary<string, string?> { ["Ovh:MaxRetries"] = "1" });
        Assert.Equal(SyncRunStatus.Success, (await harness.RunAsync(Full())).Status);
        var before = await StoreDump.ReadAsync(harness.Contexts);
        var snapshots = await StoreDump.CountAsync(harness.Contexts, "consumption_snapshots");

        sim.Faults.ServerErrorRate = 1;
        var outcome = await harness.RunAsync(SyncRequest.Now());

        Assert.True(outcome.Status == SyncRunStatus.Failed, outcome.Error);
        Assert.False(outcome.ConsumptionSnapshotStored);
        Assert.NotNull(outcome.Error);
        Assert.Equal(before, await StoreDump.ReadAsync(harness.Contexts));
        Assert.Equal(snapshots, await StoreDump.CountAsync(harness.Contexts, "consumption_snapshots"));
        var run = (await harness.Services.GetRequiredService<SyncRunStore>().GetRecentAsync(1)).Single();
        Assert.Equal(SyncRunStatus.Failed, run.Status);
        Assert.True(run.RequestsMade > 0);
    }

    [Fact]
    public async Task Inventory_removes_a_vanished_service_only_when_its_listing_succeeded()
    {
        await using var sim = await StartSimulatorAsync(AccountSize.Small);
        await using var harness = await SyncHarness.CreateAsync(sim, new Dictionary<string, string?> { ["Ovh:MaxRetries"] = "1" });
        await harness.RunAsync(Full());
        string gone;
        lock (sim.Account.SyncRoot)
        {
            gone = sim.Account.Vps[0].Name;
            sim.Account.Vps.RemoveAt(0);
        }

        await using (var context = await harness.Contexts.CreateDbContextAsync())
        {
            Assert.True(await context.Vps.AnyAsync(v => v.Name == gone));
        }

        sim.Faults.ServerErrorRate = 1;
        Assert.Equal(SyncRunStatus.Failed, (await harness.RunAsync(SyncRequest.Inventory())).Status);
        await using (var context = await harness.Contexts.CreateDbContextAsync())
        {
            Assert.True(await context.Vps.AnyAsync(v => v.Name == gone), "a failed listing must not remove anything");
        }

        sim.Faults.ServerErrorRate = 0;
        var outcome = await harness.RunAsync(SyncRequest.Inventory());
        Assert.True(outcome.Status == SyncRunStatus.Success, outcome.Error);
        await using (var context = await harness.Contexts.CreateDbContextAsync())
        {
            Assert.False(await context.Vps.AnyAsync(v => v.Name == gone));
            Assert.Equal(sim.Account.Vps.Count, await context.Vps.CountAsync());
            Assert.False(await context.ServiceRenewals.AnyAsync(r => r.ServiceName == gone));
        }
    }

    [Fact]
    public async Task FullImport_of_a_large_account_reads_every_payment_so_that_each_unchanged_differential_costs_at_most_ten_requests()
    {
        await using var sim = await StartSimulatorAsync(AccountSize.Large);
        await using var harness = await SyncHarness.CreateAsync(sim);
        var truth = sim.GroundTruth;
        var watch = Stopwatch.StartNew();

        var full = await harness.RunAsync(Full());

        output.WriteLine($"Large account ({truth.Counts.Bills} bills, {truth.Counts.Lines} lines): {full.RequestsMade} requests in {watch.Elapsed.TotalSeconds:F1} s");
        Assert.True(full.Status == SyncRunStatus.Success, full.Error);
        Assert.Equal(truth.Counts.Bills, full.BillsImported);
        // Each bill's lines and payment, once: two requests a bill, plus the listings of the inventory and the account,
        // plus the savings view's per project (volumes, snapshots, failover IPs, usage now and last month: 6 requests).
        Assert.InRange(full.RequestsMade, 2 * truth.Counts.Bills, 2 * truth.Counts.Bills + 250 + 6 * truth.Counts.CloudProjects);
        await AssertStoreEqualsTheSimulatorAsync(harness, sim);

        var differentials = new List<int>();
        for (var run = 1; run <= 3; run++)
        {
            var sent = sim.Requests.Total;
            var outcome = await harness.RunAsync(SyncRequest.Differential());
            var received = sim.Requests.Total - sent;
            differentials.Add(received);
            Assert.Equal(SyncRunStatus.Success, outcome.Status);
            Assert.Equal(0, outcome.BillsImported);
            Assert.InRange(received, 1, 10);
        }

        output.WriteLine($"Unchanged differentials after it: {string.Join(", ", differentials)} requests");
        await AssertStoreEqualsTheSimulatorAsync(harness, sim);
    }

    /// <summary>Every bill with its amounts, line count and payment (status, type, date) as the simulator has it; month totals to the micro-cent.</summary>
    private static async Task AssertStoreEqualsTheSimulatorAsync(SyncHarness harness, SimulatorServer sim)
    {
        var truth = sim.GroundTruth;
        await using var context = await harness.Contexts.CreateDbContextAsync();
        var stored = await context.Bills.AsNoTracking().ToListAsync();
        Assert.Equal(truth.Bills.Keys.Order(StringComparer.Ordinal), stored.Select(b => b.Id).Order(StringComparer.Ordinal));
        lock (sim.Account.SyncRoot)
        {
            foreach (var bill in stored)
            {
                var expected = truth.Bills[bill.Id];
                var payment = sim.Account.FindBill(bill.Id)!.PaymentAt(sim.Clock.GetUtcNow());
                Assert.Equal((expected.WithoutTax, expected.Tax, expected.WithTax, expected.Lines, true), (bill.PriceWithoutTax, bill.Tax, bill.PriceWithTax, bill.LineCount, bill.LinesComplete));
                Assert.Equal(expected.Paid ? BillPaymentStatus.Paid : BillPaymentStatus.Pending, bill.PaymentStatus);
                Assert.Equal(payment?.PaymentType, bill.PaymentType);
                Assert.Equal(payment?.PaymentDate.ToUniversalTime(), bill.PaymentDateUtc);
            }
        }

        foreach (var (month, expected) in truth.Months)
        {
            Assert.Equal(expected.WithoutTax, await context.BillLines.Where(l => l.BillingMonth == month).SumMoneyAsync(l => l.Total));
        }
    }

    [Fact]
    public async Task FullImport_of_the_medium_account_reports_its_cost()
    {
        await using var sim = await StartSimulatorAsync();
        await using var harness = await SyncHarness.CreateAsync(sim);
        var watch = Stopwatch.StartNew();

        var outcome = await harness.RunAsync(Full());

        output.WriteLine($"Medium account ({sim.GroundTruth.Counts.Bills} bills): {outcome.RequestsMade} requests in {watch.Elapsed.TotalSeconds:F1} s");
        Assert.Equal(SyncRunStatus.Success, outcome.Status);
        Assert.True(outcome.ConsumptionSnapshotStored);
        await using var context = await harness.Contexts.CreateDbContextAsync();
        Assert.Equal(0, await context.Bills.CountAsync(b => b.PaymentStatus == BillPaymentStatus.Unknown));
        var unpaid = await context.Bills.Where(b => b.PaymentStatus == BillPaymentStatus.Pending).SumMoneyAsync(b => b.PriceWithTax);
        Assert.Equal(sim.GroundTruth.UnpaidWithTax, unpaid);
        var current = await context.ConsumptionSnapshots.Where(s => s.Kind == ConsumptionKind.Current).SingleAsync();
        Assert.Equal(sim.GroundTruth.ConsumptionCurrent, current.Total);
        Assert.Equal(sim.GroundTruth.Counts.Instances, await context.CloudInstances.CountAsync());
    }

    private static List<KeyValuePair<(string, ServiceCategory), Money>> ExpectedPerMonthAndCategory(SimulatorServer sim)
    {
        var expected = new Dictionary<(string, ServiceCategory), Money>();
        lock (sim.Account.SyncRoot)
        {
            foreach (var bill in sim.Account.VisibleBills(Now))
            {
                foreach (var line in bill.Lines)
                {
                    var key = (bill.Month.ToString(), line.ServiceCategory);
                    expected[key] = expected.GetValueOrDefault(key) + line.TotalPrice;
                }
            }
        }

        return [.. expected.OrderBy(e => e.Key)];
    }

    /// <summary>Progress delivered on the reporting thread, so a test can cancel at an exact point.</summary>
    private sealed class SynchronousProgress(Action<SyncProgress> report) : IProgress<SyncProgress>
    {
        public void Report(SyncProgress value) => report(value);
    }
}
