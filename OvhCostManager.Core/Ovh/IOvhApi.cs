using OvhCostManager.Core.Ovh.Models;

namespace OvhCostManager.Core.Ovh;

/// <summary>
/// The OVH API calls the product needs, one method per need, all read-only. List methods return full objects using
/// CachedObjectList expansion where OVH supports it, falling back to one call per item.
/// </summary>
public interface IOvhApi
{
    /// <summary><c>GET /me</c>: account identity and billing currency.</summary>
    Task<OvhAccount> GetMeAsync(CancellationToken cancellationToken = default);

    /// <summary>Bills dated within <paramref name="from"/>..<paramref name="to"/> (both inclusive, <c>date.from</c>/<c>date.to</c>).</summary>
    Task<IReadOnlyList<Bill>> ListBillsAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default);

    /// <summary>Bills of the calendar days <paramref name="from"/>..<paramref name="to"/> in <paramref name="timeZone"/> (UTC when null).</summary>
    Task<IReadOnlyList<Bill>> ListBillsAsync(DateOnly from, DateOnly to, TimeZoneInfo? timeZone = null, CancellationToken cancellationToken = default);

    Task<Bill> GetBillAsync(string billId, CancellationToken cancellationToken = default);

    /// <summary>All lines of a bill, normally in one request.</summary>
    Task<IReadOnlyList<BillDetail>> ListBillDetailsAsync(string billId, CancellationToken cancellationToken = default);

    Task<BillPayment> GetBillPaymentAsync(string billId, CancellationToken cancellationToken = default);

    /// <summary>The debt of an unpaid bill, with its due date.</summary>
    Task<BillDebt> GetBillDebtAsync(string billId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<ConsumptionTransaction>> GetConsumptionCurrentAsync(CancellationToken cancellationToken = default);

    Task<IReadOnlyList<ConsumptionTransaction>> GetConsumptionForecastAsync(CancellationToken cancellationToken = default);

    Task<IReadOnlyList<ConsumptionTransaction>> GetConsumptionHistoryAsync(DateTimeOffset begin, DateTimeOffset end, CancellationToken cancellationToken = default);

    Task<DebtAccount> GetDebtAccountAsync(CancellationToken cancellationToken = default);

    Task<IReadOnlyList<CreditBalance>> ListCreditBalancesAsync(CancellationToken cancellationToken = default);

    Task<IReadOnlyList<CreditMovement>> ListCreditMovementsAsync(string balanceName, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<DedicatedServer>> ListDedicatedServersAsync(CancellationToken cancellationToken = default);

    Task<DedicatedServerHardware> GetDedicatedServerHardwareAsync(string serviceName, CancellationToken cancellationToken = default);

    /// <summary><c>GET {serviceRoute}/serviceInfos</c>, e.g. <c>/vps/vps-1.vps.ovh.net</c> (see <see cref="OvhRoutes"/>).</summary>
    Task<ServiceInfos> GetServiceInfosAsync(string serviceRoute, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Vps>> ListVpsAsync(CancellationToken cancellationToken = default);

    Task<IReadOnlyList<string>> ListVpsIpsAsync(string serviceName, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<NetAppService>> ListNetAppAsync(CancellationToken cancellationToken = default);

    Task<IReadOnlyList<CloudProject>> ListCloudProjectsAsync(CancellationToken cancellationToken = default);

    Task<CloudUsage> GetCloudUsageCurrentAsync(string projectId, CancellationToken cancellationToken = default);

    Task<CloudUsage> GetCloudUsageForecastAsync(string projectId, CancellationToken cancellationToken = default);

    /// <summary>Closed usage periods of a project (<c>from</c>/<c>to</c> filter when given).</summary>
    Task<IReadOnlyList<CloudUsagePeriodRef>> ListCloudUsageHistoryAsync(string projectId, DateTimeOffset? from = null, DateTimeOffset? to = null,
        CancellationToken cancellationToken = default);

    Task<CloudUsage> GetCloudUsageHistoryAsync(string projectId, string usageId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<CloudInstance>> ListCloudInstancesAsync(string projectId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<CloudQuota>> ListCloudQuotasAsync(string projectId, CancellationToken cancellationToken = default);

    /// <summary><c>GET /cloud/project/{id}/volume</c>: block-storage volumes and what they are attached to.</summary>
    Task<IReadOnlyList<CloudVolume>> ListCloudVolumesAsync(string projectId, CancellationToken cancellationToken = default);

    /// <summary><c>GET /cloud/project/{id}/volume/snapshot</c>: volume snapshots and the volume each was taken of.</summary>
    Task<IReadOnlyList<CloudVolumeSnapshot>> ListCloudVolumeSnapshotsAsync(string projectId, CancellationToken cancellationToken = default);

    /// <summary><c>GET /cloud/project/{id}/ip/failover</c>: failover IPs and the instance each is routed to.</summary>
    Task<IReadOnlyList<CloudFailoverIp>> ListCloudFailoverIpsAsync(string projectId, CancellationToken cancellationToken = default);

    /// <summary>
    /// <c>GET /order/catalog/public/cloud?ovhSubsidiary=…</c>: OVH's public price list for Public Cloud. Sent unsigned: the
    /// route needs no credentials, so the consumer key needs no right on <c>/order</c>.
    /// </summary>
    Task<PublicCloudCatalog> GetPublicCloudCatalogAsync(string subsidiary, CancellationToken cancellationToken = default);

    /// <summary><c>GET /services</c> (BETA) expanded: billing, renewal and lifecycle of every service.</summary>
    Task<IReadOnlyList<OvhService>> ListServicesAsync(CancellationToken cancellationToken = default);

    Task<OvhService> GetServiceAsync(long serviceId, CancellationToken cancellationToken = default);
}

/// <summary>Product routes, for <see cref="IOvhApi.GetServiceInfosAsync"/>.</summary>
public static class OvhRoutes
{
    public static string DedicatedServer(string serviceName) => "/dedicated/server/" + Uri.EscapeDataString(serviceName);

    public static string Vps(string serviceName) => "/vps/" + Uri.EscapeDataString(serviceName);

    public static string NetApp(string id) => "/storage/netapp/" + Uri.EscapeDataString(id);

    public static string CloudProject(string projectId) => "/cloud/project/" + Uri.EscapeDataString(projectId);
}
