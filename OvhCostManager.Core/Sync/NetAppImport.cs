using OvhCostManager.Core.Data;
using OvhCostManager.Core.Data.Entities;
using OvhCostManager.Core.Ovh;
using OvhCostManager.Core.Ovh.Models;

namespace OvhCostManager.Core.Sync;

/// <summary>NetApp storage services and their renewal.</summary>
internal sealed class NetAppImport(IOvhApi ovh, InventoryStore inventory) : InventoryFamily<NetAppService, NetAppStorage>("NetApp storage")
{
    protected override Task<IReadOnlyList<NetAppService>> ListAsync(CancellationToken cancellationToken) => ovh.ListNetAppAsync(cancellationToken);

    protected override async Task<NetAppStorage> ReadAsync(SyncRunRecorder run, NetAppService storage, ServiceRenewals renewals,
        IReadOnlyDictionary<string, NetAppStorage> previous, CancellationToken cancellationToken)
    {
        var renewal = await renewals.ForAsync(run, storage.Id, OvhRoutes.NetApp(storage.Id), cancellationToken);
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
    }

    protected override Task StoreAsync(IReadOnlyList<NetAppStorage> rows, CancellationToken cancellationToken) => inventory.ReplaceNetAppStoragesAsync(rows, cancellationToken);
}
