using Microsoft.EntityFrameworkCore;
using OvhCostManager.Core.Classification;
using OvhCostManager.Core.Data;
using OvhCostManager.Core.Data.Entities;
using OvhCostManager.Core.Ovh;
using OvhCostManager.Core.Ovh.Models;

namespace OvhCostManager.Core.Sync;

/// <summary>
/// Refreshes the inventory: dedicated servers (<see cref="DedicatedServerImport"/>), VPS (<see cref="VpsImport"/>),
/// NetApp storage (<see cref="NetAppImport"/>), cloud projects (<see cref="CloudProjectImport"/>), and the expiry and
/// renewal of every service (<see cref="ServiceRenewals"/>).
/// </summary>
/// <remarks>
/// The listings of <c>/services</c> and of the four families go out together, then each family's items. A family is
/// replaced only after its listing fully succeeded: a service that vanished from a successful listing is removed, a
/// failed listing leaves the family as it was. When a server's hardware or a VPS's IPs cannot be read, the previously
/// stored values are kept for that item.
/// </remarks>
public sealed class InventoryImport(IOvhApi ovh, InventoryStore inventory, IDbContextFactory<CostDbContext> contexts, LineClassifier classifier)
{
    public const string StepName = "inventory";

    /// <summary>Per-item reads of one family (and of cloud projects) in flight at once, under OVH's guidance of ≤ 10.</summary>
    internal const int ItemConcurrency = 8;

    private readonly DedicatedServerImport servers = new(ovh, inventory, contexts);
    private readonly VpsImport vps = new(ovh, inventory, contexts);
    private readonly NetAppImport netApp = new(ovh, inventory);
    private readonly CloudProjectImport cloudProjects = new(ovh, inventory);

    public async Task RunAsync(SyncRunRecorder run, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        const int families = 4;
        run.Report(StepName, 0, families + 1);
        var renewals = new ServiceRenewals(ovh, ListServicesAsync(run, cancellationToken), classifier, zone);
        var done = 0;
        var listed = await Task.WhenAll(new[]
        {
            servers.ImportAsync(run, renewals, cancellationToken),
            vps.ImportAsync(run, renewals, cancellationToken),
            netApp.ImportAsync(run, renewals, cancellationToken),
            cloudProjects.ImportAsync(run, renewals, cancellationToken),
        }.Select(async family =>
        {
            var succeeded = await family;
            run.Report(StepName, Interlocked.Increment(ref done), families + 1);
            return succeeded;
        }));

        var services = await renewals.StoreAsync(run, inventory, cancellationToken);
        if (services is { } count)
        {
            run.InventoryStored(count);
        }

        run.Report(StepName, families + 1, families + 1);
        if (services is null && listed.All(succeeded => !succeeded))
        {
            run.StepFailed(StepName, new OvhApiException("No inventory listing succeeded; the stored inventory is unchanged.", "/"));
        }

        run.StepDone(StepName);
    }

    /// <summary><see cref="ServiceRenewals.RenewalModeOf"/>.</summary>
    public static RenewalMode RenewalModeOf(ServiceRenew? renew) => ServiceRenewals.RenewalModeOf(renew);

    private async Task<IReadOnlyList<OvhService>?> ListServicesAsync(SyncRunRecorder run, CancellationToken cancellationToken)
    {
        try
        {
            return await ovh.ListServicesAsync(cancellationToken);
        }
        catch (Exception e) when (SyncRunRecorder.IsOvhFailure(e))
        {
            run.ItemFailed(StepName, "listing of services", e);
            return null;
        }
    }
}
