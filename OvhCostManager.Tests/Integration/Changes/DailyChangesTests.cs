using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using OvhCostManager.Core.Changes;
using OvhCostManager.Core.Costs;
using OvhCostManager.Core.Data.Entities;
using OvhCostManager.Core.Sync;
using OvhCostManager.Simulator;
using OvhCostManager.Tests.Infrastructure;

namespace OvhCostManager.Tests.Integration.Changes;

/// <summary>
/// Eleven days of syncs on the simulator's clock (one at 23:00 Paris time each day): every instance that appears,
/// changes flavour or vanishes, and the usage burst (as a jump of its plan and as an anomaly), is reported on its day
/// with the ground truth's € per day, and nothing on the quiet days.
/// </summary>
public sealed class DailyChangesTests
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
    private static readonly DateOnly FirstDay = new(2026, 10, 5);
    private static readonly SyncRequest DailyReading =
        new(SyncRunKind.Consumption, SyncScope.Consumption | SyncScope.Inventory | SyncScope.CloudDetails, Trigger: "timer");

    [Theory]
    [InlineData("2026-10-05")]
    [InlineData("2026-11-25")]
    public async Task Each_injected_change_and_the_burst_are_reported_on_their_day_with_the_ground_truths_euros_and_quiet_days_report_nothing(string first)
    {
        var firstDay = DateOnly.Parse(first, CultureInfo.InvariantCulture);
        var clock = SimulatorClock.Frozen(EveningOf(firstDay));
        await using var simulator = await SimulatorServer.StartAsync(new SimulatorOptions { Seed = 42, Size = AccountSize.Small, Clock = clock });
        await using var harness = await SyncHarness.CreateAsync(simulator);
        Assert.Equal(SyncRunStatus.Success, (await harness.RunAsync(new SyncRequest(SyncRunKind.Full, SyncScope.Everything, Trigger: "cli"))).Status);
        var query = harness.Services.GetRequiredService<DailyChangesQuery>();
        var readings = new Dictionary<DateOnly, DateTimeOffset> { [firstDay] = clock.GetUtcNow() };

        var reports = new Dictionary<DateOnly, DailyChangesReport>();
        for (var n = 1; n <= 10; n++)
        {
            var day = firstDay.AddDays(n);
            clock.SetNow(EveningOf(day));
            readings[day] = clock.GetUtcNow();
            Assert.Equal(SyncRunStatus.Success, (await harness.RunAsync(SyncRequest.Differential())).Status);
            Assert.Equal(SyncRunStatus.Success, (await harness.RunAsync(DailyReading)).Status);
            reports[day] = await query.AtAsync(clock.GetUtcNow());
        }

        var truth = simulator.GroundTruth;
        Assert.Equal(5, truth.ResourceEvents.Count);
        var burst = Assert.Single(truth.UsageBursts);
        var eventDays = truth.ResourceEvents.Select(e => e.Day).Append(burst.Day).ToHashSet();
        Assert.Equal([4, 6, 7, 8, 10], Enumerable.Range(1, 10).Where(n => !eventDays.Contains(firstDay.AddDays(n))));
        foreach (var (day, report) in reports)
        {
            Assert.Equal(day, report.Day);
            Assert.Equal(day.AddDays(-1), report.ComparedWith);
            var expected = truth.ResourceEvents.Where(e => e.Day == day)
                .Select(e => $"{e.Kind} {e.InstanceId} {e.FromFlavour}>{e.ToFlavour} {e.PerDay.Ucents}").Order();
            Assert.Equal(expected, report.Changes.Select(c => $"{c.Kind} {c.InstanceId} {c.FromFlavour}>{c.ToFlavour} {c.PerDay?.Ucents}").Order());
            Assert.All(report.Changes, c => Assert.Equal(c.PerDay!.Value.Ucents * 30, c.PerMonth!.Value.Ucents));
            if (day != burst.Day) Assert.Empty(report.Anomalies);
            if (day != burst.Day) Assert.Empty(report.UsageJumps);
            var bills = simulator.Account.AllBills.Where(b => b.Date <= readings[day]).ToList();
            Assert.Equal(ExpectedBillLineChanges(bills, day), report.BillLines.Select(c => $"{c.Kind} {c.Domain} {c.Month} {c.BillId} {c.PerMonth.Ucents}").Order());
            if (!bills.Any(b => ParisDay(b.Date) == day)) Assert.Empty(report.BillLines);
            Assert.Equal(ExpectedServiceChanges(simulator, bills, day), report.Services.Select(c => $"{c.Kind} {c.ServiceName} {c.From}>{c.ExpiresOn} {c.Price?.Ucents}").Order());
        }

        // The renewal falls within the days, reported once, on its day; services expire or come within a week on others.
        var renewal = Assert.Single(truth.Renewals);
        Assert.InRange(renewal.Day, firstDay.AddDays(1), firstDay.AddDays(7));
        Assert.Equal([renewal.Day], reports.Where(r => r.Value.Services.Any(c => c.Kind == ServiceTermChangeKind.Renewed)).Select(r => r.Key));
        Assert.Contains(reports.Values.SelectMany(r => r.Services), c => c.Kind == ServiceTermChangeKind.Expiring);
        Assert.Equal(reports.Values.Sum(r => r.Services.Count), reports.Values.SelectMany(r => r.Services).Select(c => c.Key).Distinct().Count());

        var billLines = reports.Values.SelectMany(r => r.BillLines).ToList();
        // Across the month start, the bill of the 1st closes November (a service billed in October, not since) and a later
        // one bills a service November did not: both kinds are met, not only empty days.
        if (firstDay.Month == 11) Assert.Equal([BillLineChangeKind.New, BillLineChangeKind.Vanished], billLines.Select(c => c.Kind).Distinct().Order());
        Assert.Equal(billLines.Count, billLines.Select(c => c.Key).Distinct().Count());

        var flavourChange = truth.ResourceEvents.Single(e => e.Kind == ResourceEventKind.FlavourChanged);
        Assert.Equal(Money.FromDecimal((0.2266m - 0.0566m) * 24), flavourChange.PerDay);

        // The burst day against the median of the days before it, from what the simulator served at each reading.
        var projectCost = DailyCosts(simulator, readings, e => e.Domain == burst.ProjectId);
        var onBurstDay = Assert.Single(reports[burst.Day].Anomalies, a => a.Scope == AnomalyScope.Project);
        Assert.Equal(burst.ProjectId, onBurstDay.Subject);
        Assert.Equal(projectCost[burst.Day], onBurstDay.Judgement.DayCost);
        var before = Enumerable.Range(1, 8).Select(n => projectCost[burst.Day.AddDays(-n)].Ucents).Order().ToArray();
        Assert.Equal(new Money((before[3] + before[4]) / 2), onBurstDay.Judgement.Median);
        Assert.Equal(8, onBurstDay.Judgement.DaysInWindow);
        // The project's instance that vanished on day 5 ran during most of the window: the median holds part of its rate.
        var vanished = truth.ResourceEvents.Single(e => e.Kind == ResourceEventKind.Gone && e.ProjectId == burst.ProjectId);
        Assert.InRange(onBurstDay.Judgement.Deviation.Amount, burst.Amount.Amount + vanished.PerDay.Amount - 1m, burst.Amount.Amount + 1m);
        // The burst's plan jumped from nothing the day before to the burst's amount (readings 24 h apart, no DST switch).
        var jump = Assert.Single(reports[burst.Day].UsageJumps);
        Assert.Equal((burst.ServiceId, burst.PlanCode, burst.ProjectId), (jump.ServiceId, jump.PlanCode, jump.ProjectId));
        Assert.Equal(TimeSpan.FromDays(1), readings[burst.Day] - readings[burst.Day.AddDays(-1)]);
        var planCost = DailyCosts(simulator, readings, e => e.ServiceId == burst.ServiceId && e.PlanCode == burst.PlanCode);
        Assert.Equal((Money.Zero, burst.Amount), (planCost[burst.Day.AddDays(-1)], planCost[burst.Day]));
        Assert.Equal((Money.Zero, burst.Amount, burst.Amount, new Money(burst.Amount.Ucents * 30)), (jump.Previous, jump.DayCost, jump.PerDay, jump.PerMonth));
        Assert.Equal($"jump:{burst.ServiceId}:{burst.PlanCode}:{burst.Day:yyyy-MM-dd}", jump.Key);
        var family = Assert.Single(reports[burst.Day].Anomalies, a => a.Scope == AnomalyScope.Family);
        Assert.Equal(burst.PlanFamily, family.Subject);
        Assert.Equal(DailyCosts(simulator, readings, e => e.PlanFamily == burst.PlanFamily)[burst.Day], family.Judgement.DayCost);
    }

    [Fact]
    public async Task Any_earlier_day_can_be_compared_and_a_day_not_before_the_examined_one_is_refused()
    {
        var clock = SimulatorClock.Frozen(EveningOf(FirstDay));
        await using var simulator = await SimulatorServer.StartAsync(new SimulatorOptions { Seed = 42, Size = AccountSize.Small, Clock = clock });
        await using var harness = await SyncHarness.CreateAsync(simulator);
        await harness.RunAsync(new SyncRequest(SyncRunKind.Full, SyncScope.Everything, Trigger: "cli"));
        for (var n = 1; n <= 3; n++)
        {
            clock.SetNow(EveningOf(FirstDay.AddDays(n)));
            await harness.RunAsync(DailyReading);
        }

        var query = harness.Services.GetRequiredService<DailyChangesQuery>();
        var report = await query.GetAsync(since: FirstDay);

        // Over three days: the flavour-changed instance appeared (at its new flavour), and so did the two others.
        var truth = simulator.GroundTruth.ResourceEvents;
        var resized = truth.Single(e => e.Kind == ResourceEventKind.FlavourChanged);
        Assert.Equal(FirstDay.AddDays(3), report.Day);
        Assert.Equal(FirstDay, report.ComparedWith);
        Assert.Equal(
            truth.Where(e => e.Kind == ResourceEventKind.Appeared).Select(e => $"{e.InstanceId} {(e.InstanceId == resized.InstanceId ? resized.ToFlavour : e.ToFlavour)}").Order(),
            report.Changes.Select(c => $"{c.InstanceId} {c.ToFlavour}").Order());
        Assert.All(report.Changes, c => Assert.Equal(ResourceChangeKind.Appeared, c.Kind));
        Assert.Equal(report.Changes.OrderByDescending(c => c.PerDay!.Value.Ucents).Select(c => c.InstanceId), report.Changes.Select(c => c.InstanceId));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => query.GetAsync(since: FirstDay.AddDays(3)));

        // Past midnight, before the day's first sync: nothing observed that day, so nothing reported as gone.
        var nextMorning = await query.AtAsync(EveningOf(FirstDay.AddDays(3)).AddHours(3));
        Assert.Equal(FirstDay.AddDays(4), nextMorning.Day);
        Assert.False(nextMorning.HasData);
        Assert.Empty(nextMorning.Changes);
    }

    private static DateOnly ParisDay(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Paris).DateTime);

    /// <summary>
    /// The bills dated <paramref name="day"/>: each one's services not billed in the month before nor by an earlier bill
    /// of its month (new, their total in it); with the month's first bill, the services of the month before last that
    /// the month before did not bill (vanished, minus their total then).
    /// </summary>
    private static IEnumerable<string> ExpectedBillLineChanges(IReadOnlyList<SimBill> bills, DateOnly day)
    {
        string Month(SimBill b) => $"{b.Month.Year:D4}-{b.Month.Month:D2}";
        string Before(string month) => DateOnly.ParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture).AddMonths(-1).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        Dictionary<string, Money> Billed(IEnumerable<SimBill> of) => of.SelectMany(b => b.Lines).GroupBy(l => l.Domain).ToDictionary(g => g.Key, g => Money.Sum(g.Select(l => l.TotalPrice)));
        var expected = new List<string>();
        foreach (var bill in bills.Where(b => ParisDay(b.Date) == day).OrderBy(b => b.Date).ThenBy(b => b.BillId, StringComparer.Ordinal))
        {
            var (month, previous) = (Month(bill), Before(Month(bill)));
            var earlier = bills.Where(b => Month(b) == month && (b.Date < bill.Date || (b.Date == bill.Date && string.CompareOrdinal(b.BillId, bill.BillId) < 0))).ToList();
            var lastMonth = Billed(bills.Where(b => Month(b) == previous));
            var seen = Billed(earlier);
            expected.AddRange(Billed([bill]).Where(d => !lastMonth.ContainsKey(d.Key) && !seen.ContainsKey(d.Key)).Select(d => $"New {d.Key} {month} {bill.BillId} {d.Value.Ucents}"));
            if (earlier.Count > 0) continue;
            var monthBefore = Billed(bills.Where(b => Month(b) == Before(previous)));
            expected.AddRange(monthBefore.Where(d => !lastMonth.ContainsKey(d.Key)).Select(d => $"Vanished {d.Key} {previous}  {(-d.Value).Ucents}"));
        }

        return expected.Order();
    }

    /// <summary>
    /// From the services' terms: the renewal of the day (its expiry a month on), the services whose expiry is now a week
    /// away (expiring) or was yesterday (expired), each priced by its lines in the latest bill that names it.
    /// </summary>
    private static IEnumerable<string> ExpectedServiceChanges(SimulatorServer simulator, IReadOnlyList<SimBill> bills, DateOnly day)
    {
        var account = simulator.Account;
        var terms = account.DedicatedServers.Select(s => (s.Name, s.Terms)).Concat(account.Vps.Select(v => (v.Name, v.Terms)))
            .Concat(account.NetApps.Select(n => (n.Id, n.Terms))).Concat(account.CloudProjects.Select(p => (p.Id, p.Terms)))
            .Concat(account.OtherServices.Select(o => (o.Name, o.Terms))).DistinctBy(t => t.Item1).ToList();
        string Price(string name) => bills.LastOrDefault(b => b.Lines.Any(l => l.Domain == name)) is { } bill
            ? Money.Sum(bill.Lines.Where(l => l.Domain == name).Select(l => l.TotalPrice)).Ucents.ToString(CultureInfo.InvariantCulture)
            : "";
        var renewed = account.Renewals.Where(r => r.Day == day).Select(r => $"Renewed {r.ServiceName} {r.From}>{r.To} {Price(r.ServiceName)}");
        var dated = terms.Where(t => account.Renewals.All(r => r.ServiceId != t.Terms.ServiceId)).SelectMany(t =>
            t.Terms.Expiration == day.AddDays(7) ? [$"Expiring {t.Item1} {t.Terms.Expiration}>{t.Terms.Expiration} {Price(t.Item1)}"]
            : t.Terms.Expiration == day.AddDays(-1) ? [$"Expired {t.Item1} {t.Terms.Expiration}>{t.Terms.Expiration} {Price(t.Item1)}"]
            : Array.Empty<string>());
        return renewed.Concat(dated).Order();
    }

    private static DateTimeOffset EveningOf(DateOnly day)
    {
        var local = day.ToDateTime(new TimeOnly(23, 0));
        return new DateTimeOffset(local, Paris.GetUtcOffset(local)).ToUniversalTime();
    }

    /// <summary>Each day's consumption of the selected elements: its reading minus the day before's, scaled to 24 hours.</summary>
    /// <remarks>On the 1st, the month so far over the time since its start: the reading before belongs to the month before.</remarks>
    private static Dictionary<DateOnly, Money> DailyCosts(SimulatorServer simulator, Dictionary<DateOnly, DateTimeOffset> readings, Func<ConsumptionElement, bool> selected)
    {
        Money At(DateTimeOffset t) => Money.Sum(ConsumptionView.Current(simulator.Account, t).Where(selected).Select(e => e.Amount));
        return readings.Keys.Where(d => readings.ContainsKey(d.AddDays(-1))).ToDictionary(d => d, d =>
        {
            var to = readings[d];
            var (from, before) = d.Day == 1 ? (OvhCostManager.Simulator.BillingMonth.Of(to).Start, Money.Zero) : (readings[d.AddDays(-1)], At(readings[d.AddDays(-1)]));
            return new Money((long)((Int128)(At(to) - before).Ucents * 86_400 / (long)(to - from).TotalSeconds));
        });
    }
}
