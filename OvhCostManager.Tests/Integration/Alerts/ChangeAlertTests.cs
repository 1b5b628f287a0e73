using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OvhCostManager.Core.Alerts;
using OvhCostManager.Core.Costs;
using OvhCostManager.Core.Data.Entities;
using OvhCostManager.Core.Sync;
using OvhCostManager.Simulator;
using OvhCostManager.Tests.Infrastructure;

namespace OvhCostManager.Tests.Integration.Alerts;

/// <summary>
/// Ten simulated days, two consumption syncs each: every instance change whose month at the current rate reaches
/// <c>Alerts:MinimumChangeImpact</c> raises one alert on its day (and one webhook call), a smaller one none, and the
/// usage burst raises its two anomalies (project and plan family) and its usage jump once.
/// </summary>
public sealed class ChangeAlertTests
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
    private static readonly DateOnly FirstDay = new(2026, 10, 5);
    private static readonly string[] InstanceChangeKinds = ["ChangeAppeared", "ChangeGone", "ChangeFlavourChanged"];

    [Fact]
    public async Task Each_change_above_the_minimum_impact_and_each_anomaly_raises_one_alert_on_its_day()
    {
        var clock = SimulatorClock.Frozen(At(FirstDay, 23));
        await using var simulator = await SimulatorServer.StartAsync(new SimulatorOptions { Seed = 42, Size = AccountSize.Small, Clock = clock });
        var events = simulator.Account.ResourceEvents;
        // Just above the smallest change: that one stays quiet, the others are raised.
        var smallest = events.Min(e => Math.Abs(e.PerDay.Ucents * 30));
        var minimum = new Money(smallest + 1).Amount;
        await using var webhook = await WebhookListener.StartAsync();
        await using var harness = await SyncHarness.CreateAsync(simulator, new Dictionary<string, string?>
        {
            ["Alerts:WebhookUrl"] = webhook.Url,
            ["Alerts:MinimumChangeImpact"] = minimum.ToString(CultureInfo.InvariantCulture),
        });
        Assert.Equal(SyncRunStatus.Success, (await harness.RunAsync(new SyncRequest(SyncRunKind.Full, SyncScope.Everything, Trigger: "cli"))).Status);
        var coordinator = harness.Services.GetRequiredService<SyncCoordinator>();
        var dispatcher = harness.Services.GetRequiredService<AlertDispatcher>();
        await dispatcher.StartAsync(CancellationToken.None);
        try
        {
            var raisedOn = new Dictionary<DateOnly, List<Alert>>();
            for (var n = 1; n <= 10; n++)
            {
                var day = FirstDay.AddDays(n);
                var before = (await AlertsAsync(harness)).Count;
                foreach (var hour in new[] { 22, 23 })
                {
                    clock.SetNow(At(day, hour));
                    var outcome = await coordinator.RunAsync(
                        new SyncRequest(SyncRunKind.Consumption, SyncScope.Consumption | SyncScope.Inventory | SyncScope.CloudDetails, Trigger: "timer"),
                        CancellationToken.None);
                    Assert.Equal(SyncRunStatus.Success, outcome.Status);
                    await WaitUntilHandledAsync(harness, dispatcher, outcome.RunId);
                }

                raisedOn[day] = (await AlertsAsync(harness)).Skip(before).ToList();
            }

            var truth = simulator.GroundTruth;
            var burst = Assert.Single(truth.UsageBursts);
            foreach (var (day, alerts) in raisedOn)
            {
                var expected = truth.ResourceEvents.Where(e => e.Day == day && Math.Abs(e.PerDay.Ucents * 30) > smallest)
                    .Select(e => $"Change{e.Kind} {e.PerDay.Ucents * 30}").Order(StringComparer.Ordinal);
                Assert.Equal(expected, alerts.Where(a => InstanceChangeKinds.Contains(a.Kind)).Select(a => $"{a.Kind} {a.Impact?.Ucents}").Order(StringComparer.Ordinal));
                var anomalies = alerts.Where(a => a.Kind == ChangeAlertSource.AnomalyKind).Select(a => a.Scope).Order(StringComparer.Ordinal);
                Assert.Equal(day == burst.Day ? [$"family:{burst.PlanFamily}", $"project:{burst.ProjectId}"] : [], anomalies);
                // The burst is also a usage jump of its plan: one alert on its day, whichever of the day's syncs saw it first.
                Assert.Equal(day == burst.Day ? [$"project:{burst.ProjectId}"] : [], alerts.Where(a => a.Kind == "UsageJumped").Select(a => a.Scope));
            }

            var all = raisedOn.Values.SelectMany(a => a).ToList();
            Assert.Equal(truth.ResourceEvents.Count - truth.ResourceEvents.Count(e => Math.Abs(e.PerDay.Ucents * 30) == smallest),
                all.Count(a => InstanceChangeKinds.Contains(a.Kind)));
            Assert.Equal(all.Count, webhook.Received.Count);
            // The webhook text names the instance and the month at the current rate, in French by default.
            var resized = truth.ResourceEvents.Single(e => e.Kind == ResourceEventKind.FlavourChanged);
            var text = webhook.Received.Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("text").GetString()!)
                .Single(t => t.Contains("est passée de", StringComparison.Ordinal));
            Assert.Contains($"l'instance {resized.Name} est passée de {resized.FromFlavour} à {resized.ToFlavour} le {resized.Day:dd/MM/yyyy}", text);
            Assert.Contains(new Money(resized.PerDay.Ucents * 30).Format("EUR", CultureInfo.GetCultureInfo("fr")), text);
        }
        finally
        {
            await dispatcher.StopAsync(CancellationToken.None);
        }
    }

    private static DateTimeOffset At(DateOnly day, int hour)
    {
        var local = day.ToDateTime(new TimeOnly(hour, 0));
        return new DateTimeOffset(local, Paris.GetUtcOffset(local)).ToUniversalTime();
    }

    private static async Task<List<Alert>> AlertsAsync(SyncHarness harness)
    {
        await using var db = await harness.Contexts.CreateDbContextAsync();
        return await db.Alerts.Include(a => a.Deliveries).OrderBy(a => a.Id).ToListAsync();
    }

    /// <summary>Waits until the dispatcher has handled the run and every alert raised so far has reached the webhook.</summary>
    private static async Task WaitUntilHandledAsync(SyncHarness harness, AlertDispatcher dispatcher, long runId)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (dispatcher.HandledRunId < runId || (await AlertsAsync(harness)).SelectMany(a => a.Deliveries).Any(d => d.Status != AlertDeliveryStatus.Delivered))
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(60), "The alerts were not delivered in time.");
            await Task.Delay(100);
        }
    }
}
