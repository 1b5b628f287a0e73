using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
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
    AlertDigest digest,
    IOptions<AlertOptions> options,
    ILogger<AlertDispatcher> logger) : BackgroundService
{
    private readonly Channel<SyncOutcome?> work = Channel.CreateUnbounded<SyncOutcome?>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Dictionary<long, Task> sending = [];
    private IDisposable? subscription;
    private long handledRunId;

    /// <summary>The channels alerts are sent on (the in-app list is always there); with a digest, e-mail waits for it.</summary>
    public IReadOnlyList<AlertChannel> ConfiguredChannels =>
    [
        .. channels.Where(c => c.IsConfigured && !(c.Channel == AlertChannel.Email && options.Value.DigestOn)).Select(c => c.Channel),
        .. options.Value.DigestOn ? [AlertChannel.Digest] : Array.Empty<AlertChannel>(),
    ];

    /// <summary>The last sync run whose alerts have been raised and whose deliveries have started (0 before the first).</summary>
    public long HandledRunId => Interlocked.Read(ref handledRunId);

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
        var digests = options.Value.DigestOn ? digest.RunAsync(stoppingToken) : Task.CompletedTask;
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
                    await digest.SendIfDueAsync(stoppingToken);
                }

                if (outcome is not null)
                {
                    Interlocked.Exchange(ref handledRunId, outcome.RunId);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        await Task.WhenAll([.. sending.Values, digests]);
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
        var message = AlertMessage.Of(alert, settings);
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
}
