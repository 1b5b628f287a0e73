using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OvhCostManager.Core.Data;
using OvhCostManager.Core.Data.Entities;

namespace OvhCostManager.Core.Alerts;

/// <summary>
/// The e-mail digest (<see cref="AlertOptions.Digest"/>): alerts wait with a <see cref="AlertChannel.Digest"/> delivery
/// until the next departure (<see cref="DigestSchedule"/>), then leave together in one e-mail; a failure is recorded on
/// each and tried again at the next check until <see cref="AlertOptions.MaxAttempts"/>.
/// </summary>
public sealed class AlertDigest(
    IEnumerable<IAlertChannel> channels,
    AlertStore store,
    AccountSettingsStore accountSettings,
    TimeProvider time,
    IOptions<AlertOptions> options,
    ILogger<AlertDigest> logger) : IDisposable
{
    private readonly SemaphoreSlim digestGate = new(1, 1);

    /// <summary>Every minute of the account's clock, sends the digest once its departure has passed.</summary>
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromMinutes(1), time, stoppingToken);
                await SendIfDueAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Sends the alerts raised before the latest departure that are still waiting, in one e-mail.</summary>
    public async Task SendIfDueAsync(CancellationToken cancellationToken)
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
                await email.SendDigestAsync(due.Select(d => AlertMessage.Of(d.Alert, settings)).ToList(), cancellationToken);
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

    public void Dispose() => digestGate.Dispose();
}
