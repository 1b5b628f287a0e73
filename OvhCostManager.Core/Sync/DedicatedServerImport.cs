using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OvhCostManager.Core.Classification;
using OvhCostManager.Core.Data;
using OvhCostManager.Core.Ovh;
using OvhCostManager.Core.Ovh.Models;
using DedicatedServerEntity = OvhCostManager.Core.Data.Entities.DedicatedServer;

namespace OvhCostManager.Core.Sync;

/// <summary>
/// Dedicated servers with a hardware summary (<c>specifications/hardware</c>, one request per server) and their
/// renewal. When a server's hardware cannot be read, its previously stored values are kept.
/// </summary>
internal sealed class DedicatedServerImport(IOvhApi ovh, InventoryStore inventory, IDbContextFactory<CostDbContext> contexts)
    : InventoryFamily<DedicatedServer, DedicatedServerEntity>("dedicated servers")
{
    protected override Task<IReadOnlyList<DedicatedServer>> ListAsync(CancellationToken cancellationToken) => ovh.ListDedicatedServersAsync(cancellationToken);

    protected override async Task<IReadOnlyDictionary<string, DedicatedServerEntity>> PreviousAsync(CancellationToken cancellationToken)
    {
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        return await context.DedicatedServers.AsNoTracking().ToDictionaryAsync(s => s.Name, StringComparer.Ordinal, cancellationToken);
    }

    protected override async Task<DedicatedServerEntity> ReadAsync(SyncRunRecorder run, DedicatedServer server, ServiceRenewals renewals,
        IReadOnlyDictionary<string, DedicatedServerEntity> previous, CancellationToken cancellationToken)
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
        var renewal = renewals.ForAsync(run, server.Name, OvhRoutes.DedicatedServer(server.Name), cancellationToken);
        try
        {
            ApplyHardware(row, await ovh.GetDedicatedServerHardwareAsync(server.Name, cancellationToken));
        }
        catch (Exception e) when (SyncRunRecorder.IsOvhFailure(e))
        {
            run.ItemFailed(InventoryImport.StepName, $"hardware of {server.Name}", e);
            if (previous.TryGetValue(server.Name, out var known))
            {
                (row.Offer, row.CpuSummary, row.MemoryMb, row.DiskSummary, row.GpuModel) = (known.Offer, known.CpuSummary, known.MemoryMb, known.DiskSummary, known.GpuModel);
            }
        }

        var renewed = await renewal;
        (row.ExpiresOn, row.RenewalMode, row.ServiceStatus) = (renewed?.ExpiresOn, renewed?.RenewalMode ?? Data.Entities.RenewalMode.Unknown, renewed?.Status);
        return row;
    }

    protected override Task StoreAsync(IReadOnlyList<DedicatedServerEntity> rows, CancellationToken cancellationToken) =>
        inventory.ReplaceDedicatedServersAsync(rows, cancellationToken);

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
}
