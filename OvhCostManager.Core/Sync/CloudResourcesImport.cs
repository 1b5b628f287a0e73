using Microsoft.EntityFrameworkCore;
using OvhCostManager.Core.Costs;
using OvhCostManager.Core.Data;
using OvhCostManager.Core.Data.Entities;
using OvhCostManager.Core.Ovh;
using OvhCostManager.Core.Ovh.Models;
using CloudFailoverIpEntity = OvhCostManager.Core.Data.Entities.CloudFailoverIp;
using CloudVolumeEntity = OvhCostManager.Core.Data.Entities.CloudVolume;
using CloudVolumeSnapshotEntity = OvhCostManager.Core.Data.Entities.CloudVolumeSnapshot;

namespace OvhCostManager.Core.Sync;

/// <summary>
/// What the savings view needs beyond the cloud details: OVH's public price list (once per run), and per live project its
/// volumes, volume snapshots, failover IPs and each hourly instance's hours this month and last month.
/// A project whose reads fail keeps what was stored.
/// </summary>
public sealed class CloudResourcesImport(IOvhApi ovh, CloudResourceStore store, IDbContextFactory<CostDbContext> contexts, TimeProvider time)
{
    public const string StepName = "cloud resources";

    /// <summary>The catalogue's endpoint template: it is read unsigned, so its answer says nothing about the credentials.</summary>
    public const string CatalogTemplate = "/order/catalog/public/cloud";

    public async Task RunAsync(SyncRunRecorder run, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        List<string> projects;
        await using (var context = await contexts.CreateDbContextAsync(cancellationToken))
        {
            projects = await context.CloudProjects.Where(p => p.RemovedAtUtc == null).OrderBy(p => p.Id).Select(p => p.Id).ToListAsync(cancellationToken);
        }

        run.Report(StepName, 0, projects.Count + 1);
        await ImportCatalogAsync(run, cancellationToken);
        var done = 0;
        var current = BillingMonth.Of(time.GetUtcNow(), zone);
        await Parallel.ForEachAsync(projects, new ParallelOptions { MaxDegreeOfParallelism = InventoryImport.ItemConcurrency, CancellationToken = cancellationToken }, async (projectId, ct) =>
        {
            try
            {
                await ImportProjectAsync(run, projectId, current, zone, ct);
            }
            catch (Exception e) when (SyncRunRecorder.IsOvhFailure(e))
            {
                run.ItemFailed(StepName, $"project {projectId}", e);
            }

            run.Report(StepName, Interlocked.Increment(ref done) + 1, projects.Count + 1);
        });
        run.StepDone(StepName);
    }

    private async Task ImportCatalogAsync(SyncRunRecorder run, CancellationToken cancellationToken)
    {
        try
        {
            var me = await ovh.GetMeAsync(cancellationToken);
            var catalog = await ovh.GetPublicCloudCatalogAsync(me.OvhSubsidiary, cancellationToken);
            var prices = CatalogPrices(catalog).ToList();
            await run.Writes.WriteAsync(() => store.ReplaceCatalogAsync(prices, cancellationToken), cancellationToken);
        }
        catch (Exception e) when (SyncRunRecorder.IsOvhFailure(e))
        {
            run.ItemFailed(StepName, "public cloud catalogue", e);
        }
    }

    /// <summary>Each plan's price for one hour or one month (the first such pricing of a plan; setup fees have no interval).</summary>
    public static IEnumerable<CloudCatalogPrice> CatalogPrices(PublicCloudCatalog catalog) =>
        catalog.Plans.Concat(catalog.Addons)
            .SelectMany(plan => plan.Pricings
                .Where(p => p.Interval == 1 && p.IntervalUnit is "hour" or "month")
                .Take(1)
                .Select(p => new CloudCatalogPrice
                {
                    PlanCode = plan.PlanCode,
                    IntervalUnit = p.IntervalUnit,
                    Price = new Money(p.Price),
                    Subsidiary = catalog.Locale?.Subsidiary ?? "",
                    Currency = catalog.Locale?.CurrencyCode ?? "",
                }))
            .DistinctBy(p => (p.PlanCode, p.IntervalUnit));

    private async Task ImportProjectAsync(SyncRunRecorder run, string projectId, string current, TimeZoneInfo zone, CancellationToken ct)
    {
        var volumesRead = ovh.ListCloudVolumesAsync(projectId, ct);
        var snapshotsRead = ovh.ListCloudVolumeSnapshotsAsync(projectId, ct);
        var ipsRead = ovh.ListCloudFailoverIpsAsync(projectId, ct);
        var usageRead = ovh.GetCloudUsageCurrentAsync(projectId, ct);
        var previous = BillingMonth.Previous(current);
        var previousRead = PreviousMonthUsageAsync(projectId, previous, zone, ct);
        await Task.WhenAll(volumesRead, snapshotsRead, ipsRead, usageRead, previousRead);

        var hours = Hours(await usageRead, current, CloudUsageKind.Current).ToList();
        var months = new List<string> { current, previous };
        if (await previousRead is { } closed)
        {
            hours.AddRange(Hours(closed, previous, CloudUsageKind.History));
        }

        var volumes = (await volumesRead).DistinctBy(v => v.Id).Select(v => new CloudVolumeEntity
        {
            VolumeId = v.Id, Name = v.Name, Region = v.Region, Type = v.Type, SizeGb = v.Size,
            AttachedTo = string.Join(',', v.AttachedTo), Status = v.Status, CreatedAtUtc = v.CreationDate?.ToUniversalTime(),
        }).ToList();
        var snapshots = (await snapshotsRead).DistinctBy(s => s.Id).Select(s => new CloudVolumeSnapshotEntity
        {
            SnapshotId = s.Id, Name = s.Name, Region = s.Region, VolumeId = s.VolumeId, SizeGb = s.Size, PlanCode = s.PlanCode,
            CreatedAtUtc = s.CreationDate?.ToUniversalTime(),
        }).ToList();
        var ips = (await ipsRead).DistinctBy(ip => ip.Id).Select(ip => new CloudFailoverIpEntity
        {
            IpId = ip.Id, Ip = ip.Ip, RoutedTo = string.IsNullOrWhiteSpace(ip.RoutedTo) ? null : ip.RoutedTo, Geoloc = ip.Geoloc, Status = ip.Status,
        }).ToList();
        await run.Writes.WriteAsync(() => store.ReplaceProjectAsync(projectId, volumes, snapshots, ips, hours, months, ct), ct);
    }

    /// <summary>The closed usage period of <paramref name="month"/>, or null when OVH has none (project younger than it).</summary>
    private async Task<CloudUsage?> PreviousMonthUsageAsync(string projectId, string month, TimeZoneInfo zone, CancellationToken ct)
    {
        var periods = await ovh.ListCloudUsageHistoryAsync(projectId, BillingMonth.StartIn(month, zone),
            BillingMonth.StartIn(BillingMonth.Next(month), zone).AddSeconds(-1), ct);
        var period = periods.FirstOrDefault(p => BillingMonth.Of(p.Period.From, zone) == month);
        return period is null ? null : await ovh.GetCloudUsageHistoryAsync(projectId, period.Id, ct);
    }

    private static IEnumerable<CloudInstanceHours> Hours(CloudUsage usage, string month, CloudUsageKind kind) =>
        (usage.HourlyUsage?.Instance ?? []).SelectMany(flavor => flavor.Details.Select(d => new CloudInstanceHours
        {
            Month = month,
            Kind = kind,
            InstanceId = d.InstanceId,
            Flavor = flavor.Reference,
            Region = flavor.Region,
            Hours = d.Quantity?.Value ?? 0m,
            Amount = Money.FromDecimal(d.TotalPrice),
            PeriodFromUtc = usage.Period.From.ToUniversalTime(),
            PeriodToUtc = usage.Period.To.ToUniversalTime(),
        }));
}
