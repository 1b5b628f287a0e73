using Microsoft.EntityFrameworkCore;
using OvhCostManager.Core.Classification;
using OvhCostManager.Core.Costs;
using OvhCostManager.Core.Data;
using OvhCostManager.Core.Data.Entities;
using OvhCostManager.Core.Ovh;
using OvhCostManager.Core.Ovh.Models;
using CloudInstanceEntity = OvhCostManager.Core.Data.Entities.CloudInstance;
using CloudQuotaEntity = OvhCostManager.Core.Data.Entities.CloudQuota;

namespace OvhCostManager.Core.Sync;

/// <summary>
/// Refreshes each live cloud project's instances, quotas per region and the current month's usage (billing view).
/// A project is replaced only when its three reads succeeded; otherwise its stored details stay as they were.
/// </summary>
public sealed class CloudDetailsImport(IOvhApi ovh, InventoryStore inventory, IDbContextFactory<CostDbContext> contexts, LineClassifier classifier)
{
    public const string StepName = "cloud details";

    public async Task RunAsync(SyncRunRecorder run, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        List<string> projects;
        await using (var context = await contexts.CreateDbContextAsync(cancellationToken))
        {
            projects = await context.CloudProjects.Where(p => p.RemovedAtUtc == null).OrderBy(p => p.Id).Select(p => p.Id).ToListAsync(cancellationToken);
        }

        var done = 0;
        var failed = 0;
        run.Report(StepName, 0, projects.Count);

        // A project's three reads go out together, several projects at once; the writes go one at a time.
        await Parallel.ForEachAsync(projects, new ParallelOptions { MaxDegreeOfParallelism = InventoryImport.ItemConcurrency, CancellationToken = cancellationToken }, async (projectId, ct) =>
        {
            try
            {
                var instancesRead = ovh.ListCloudInstancesAsync(projectId, ct);
                var quotasRead = ovh.ListCloudQuotasAsync(projectId, ct);
                var usageRead = ovh.GetCloudUsageCurrentAsync(projectId, ct);
                await Task.WhenAll(instancesRead, quotasRead, usageRead);
                var (instances, quotas, usage) = (await instancesRead, await quotasRead, await usageRead);
                var month = BillingMonth.Of(usage.Period.From == default ? usage.LastUpdate : usage.Period.From, zone);
                var instanceRows = instances.GroupBy(i => i.Id, StringComparer.Ordinal).Select(g => ToInstance(g.First())).ToList();
                var quotaRows = quotas.GroupBy(q => q.Region, StringComparer.Ordinal).Select(g => ToQuota(g.First())).ToList();
                var usageRows = UsageRows(usage, month).ToList();
                await run.Writes.WriteAsync(() => inventory.ReplaceCloudProjectDetailsAsync(projectId, instanceRows, quotaRows, usageRows, [month], ct), ct);
                run.InventoryStored(instanceRows.Count);
            }
            catch (Exception e) when (SyncRunRecorder.IsOvhFailure(e))
            {
                Interlocked.Increment(ref failed);
                run.ItemFailed(StepName, $"project {projectId}", e);
            }

            run.Report(StepName, Interlocked.Increment(ref done), projects.Count);
        });

        if (projects.Count > 0 && failed == projects.Count)
        {
            run.StepFailed(StepName, new OvhApiException("No cloud project's details could be read; the stored details are unchanged.", "/cloud/project"));
        }

        run.StepDone(StepName);
    }

    private CloudInstanceEntity ToInstance(Ovh.Models.CloudInstance instance)
    {
        // The instance list leaves the flavour object out and names it by id (a UUID); the plan code
        // (b3-8.consumption, h100-380.monthly.postpaid) carries the readable flavour name that tells a GPU one.
        var planCode = PlanCodeWithoutSuffix(instance.PlanCode);
        var flavor = instance.Flavor?.Name ?? planCode ?? instance.FlavorId;
        var labels = classifier.Classify($"Public Cloud instance {flavor}", null);
        return new CloudInstanceEntity
        {
            InstanceId = instance.Id,
            Name = instance.Name,
            Flavor = flavor,
            PlanCode = planCode,
            Region = instance.Region,
            Status = instance.Status,
            CreatedAtUtc = instance.Created == default ? null : instance.Created.ToUniversalTime(),
            MonthlyBilling = instance.MonthlyBilling is not null,
            IsGpu = labels.IsGpu,
            GpuModel = labels.GpuModel,
        };
    }

    /// <summary>OVH plan codes carry the billing mode as a suffix (<c>b3-8.consumption</c>, <c>b3-8.monthly.postpaid</c>).</summary>
    private static string? PlanCodeWithoutSuffix(string? planCode)
    {
        if (string.IsNullOrWhiteSpace(planCode))
        {
            return null;
        }

        var dot = planCode.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? planCode : planCode[..dot];
    }

    private static CloudQuotaEntity ToQuota(Ovh.Models.CloudQuota quota) => new()
    {
        Region = quota.Region,
        MaxInstances = quota.Instance?.MaxInstances ?? 0,
        UsedInstances = quota.Instance?.UsedInstances ?? 0,
        MaxCores = quota.Instance?.MaxCores ?? 0,
        UsedCores = quota.Instance?.UsedCores ?? 0,
        MaxRamMb = quota.Instance?.MaxRam ?? 0,
        UsedRamMb = quota.Instance?.UsedRam ?? 0,
        MaxVolumeGb = quota.Volume?.MaxGigabytes ?? 0,
        UsedVolumeGb = quota.Volume?.UsedGigabytes ?? 0,
        MaxVolumeCount = quota.Volume?.MaxVolumeCount ?? 0,
        UsedVolumeCount = quota.Volume?.VolumeCount ?? 0,
    };

    /// <summary>One row per billing-view entry (flavour and region for instances, type and region for storage...).</summary>
    private IEnumerable<CloudProjectUsage> UsageRows(CloudUsage usage, string month)
    {
        CloudProjectUsage Row(string type, string? name, string? region, CloudQuantity? quantity, decimal price) => new()
        {
            Month = month,
            Kind = CloudUsageKind.Current,
            ResourceType = type,
            ResourceName = name,
            Region = region,
            Quantity = quantity?.Value ?? 0m,
            Unit = quantity?.Unit,
            Amount = Money.FromDecimal(price),
            IsGpu = type.StartsWith("instance", StringComparison.Ordinal) && name is not null
                    && classifier.Classify($"Public Cloud instance {name}", null).IsGpu,
        };

        if (usage.HourlyUsage is { } hourly)
        {
            foreach (var i in hourly.Instance)
            {
                yield return Row("instance", i.Reference, i.Region, i.Quantity, i.TotalPrice);
            }

            foreach (var v in hourly.Volume)
            {
                yield return Row("volume", v.Type, v.Region, v.Quantity, v.TotalPrice);
            }

            foreach (var s in hourly.Storage)
            {
                yield return Row("objectStorage", s.Type, s.Region, s.Stored?.Quantity, s.TotalPrice);
            }

            foreach (var s in hourly.Snapshot)
            {
                yield return Row("snapshot", null, s.Region, s.Instance?.Quantity ?? s.Volume?.Quantity, s.TotalPrice);
            }

            foreach (var b in hourly.InstanceBandwidth)
            {
                yield return Row("bandwidth", null, b.Region, b.OutgoingBandwidth?.Quantity, b.TotalPrice);
            }

            foreach (var (type, entries) in new[] { ("instanceOption", hourly.InstanceOption), ("kubernetes", hourly.ManagedKubernetesService), ("rancher", hourly.Rancher) })
            {
                foreach (var e in entries)
                {
                    yield return Row(type, e.Reference ?? e.Type, e.Region, null, e.TotalPrice);
                }
            }
        }

        if (usage.MonthlyUsage is { } monthly)
        {
            foreach (var i in monthly.Instance)
            {
                yield return Row("instance_monthly", i.Reference, i.Region, null, i.TotalPrice);
            }

            foreach (var (type, entries) in new[] { ("instanceOption_monthly", monthly.InstanceOption), ("certification", monthly.Certification), ("savingsPlan", monthly.SavingsPlan) })
            {
                foreach (var e in entries)
                {
                    yield return Row(type, e.Reference ?? e.Type, e.Region, null, e.TotalPrice);
                }
            }
        }

        foreach (var typed in usage.ResourcesUsage ?? [])
        {
            foreach (var resource in typed.Resources)
            {
                foreach (var component in resource.Components)
                {
                    yield return Row(typed.Type, component.Name, resource.Region, component.Quantity, component.TotalPrice);
                }
            }
        }
    }
}
