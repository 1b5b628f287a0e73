using Microsoft.EntityFrameworkCore;
using OvhCostManager.Core.Data;
using OvhCostManager.Core.Data.Entities;
using OvhCostManager.Core.Ovh;
using OvhVps = OvhCostManager.Core.Ovh.Models.Vps;
using VpsEntity = OvhCostManager.Core.Data.Entities.Vps;

namespace OvhCostManager.Core.Sync;

/// <summary>VPS with their IPs (<c>/vps/{name}/ips</c>, one request each) and renewal; IPs that cannot be read keep their stored value.</summary>
internal sealed class VpsImport(IOvhApi ovh, InventoryStore inventory, IDbContextFactory<CostDbContext> contexts)
    : InventoryFamily<OvhVps, VpsEntity>("VPS")
{
    protected override Task<IReadOnlyList<OvhVps>> ListAsync(CancellationToken cancellationToken) => ovh.ListVpsAsync(cancellationToken);

    protected override async Task<IReadOnlyDictionary<string, VpsEntity>> PreviousAsync(CancellationToken cancellationToken)
    {
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        return await context.Vps.AsNoTracking().ToDictionaryAsync(v => v.Name, StringComparer.Ordinal, cancellationToken);
    }

    protected override async Task<VpsEntity> ReadAsync(SyncRunRecorder run, OvhVps vps, ServiceRenewals renewals, IReadOnlyDictionary<string, VpsEntity> previous,
        CancellationToken cancellationToken)
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
        var renewal = renewals.ForAsync(run, vps.Name, OvhRoutes.Vps(vps.Name), cancellationToken);
        try
        {
            row.IpAddresses = string.Join(",", await ovh.ListVpsIpsAsync(vps.Name, cancellationToken));
        }
        catch (Exception e) when (SyncRunRecorder.IsOvhFailure(e))
        {
            run.ItemFailed(InventoryImport.StepName, $"IPs of {vps.Name}", e);
            row.IpAddresses = previous.GetValueOrDefault(vps.Name)?.IpAddresses;
        }

        var renewed = await renewal;
        (row.ExpiresOn, row.RenewalMode, row.ServiceStatus) = (renewed?.ExpiresOn, renewed?.RenewalMode ?? RenewalMode.Unknown, renewed?.Status);
        return row;
    }

    protected override Task StoreAsync(IReadOnlyList<VpsEntity> rows, CancellationToken cancellationToken) => inventory.ReplaceVpsAsync(rows, cancellationToken);
}
