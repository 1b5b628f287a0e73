using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OvhCostManager.Core.Alerts;
using OvhCostManager.Core.Budgets;
using OvhCostManager.Core.Classification;
using OvhCostManager.Core.Costs;
using OvhCostManager.Core.Data;
using OvhCostManager.Core.Data.Entities;
using OvhCostManager.Core.Overview;
using OvhCostManager.Core.Sync;
using OvhCostManager.Simulator;
using OvhCostManager.Tests.Infrastructure;
using BillingMonth = OvhCostManager.Core.Costs.BillingMonth;

namespace OvhCostManager.Tests.Integration.Alerts;

/// <summary>
/// A budget crossing after a sync, delivered to real listeners: a Kestrel endpoint standing in for the webhook and
/// an SMTP server on loopback receiving MailKit's message.
/// </summary>
public sealed class BudgetAlertDeliveryTests
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
    private static readonly string Month = BillingMonth.Of(ImportedAccountFixture.Now, Paris);
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr");
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_budget_crossed_raises_one_alert_one_webhook_call_and_one_email_and_the_next_sync_raises_nothing_new_for_it()
    {
        await using var sim = await StartSimulatorAsync();
        await using var webhook = await WebhookListener.StartAsync();
        await using var smtp = SmtpListener.Start();
        await using var harness = await SyncHarness.CreateAsync(sim, new Dictionary<string, string?>
        {
            ["Alerts:WebhookUrl"] = webhook.Url,
            ["Alerts:DashboardUrl"] = "https://costs.example.com",
            ["Alerts:Smtp:Host"] = "127.0.0.1",
            ["Alerts:Smtp:Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
            ["Alerts:Smtp:Security"] = "None",
            ["Alerts:Smtp:From"] = "costs@example.com",
            ["Alerts:Smtp:To"] = "finance@example.com; ops@example.com",
        });
        Assert.Equal(SyncRunStatus.Success, (await harness.RunAsync(new SyncRequest(SyncRunKind.Full, SyncScope.Everything))).Status);
        var incurred = sim.GroundTruth.IncurredPerMonth[Month];
        var budgets = harness.Services.GetRequiredService<BudgetStore>();
        // One euro: far below what the month has incurred, so every threshold is passed at once.
        await budgets.SaveAsync(BudgetScope.Account, Month, Money.FromDecimal(1m), BudgetThresholds.Default, "alice");

        var dispatcher = harness.Services.GetRequiredService<AlertDispatcher>();
        await dispatcher.StartAsync(CancellationToken.None);
        try
        {
            var coordinator = harness.Services.GetRequiredService<SyncCoordinator>();
            Assert.Equal(SyncRunStatus.Success, (await coordinator.RunAsync(SyncRequest.Consumption(), CancellationToken.None)).Status);
            await WaitUntilAsync(async () => webhook.Received.Count >= 1 && !smtp.Messages.IsEmpty && await DeliveredAsync(harness, 2));

            var alert = Assert.Single(await AlertsAsync(harness));
            Assert.Equal(BudgetAlertSource.ActualKind, alert.Kind);
            Assert.Equal($"budget:account:{Month}:actual:100", alert.Key);
            Assert.Equal(incurred - Money.FromDecimal(1m), alert.Impact);
            Assert.All(alert.Deliveries, d => Assert.Equal((AlertDeliveryStatus.Delivered, 1), (d.Status, d.Attempts)));

            var expectedText = string.Format(French, "Budget du compte : {0} en est à {1}, soit {2} % du budget de {3} (seuil de 100 % atteint).",
                BillingMonth.Days(Month).First.ToString("MMMM yyyy", French), incurred.Format("EUR", French),
                decimal.Round(incurred.Amount * 100m, 1, MidpointRounding.AwayFromZero).ToString("0.#", French), Money.FromDecimal(1m).Format("EUR", French));
            var (contentType, body) = Assert.Single(webhook.Received);
            Assert.StartsWith("application/json", contentType);
            using var json = JsonDocument.Parse(body);
            Assert.Equal($"{expectedText}\nhttps://costs.example.com/budgets?month={Month}", json.RootElement.GetProperty("text").GetString());

            var mail = Assert.Single(smtp.Messages);
            Assert.Equal("costs@example.com", mail.From);
            Assert.Equal(["finance@example.com", "ops@example.com"], mail.To);
            using var raw = new MemoryStream(System.Text.Encoding.ASCII.GetBytes(mail.Raw));
            var message = await MimeKit.MimeMessage.LoadAsync(raw);
            Assert.StartsWith("OVH Cost Manager : Budget du compte", message.Subject);
            Assert.Equal($"{expectedText}\n\nOuvrir : https://costs.example.com/budgets?month={Month}", message.TextBody!.ReplaceLineEndings("\n").TrimEnd());

            // The next sync sees the same crossing (nothing new) and a new one on the Public Cloud family.
            await budgets.SaveAsync(BudgetScope.Family(CostFamily.Cloud), Month, Money.FromCents(1), [100], "alice");
            Assert.Equal(SyncRunStatus.Success, (await coordinator.RunAsync(SyncRequest.Consumption(), CancellationToken.None)).Status);
            await WaitUntilAsync(async () => webhook.Received.Count >= 2 && smtp.Messages.Count >= 2 && await DeliveredAsync(harness, 4));

            var alerts = await AlertsAsync(harness);
            Assert.Equal([$"budget:account:{Month}:actual:100", $"budget:family:Cloud:{Month}:actual:100"], alerts.Select(a => a.Key).Order(StringComparer.Ordinal));
            Assert.Equal(2, webhook.Received.Count);
            Assert.Equal(2, smtp.Messages.Count);
            Assert.Equal(2, await harness.Services.GetRequiredService<AlertStore>().UnreadCountAsync(""));
        }
        finally
        {
            await dispatcher.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task A_failing_webhook_is_retried_and_recorded_as_failed_while_the_sync_succeeds()
    {
        await using var sim = await StartSimulatorAsync();
        await using var webhook = await WebhookListener.StartAsync();
        webhook.StatusCode = 500;
        await using var harness = await SyncHarness.CreateAsync(sim, new Dictionary<string, string?>
        {
            ["Alerts:WebhookUrl"] = webhook.Url,
            ["Alerts:MaxAttempts"] = "3",
            ["Alerts:RetryDelay"] = "00:00:00.200",
        });
        await harness.RunAsync(new SyncRequest(SyncRunKind.Full, SyncScope.Everything));
        await harness.Services.GetRequiredService<BudgetStore>().SaveAsync(BudgetScope.Account, Month, Money.FromDecimal(1m), BudgetThresholds.Default, null);
        var dispatcher = harness.Services.GetRequiredService<AlertDispatcher>();
        await dispatcher.StartAsync(CancellationToken.None);
        try
        {
            var outcome = await harness.Services.GetRequiredService<SyncCoordinator>().RunAsync(SyncRequest.Consumption(), CancellationToken.None);
            Assert.Equal(SyncRunStatus.Success, outcome.Status);

            await WaitUntilAsync(async () => (await AlertsAsync(harness)).SelectMany(a => a.Deliveries).Any(d => d.Status == AlertDeliveryStatus.Failed));
            var delivery = Assert.Single(Assert.Single(await AlertsAsync(harness)).Deliveries);
            Assert.Equal(AlertChannel.Webhook, delivery.Channel);
            Assert.Equal(3, delivery.Attempts);
            Assert.Equal(3, webhook.Received.Count);
            Assert.Contains("500", delivery.LastError);
            Assert.Null(delivery.DeliveredAtUtc);
            Assert.Equal(SyncRunStatus.Success, (await harness.Services.GetRequiredService<SyncRunStore>().GetRecentAsync(1)).Single().Status);
        }
        finally
        {
            await dispatcher.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task With_a_daily_digest_the_email_waits_for_the_next_morning_and_carries_the_day_s_alerts()
    {
        var clock = new FakeTimeProvider(ImportedAccountFixture.Now);
        await using var sim = await SimulatorServer.StartAsync(new SimulatorOptions { Seed = 42, Size = AccountSize.Small, Clock = clock });
        await using var smtp = SmtpListener.Start();
        await using var harness = await SyncHarness.CreateAsync(sim, new Dictionary<string, string?>
        {
            ["Alerts:Smtp:Host"] = "127.0.0.1",
            ["Alerts:Smtp:Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
            ["Alerts:Smtp:Security"] = "None",
            ["Alerts:Smtp:From"] = "costs@example.com",
            ["Alerts:Smtp:To"] = "finance@example.com",
            ["Alerts:Digest"] = "Daily",
            ["Alerts:DigestHour"] = "8",
        }, clock);
        await harness.RunAsync(new SyncRequest(SyncRunKind.Full, SyncScope.Everything));
        await harness.Services.GetRequiredService<BudgetStore>().SaveAsync(BudgetScope.Account, Month, Money.FromDecimal(1m), BudgetThresholds.Default, null);
        var dispatcher = harness.Services.GetRequiredService<AlertDispatcher>();
        await dispatcher.StartAsync(CancellationToken.None);
        try
        {
            // 18 November, 10:00 Paris: raised after this morning's digest left, so it waits for tomorrow's.
            await harness.Services.GetRequiredService<SyncCoordinator>().RunAsync(SyncRequest.Consumption(), CancellationToken.None);
            await WaitUntilAsync(async () => (await AlertsAsync(harness)).Count == 1);
            var waiting = Assert.Single(Assert.Single(await AlertsAsync(harness)).Deliveries);
            Assert.Equal(AlertChannel.Digest, waiting.Channel);
            Assert.Equal(AlertDeliveryStatus.Pending, waiting.Status);
            Assert.Empty(smtp.Messages);

            // 19 November, 08:01 Paris: the digest has left with it.
            clock.Advance(TimeSpan.FromHours(22) + TimeSpan.FromMinutes(1));
            await WaitUntilAsync(async () => !smtp.Messages.IsEmpty && (await AlertsAsync(harness)).Single().Deliveries.Single().Status == AlertDeliveryStatus.Delivered);
            using var raw = new MemoryStream(System.Text.Encoding.ASCII.GetBytes(Assert.Single(smtp.Messages).Raw));
            var message = await MimeKit.MimeMessage.LoadAsync(raw);
            Assert.Equal("OVH Cost Manager : 1 alerte(s)", message.Subject);
            Assert.StartsWith("• Budget du compte : novembre 2026 en est à ", message.TextBody);
        }
        finally
        {
            await dispatcher.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task The_account_budget_is_measured_as_the_overview_measures_the_month_and_the_families_add_up_to_it()
    {
        await using var sim = await StartSimulatorAsync();
        await using var harness = await SyncHarness.CreateAsync(sim);
        await harness.RunAsync(new SyncRequest(SyncRunKind.Full, SyncScope.Everything));
        var budgets = harness.Services.GetRequiredService<BudgetStore>();
        await budgets.SaveAsync(BudgetScope.Account, "2026-01", Money.FromDecimal(5000m), BudgetThresholds.Default, null);
        foreach (var family in Enum.GetValues<CostFamily>())
        {
            await budgets.SaveAsync(BudgetScope.Family(family), Month, Money.FromDecimal(1000m), BudgetThresholds.Default, null);
        }

        var report = await harness.Services.GetRequiredService<BudgetProgressQuery>().GetAsync(Month);
        var overview = await harness.Services.GetRequiredService<OverviewQueries>().GetAsync(Month, CostLens.Incurred);

        var account = report.Budgets.Single(b => b.Budget.Scope == BudgetScope.Account);
        Assert.Equal(sim.GroundTruth.IncurredPerMonth[Month], account.Status.Consumed);
        Assert.Equal(overview.Budget, account.Status);
        Assert.Equal(overview.Forecast!.Amount, account.Status.Forecast);
        // 18 November: 18 of 30 days.
        Assert.Equal(Money.FromDecimal(5000m * 18 / 30), account.Status.Prorated);
        var families = report.Budgets.Where(b => b.Budget.Scope.Kind == BudgetScopeKind.Family).ToList();
        Assert.Equal(5, families.Count);
        Assert.Equal(account.Status.Consumed, Money.Sum(families.Select(f => f.Status.Consumed)));
        Assert.Equal(overview.ByFamily.Select(f => f.Amount), Enum.GetValues<CostFamily>().Select(f => families.Single(b => b.Budget.Scope.Key == f.ToString()).Status.Consumed));
        Assert.All(families, f => Assert.True(f.Status.Forecast >= f.Status.Consumed));
    }

    private static Task<SimulatorServer> StartSimulatorAsync() =>
        SimulatorServer.StartAsync(new SimulatorOptions { Seed = 42, Size = AccountSize.Small, Clock = SimulatorClock.Frozen(ImportedAccountFixture.Now) });

    private static async Task<List<Alert>> AlertsAsync(SyncHarness harness)
    {
        await using var db = await harness.Contexts.CreateDbContextAsync();
        return await db.Alerts.Include(a => a.Deliveries).OrderBy(a => a.Id).ToListAsync();
    }

    private static async Task<bool> DeliveredAsync(SyncHarness harness, int count) =>
        (await AlertsAsync(harness)).SelectMany(a => a.Deliveries).Count(d => d.Status == AlertDeliveryStatus.Delivered) >= count;

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(waited.Elapsed < Patience, "The alert was not delivered in time.");
            await Task.Delay(100);
        }
    }
}
