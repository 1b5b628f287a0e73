using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace OvhCostManager.Core.Sync;

/// <summary>
/// The hosted service (started after the database is migrated): after start-up it imports everything once, then consumption, differential and inventory
/// runs each on their own interval. Runs are serialised by the <see cref="SyncCoordinator"/>; an OVH failure is
/// logged and the next tick tries again; shutdown cancels the running run.
/// </summary>
public sealed class SyncScheduler(
    SyncCoordinator coordinator,
    IOptions<SyncOptions> options,
    TimeProvider clock,
    ILogger<SyncScheduler> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            logger.LogInformation("Scheduled sync is off (Sync:Enabled=false)");
            return;
        }

        await RunSafelyAsync(SyncRequest.Now() with { Trigger = "startup" }, stoppingToken);

        var now = clock.GetUtcNow();
        var due = new Dictionary<Func<SyncRequest>, (TimeSpan Interval, DateTimeOffset Next)>
        {
            [() => SyncRequest.Consumption()] = (settings.ConsumptionInterval, now + settings.ConsumptionInterval),
            [() => SyncRequest.Differential()] = (settings.DifferentialInterval, now + settings.DifferentialInterval),
            [() => SyncRequest.Daily()] = (settings.InventoryInterval, now + settings.InventoryInterval),
        };

        while (!stoppingToken.IsCancellationRequested)
        {
            var (job, (interval, next)) = due.MinBy(d => d.Value.Next);
            var wait = next - clock.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, clock, stoppingToken);
            }

            await RunSafelyAsync(job(), stoppingToken);
            due[job] = (interval, clock.GetUtcNow() + interval);
        }
    }

    private async Task RunSafelyAsync(SyncRequest request, CancellationToken stoppingToken)
    {
        try
        {
            await coordinator.RunAsync(request, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            // The runner records expected OVH failures itself; anything reaching here is logged and retried next tick.
            logger.LogError(e, "Scheduled sync {Kind} failed", request.Kind);
        }
    }
}
