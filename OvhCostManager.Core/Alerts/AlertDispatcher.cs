using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OvhCostManager.Core.Data;
using OvhCostManager.Core.Data.Entities;
using OvhCostManager.Core.Sync;

namespace OvhCostManager.Core.Alerts;

/// <summary>
/// After every sync, asks each <see cref="IAlertSource"/> for candidates, stores the new ones (one per key) and sends
/// them on every configured channel. It runs beside the sync, never inside it: the sync only drops its outcome in a
/// queue, so a slow or broken webhook or SMTP server can neither delay nor fail a sync. Each delivery is tried up to
/// <see cref="AlertOptions.MaxAttempts"/> times, waiting <see cref="AlertOptions.RetryDelay"/> and then twice as long
/// each time, and every attempt is recorded; deliveries left pending by a stopped process are resumed at start.
/// With <see cref="AlertOptions.Digest"/> on, e-mails wait for the digest, checked after each sync and every minute.
/// </summary>
public sealed class AlertDispatcher(
    IEnumerable<IAlertSource> sources,
    IEnumerable<IAlertChannel> channels,
    AlertStore store,
    SyncNotifier syncs,
    AccountSettingsStore accountSettings,
    TimeProvider time,
    IOptions<AlertOptions> options,
    ILogger<AlertDispatcher> logger) : BackgroundService
{
    private readonly Channel<SyncOutcome?> work = Channel.CreateUnbounded<SyncOutcome?>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Dictionary<long, Task> sending = [];
    private readonly SemaphoreSlim digestGate = new(1, 1);
    private IDisposable? subscription;

    /// <summary>The channels alerts are sent on (the in-app list is always there); with a digest, e-mail waits for it.</summary>
    public IReadOnlyList<AlertChannel> ConfiguredChannels =>
    [
        .. channels.Where(c => c.IsConfigured && !(c.Channel == AlertChannel.Email && options.Value.DigestOn)).Select(c => c.Channel),
        .. options.Value.DigestOn ? [AlertChannel.Digest] : Array.Empty<AlertChannel>(),
    ];

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        subscription = syncs.OnFinished(outcome => work.Writer.WriteAsync(outcome).AsTask());
        work.Writer.TryWrite(null);
        return base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        subscription?.Dispose();
        work.Writer.TryComplete();
        await base.StopAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var digests = options.Value.DigestOn ? SendDigestsAsync(stoppingToken) : Task.CompletedTask;
        try
        {
            await foreach (var outcome in work.Reader.ReadAllAsync(stoppingToken))
            {
                if (outcome is not null)
                {
                    await RaiseAsync(outcome, stoppingToken);
                }

                await StartPendingDeliveriesAsync(stoppingToken);
                if (options.Value.DigestOn)
                {
                    await SendDigestIfDueAsync(stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        await Task.WhenAll([.. sending.Values, digests]);
    }

    /// <summary>Every minute of the account's clock, sends the digest once its departure has passed.</summary>
    private async Task SendDigestsAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromMinutes(1), time, stoppingToken);
                await SendDigestIfDueAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task SendDigestIfDueAsync(CancellationToken cancellationToken)
    {
        // The minute timer and a sync's end may both find the digest due: it leaves once.
        await digestGate.WaitAsync(cancellationToken);
        try
        {
            var settings = options.Value;
            var departure = DigestSchedule.LatestDeparture(time.GetUtcNow(), await accountSettings.GetTimeZoneAsync(cancellationToken), settings.Digest == "Weekly", settings.DigestHour);
            var due = (await store.PendingAsync(cancellationToken))
                .Where(p => p.Delivery.Channel == AlertChannel.Digest && p.Alert.RaisedAtUtc < departure).ToList();
            var email = channels.OfType<EmailChannel>().FirstOrDefault();
            if (due.Count == 0 || email is null)
            {
                return;
            }

            string? error = null;
            try
            {
                await email.SendDigestAsync(due.Select(d => Message(d.Alert)).ToList(), cancellationToken);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                error = e.Message;
                logger.LogWarning("The alert digest of {Count} alert(s) was not sent: {Error}", due.Count, error);
            }

            foreach (var (delivery, _) in due)
            {
                await store.RecordAttemptAsync(delivery.Id, error, delivery.Attempts + 1 >= settings.MaxAttempts, CancellationToken.None);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "The alert digest could not be prepared");
        }
        finally
        {
            digestGate.Release();
        }
    }

    public override void Dispose()
    {
        digestGate.Dispose();
        base.Dispose();
    }

    private async Task RaiseAsync(SyncOutcome outcome, CancellationToken cancellationToken)
    {
        var candidates = new List<AlertCandidate>();
        foreach (var source in sources)
        {
            try
            {
                candidates.AddRange(await source.GetCandidatesAsync(outcome, cancellationToken));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "The alert source {Source} failed after sync run {RunId}", source.GetType().Name, outcome.RunId);
            }
        }

        try
        {
            var raised = await store.RaiseAsync(candidates, ConfiguredChannels, cancellationToken);
            if (raised > 0)
            {
                logger.LogInformation("{Count} alert(s) raised after sync run {RunId}", raised, outcome.RunId);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Alerts could not be stored after sync run {RunId}", outcome.RunId);
        }
    }

    private async Task StartPendingDeliveriesAsync(CancellationToken cancellationToken)
    {
        foreach (var id in sending.Where(s => s.Value.IsCompleted).Select(s => s.Key).ToList())
        {
            sending.Remove(id);
        }

        IReadOnlyList<(AlertDelivery Delivery, Alert Alert)> pending;
        try
        {
            pending = await store.PendingAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Pending alert deliveries could not be read");
            return;
        }

        foreach (var (delivery, alert) in pending.Where(p => p.Delivery.Channel != AlertChannel.Digest && !sending.ContainsKey(p.Delivery.Id)))
        {
            sending[delivery.Id] = DeliverAsync(delivery, alert, cancellationToken);
        }
    }

    private async Task DeliverAsync(AlertDelivery delivery, Alert alert, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var channel = channels.FirstOrDefault(c => c.Channel == delivery.Channel && c.IsConfigured);
        var message = Message(alert);
        for (var attempt = delivery.Attempts + 1; attempt <= settings.MaxAttempts; attempt++)
        {
            string? error;
            try
            {
                if (channel is null)
                {
                    throw new InvalidOperationException($"The {delivery.Channel} channel is no longer configured.");
                }

                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(settings.Timeout);
                await channel.SendAsync(message, timeout.Token);
                error = null;
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                error = e is OperationCanceledException ? $"No answer within {settings.Timeout}." : e.Message;
                logger.LogWarning("Alert {AlertId} not delivered by {Channel} (attempt {Attempt} of {Max}): {Error}", alert.Id, delivery.Channel, attempt, settings.MaxAttempts, error);
            }

            var final = error is null || attempt == settings.MaxAttempts || channel is null;
            await store.RecordAttemptAsync(delivery.Id, error, final, CancellationToken.None);
            if (final)
            {
                return;
            }

            await Task.Delay(settings.RetryDelay * Math.Pow(2, attempt - 1), cancellationToken);
        }
    }

    private AlertMessage Message(Alert alert)
    {
        var settings = options.Value;
        var url = settings.DashboardUrl is { Length: > 0 } site && alert.Link is { } link ? new Uri(new Uri(site), link).ToString() : null;
        return new AlertMessage(AlertText.Render(alert.Kind, alert.Parameters, settings.TextCulture), url);
    }
}
