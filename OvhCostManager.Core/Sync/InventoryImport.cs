using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OvhCostManager.Core.Classification;
using OvhCostManager.Core.Data;
using OvhCostManager.Core.Data.Entities;
using OvhCostManager.Core.Ovh;
using OvhCostManager.Core.Ovh.Models;
using DedicatedServerEntity = OvhCostManager.Core.Data.Entities.DedicatedServer;
using VpsEntity = OvhCostManager.Core.Data.Entities.Vps;
using CloudProjectEntity = OvhCostManager.Core.Data.Entities.CloudProject;

namespace OvhCostManager.Core.Sync;

/// <summary>
/// Refreshes the inventory: dedicated servers (with a hardware summary), VPS (with their IPs), NetApp storage, cloud
/// projects, and the expiry and renewal of every service.
/// </summary>
/// <remarks>
/// Expiry and renewal come from <c>/services</c> (expanded: every service in a few requests); when that BETA route
/// fails, from each product's <c>serviceInfos</c>. A family is replaced only after its listing fully succeeded: a
/// service that vanished from a successful listing is removed, a failed listing leaves the family as it was. When a
/// server's hardware or a VPS's IPs cannot be read, the previously stored values are kept for that item.
/// </remarks>
public sealed class InventoryImport(IOvhApi ovh, InventoryStore inventory, IDbContextFactory<CostDbContext> contexts, LineClassifier classifier)
{
    public const string StepName = "inventory";

    /// <summary>Per-item reads of one family (and of cloud projects) in flight at once, under OVH's guidance of ≤ 10.</summary>
    internal const int ItemConcurrency = 8;

    public async Task RunAsync(SyncRunRecorder run, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        run.Report(StepName, 0, 5);
        var services = await TryAsync(run, "services", () => ovh.ListServicesAsync(cancellationToken));
        var renewals = services?.GroupBy(s => s.Resource.Name, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => ToRenewal(g.First(), zone), StringComparer.OrdinalIgnoreCase);
        var failures = 0;

        failures += await ImportFamilyAsync(run, "dedicated servers", () => ovh.ListDedicatedServersAsync(cancellationToken), async servers =>
        {
            await using var context = await contexts.CreateDbContextAsync(cancellationToken);
            var previous = await context.DedicatedServers.ToDictionaryAsync(s => s.Name, StringComparer.Ordinal, cancellationToken);
            var rows = await ForEachItemAsync(servers, async server =>
            {
                var row = new DedicatedServerEntity
                {
                    Name = server.Name,
                    DisplayName = server.DisplayName,
                    Reverse = server.Reverse,
                    Datacenter = server.Datacenter,
                    Region = server.Region,
                    CommercialRange = server.CommercialRange,
                    Os = server.Os,
                    State = server.State,
                    PowerState = server.PowerState,
                    Ip = server.Ip,
                };
                try
                {
                    ApplyHardware(row, await ovh.GetDedicatedServerHardwareAsync(server.Name, cancellationToken));
                }
                catch (Exception e) when (SyncRunRecorder.IsOvhFailure(e))
                {
                    run.ItemFailed(StepName, $"hardware of {server.Name}", e);
                    if (previous.TryGetValue(server.Name, out var known))
                    {
                        (row.Offer, row.CpuSummary, row.MemoryMb, row.DiskSummary, row.GpuModel) = (known.Offer, known.CpuSummary, known.MemoryMb, known.DiskSummary, known.GpuModel);
                    }
                }

                var renewal = await RenewalAsync(run, renewals, server.Name, OvhRoutes.DedicatedServer(server.Name), zone, cancellationToken);
                (row.ExpiresOn, row.RenewalMode, row.ServiceStatus) = (renewal?.ExpiresOn, renewal?.RenewalMode ?? RenewalMode.Unknown, renewal?.Status);
                return row;
            }, cancellationToken);

            await inventory.ReplaceDedicatedServersAsync(rows, cancellationToken);
            return rows.Count;
        });
        run.Report(StepName, 1, 5);

        failures += await ImportFamilyAsync(run, "VPS", () => ovh.ListVpsAsync(cancellationToken), async list =>
        {
            await using var context = await contexts.CreateDbContextAsync(cancellationToken);
            var previous = await context.Vps.ToDictionaryAsync(v => v.Name, StringComparer.Ordinal, cancellationToken);
            var rows = await ForEachItemAsync(list, async vps =>
            {
                var row = new VpsEntity
                {
                    Name = vps.Name,
                    DisplayName = string.IsNullOrWhiteSpace(vps.Iam?.DisplayName) ? vps.DisplayName ?? vps.Name : vps.Iam.DisplayName,
                    Model = vps.Model.Name,
                    Offer = vps.Model.Offer,
                    Vcores = (int)(vps.Vcore > 0 ? vps.Vcore : vps.Model.Vcore),
                    MemoryMb = vps.MemoryLimit > 0 ? vps.MemoryLimit : vps.Model.Memory,
                    DiskGb = vps.Model.Disk,
                    Zone = vps.Zone,
                    State = vps.State,
                };
                try
                {
                    row.IpAddresses = string.Join(",", await ovh.ListVpsIpsAsync(vps.Name, cancellationToken));
                }
                catch (Exception e) when (SyncRunRecorder.IsOvhFailure(e))
                {
                    run.ItemFailed(StepName, $"IPs of {vps.Name}", e);
                    row.IpAddresses = previous.GetValueOrDefault(vps.Name)?.IpAddresses;
                }

                var renewal = await RenewalAsync(run, renewals, vps.Name, OvhRoutes.Vps(vps.Name), zone, cancellationToken);
                (row.ExpiresOn, row.RenewalMode, row.ServiceStatus) = (renewal?.ExpiresOn, renewal?.RenewalMode ?? RenewalMode.Unknown, renewal?.Status);
                return row;
            }, cancellationToken);

            await inventory.ReplaceVpsAsync(rows, cancellationToken);
            return rows.Count;
        });
        run.Report(StepName, 2, 5);

        failures += await ImportFamilyAsync(run, "NetApp storage", () => ovh.ListNetAppAsync(cancellationToken), async list =>
        {
            var rows = await ForEachItemAsync(list, async storage =>
            {
                var renewal = await RenewalAsync(run, renewals, storage.Id, OvhRoutes.NetApp(storage.Id), zone, cancellationToken);
                return new NetAppStorage
                {
                    Id = storage.Id,
                    Name = storage.Name,
                    Region = storage.Region,
                    PerformanceLevel = storage.PerformanceLevel,
                    Product = storage.Product,
                    SizeBytes = storage.Quota,
                    Status = storage.Status,
                    CreatedAtUtc = storage.CreatedAt == default ? null : storage.CreatedAt.ToUniversalTime(),
                    ExpiresOn = renewal?.ExpiresOn,
                    RenewalMode = renewal?.RenewalMode ?? RenewalMode.Unknown,
                };
            }, cancellationToken);

            await inventory.ReplaceNetAppStoragesAsync(rows, cancellationToken);
            return rows.Count;
        });
        run.Report(StepName, 3, 5);

        failures += await ImportFamilyAsync(run, "cloud projects", () => ovh.ListCloudProjectsAsync(cancellationToken), async list =>
        {
            var rows = list.Select(p => new CloudProjectEntity
            {
                Id = p.ProjectId,
                Name = p.DisplayName,
                Description = p.Description,
                Status = p.Status,
                PlanCode = p.PlanCode,
                CreatedAtUtc = p.CreationDate == default ? null : p.CreationDate.ToUniversalTime(),
            }).ToList();
            await inventory.ReplaceCloudProjectsAsync(rows, cancellationToken);
            return rows.Count;
        });
        run.Report(StepName, 4, 5);

        if (services is not null)
        {
            // /services listed everything: each resource type becomes exactly what it lists (vanished services go).
            var byType = services.GroupBy(s => s.Resource.Name, StringComparer.OrdinalIgnoreCase)
                .Select(g => g.First())
                .Select(s => (Type: ResourceTypeOf(s), Renewal: renewals![s.Resource.Name]))
                .ToLookup(x => x.Type, x => x.Renewal);
            foreach (var type in Enum.GetValues<ResourceType>())
            {
                var list = byType[type].Select(Copy).ToList();
                await inventory.ReplaceServiceRenewalsAsync(type, list, cancellationToken);
            }

            run.InventoryStored(services.Count);
        }

        run.Report(StepName, 5, 5);
        if (services is null && failures == 4)
        {
            run.StepFailed(StepName, new OvhApiException("No inventory listing succeeded; the stored inventory is unchanged.", "/"));
        }

        run.StepDone(StepName);
    }

    /// <summary>
    /// The per-item reads of a family (hardware, IPs, serviceInfos), <see cref="ItemConcurrency"/> at a time; the rows
    /// come back in listing order. One at a time, 30 servers and 50 VPS cost seconds of latency.
    /// </summary>
    private static async Task<List<TRow>> ForEachItemAsync<TItem, TRow>(IReadOnlyList<TItem> items, Func<TItem, Task<TRow>> read, CancellationToken cancellationToken)
    {
        using var slots = new SemaphoreSlim(ItemConcurrency);
        var rows = await Task.WhenAll(items.Select(async item =>
        {
            await slots.WaitAsync(cancellationToken);
            try
            {
                return await read(item);
            }
            finally
            {
                slots.Release();
            }
        }));
        return [.. rows];
    }

    private async Task<int> ImportFamilyAsync<T>(SyncRunRecorder run, string family, Func<Task<IReadOnlyList<T>>> list, Func<IReadOnlyList<T>, Task<int>> store)
    {
        var items = await TryAsync(run, family, list);
        if (items is null)
        {
            return 1;
        }

        run.InventoryStored(await store(items));
        return 0;
    }

    private static async Task<T?> TryAsync<T>(SyncRunRecorder run, string what, Func<Task<T>> call) where T : class
    {
        try
        {
            return await call();
        }
        catch (Exception e) when (SyncRunRecorder.IsOvhFailure(e))
        {
            run.ItemFailed(StepName, $"listing of {what}", e);
            return null;
        }
    }

    private async Task<RenewalInfo?> RenewalAsync(SyncRunRecorder run, Dictionary<string, RenewalInfo>? fromServices, string name, string route,
        TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        if (fromServices is not null)
        {
            return fromServices.GetValueOrDefault(name);
        }

        try
        {
            var infos = await ovh.GetServiceInfosAsync(route, cancellationToken);
            return new RenewalInfo(name, infos.ServiceId, infos.Creation, infos.Expiration, RenewalModeOf(infos.Renew), infos.Renew?.Period is { } p ? (int)p : null,
                infos.Renew?.DeleteAtExpiration ?? false, infos.Status.ToString(), infos.EngagedUpTo);
        }
        catch (Exception e) when (SyncRunRecorder.IsOvhFailure(e))
        {
            run.ItemFailed(StepName, $"serviceInfos of {name}", e);
            return null;
        }
    }

    /// <summary>
    /// OVH rule (<c>services.Service.renew</c>): <c>forced</c> wins, then <c>automatic</c>, then <c>manualPayment</c>;
    /// no <c>renew</c> object means the mode is unknown.
    /// </summary>
    public static RenewalMode RenewalModeOf(ServiceRenew? renew) => renew switch
    {
        null => RenewalMode.Unknown,
        { Forced: true } => RenewalMode.Forced,
        { Automatic: true } => RenewalMode.Automatic,
        { ManualPayment: true } => RenewalMode.Manual,
        _ => RenewalMode.Unknown,
    };

    private static RenewalInfo ToRenewal(OvhService service, TimeZoneInfo zone)
    {
        var billing = service.Billing;
        var mode = billing.Renew?.Current?.Mode switch
        {
            "automatic" => RenewalMode.Automatic,
            "manual" => RenewalMode.Manual,
            _ => RenewalMode.Unknown,
        };
        return new RenewalInfo(
            service.Resource.Name,
            service.ServiceId,
            Day(billing.Lifecycle?.Current?.CreationDate, zone),
            Day(billing.ExpirationDate, zone),
            mode,
            Months(billing.Renew?.Current?.Period),
            billing.Lifecycle?.Current?.PendingActions.Any(a => a.Contains("terminate", StringComparison.OrdinalIgnoreCase)) ?? false,
            string.IsNullOrEmpty(service.Resource.State) ? null : service.Resource.State,
            billing.Engagement?.EndDate);
    }

    private ResourceType ResourceTypeOf(OvhService service) => service.Route?.Path switch
    {
        "/dedicated/server/{serviceName}" => ResourceType.DedicatedServer,
        "/vps/{serviceName}" => ResourceType.Vps,
        "/storage/netapp/{serviceName}" => ResourceType.Storage,
        "/cloud/project/{serviceName}" => ResourceType.CloudProject,
        _ => classifier.ClassifyResourceType(service.Resource.Name, service.Resource.Product?.Description),
    };

    private static ServiceRenewal Copy(RenewalInfo r) => new()
    {
        ServiceName = r.ServiceName,
        ServiceId = r.ServiceId,
        CreatedOn = r.CreatedOn,
        ExpiresOn = r.ExpiresOn,
        RenewalMode = r.RenewalMode,
        RenewalPeriodMonths = r.PeriodMonths,
        DeleteAtExpiration = r.DeleteAtExpiration,
        Status = r.Status,
        EngagedUntil = r.EngagedUntil,
    };

    private static void ApplyHardware(DedicatedServerEntity row, DedicatedServerHardware hardware)
    {
        row.Offer = hardware.Description;
        if (!string.IsNullOrWhiteSpace(hardware.ProcessorName))
        {
            var count = hardware.NumberOfProcessors is > 1 ? $"{hardware.NumberOfProcessors} × " : "";
            var cores = hardware.CoresPerProcessor is { } c ? $" ({c}c/{hardware.ThreadsPerProcessor ?? c}t)" : "";
            row.CpuSummary = count + hardware.ProcessorName + cores;
        }

        if (hardware.MemorySize is { } memory)
        {
            row.MemoryMb = memory.Unit.ToUpperInvariant() switch
            {
                "GB" => (long)(memory.Value * 1024),
                "TB" => (long)(memory.Value * 1024 * 1024),
                _ => (long)memory.Value,
            };
        }

        var disks = hardware.DiskGroups
            .Where(g => g.NumberOfDisks > 0)
            .Select(g => $"{g.NumberOfDisks} × {g.DiskSize?.Value.ToString("0.##", CultureInfo.InvariantCulture)} {g.DiskSize?.Unit} {g.DiskType}".Replace("  ", " ", StringComparison.Ordinal).Trim())
            .ToList();
        row.DiskSummary = disks.Count == 0 ? null : string.Join(" + ", disks);
        var gpu = LineClassifier.Shared.Classify(hardware.Description, null);
        row.GpuModel = gpu.IsGpu ? gpu.GpuModel : null;
    }

    private static DateOnly? Day(DateTimeOffset? instant, TimeZoneInfo zone) =>
        instant is { } i ? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(i, zone).DateTime) : null;

    private static int? Months(string? isoPeriod)
    {
        if (string.IsNullOrWhiteSpace(isoPeriod))
        {
            return null;
        }

        var text = isoPeriod.ToUpperInvariant();
        if (text.StartsWith('P') && text.EndsWith('M') && int.TryParse(text[1..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var months))
        {
            return months;
        }

        return text.StartsWith('P') && text.EndsWith('Y') && int.TryParse(text[1..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var years)
            ? years * 12
            : null;
    }

    private sealed record RenewalInfo(string ServiceName, long? ServiceId, DateOnly? CreatedOn, DateOnly? ExpiresOn, RenewalMode RenewalMode,
        int? PeriodMonths, bool DeleteAtExpiration, string? Status, DateOnly? EngagedUntil);
}
