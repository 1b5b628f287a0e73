using System.Globalization;
using OvhCostManager.Core.Ovh.Models;

namespace OvhCostManager.Core.Ovh;

/// <inheritdoc cref="IOvhApi"/>
public sealed class OvhApi(OvhApiTransport transport) : IOvhApi
{
    public Task<OvhAccount> GetMeAsync(CancellationToken cancellationToken = default) =>
        transport.GetAsync<OvhAccount>("/me", cancellationToken);

    public Task<IReadOnlyList<Bill>> ListBillsAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default) =>
        transport.ListAsync<Bill>($"/me/bill?date.from={Time(from)}&date.to={Time(to)}", OvhListMode.Pages, cancellationToken);

    public Task<IReadOnlyList<Bill>> ListBillsAsync(DateOnly from, DateOnly to, TimeZoneInfo? timeZone = null, CancellationToken cancellationToken = default)
    {
        var zone = timeZone ?? TimeZoneInfo.Utc;
        return ListBillsAsync(StartOf(from, zone), StartOf(to.AddDays(1), zone).AddSeconds(-1), cancellationToken);

        static DateTimeOffset StartOf(DateOnly day, TimeZoneInfo zone)
        {
            var local = day.ToDateTime(TimeOnly.MinValue);
            return new DateTimeOffset(local, zone.GetUtcOffset(local));
        }
    }

    public Task<Bill> GetBillAsync(string billId, CancellationToken cancellationToken = default) =>
        transport.GetAsync<Bill>($"/me/bill/{Id(billId)}", cancellationToken);

    public Task<IReadOnlyList<BillDetail>> ListBillDetailsAsync(string billId, CancellationToken cancellationToken = default) =>
        transport.ListAsync<BillDetail>($"/me/bill/{Id(billId)}/details", OvhListMode.Pages, cancellationToken);

    public Task<BillPayment> GetBillPaymentAsync(string billId, CancellationToken cancellationToken = default) =>
        transport.GetAsync<BillPayment>($"/me/bill/{Id(billId)}/payment", cancellationToken);

    public Task<BillDebt> GetBillDebtAsync(string billId, CancellationToken cancellationToken = default) =>
        transport.GetAsync<BillDebt>($"/me/bill/{Id(billId)}/debt", cancellationToken);

    public Task<IReadOnlyList<ConsumptionTransaction>> GetConsumptionCurrentAsync(CancellationToken cancellationToken = default) =>
        transport.GetAsync<IReadOnlyList<ConsumptionTransaction>>("/me/consumption/usage/current", cancellationToken);

    public Task<IReadOnlyList<ConsumptionTransaction>> GetConsumptionForecastAsync(CancellationToken cancellationToken = default) =>
        transport.GetAsync<IReadOnlyList<ConsumptionTransaction>>("/me/consumption/usage/forecast", cancellationToken);

    public Task<IReadOnlyList<ConsumptionTransaction>> GetConsumptionHistoryAsync(DateTimeOffset begin, DateTimeOffset end,
        CancellationToken cancellationToken = default) =>
        transport.GetAsync<IReadOnlyList<ConsumptionTransaction>>(
            $"/me/consumption/usage/history?beginDate={Time(begin)}&endDate={Time(end)}", cancellationToken);

    public Task<DebtAccount> GetDebtAccountAsync(CancellationToken cancellationToken = default) =>
        transport.GetAsync<DebtAccount>("/me/debtAccount", cancellationToken);

    public Task<IReadOnlyList<CreditBalance>> ListCreditBalancesAsync(CancellationToken cancellationToken = default) =>
        transport.ListAsync<CreditBalance>("/me/credit/balance", OvhListMode.Pages, cancellationToken);

    public Task<IReadOnlyList<CreditMovement>> ListCreditMovementsAsync(string balanceName, CancellationToken cancellationToken = default) =>
        transport.ListAsync<CreditMovement>($"/me/credit/balance/{Id(balanceName)}/movement", OvhListMode.Pages, cancellationToken);

    public Task<IReadOnlyList<DedicatedServer>> ListDedicatedServersAsync(CancellationToken cancellationToken = default) =>
        transport.ListAsync<DedicatedServer>("/dedicated/server", OvhListMode.Pages, cancellationToken);

    public Task<DedicatedServerHardware> GetDedicatedServerHardwareAsync(string serviceName, CancellationToken cancellationToken = default) =>
        transport.GetAsync<DedicatedServerHardware>($"{OvhRoutes.DedicatedServer(serviceName)}/specifications/hardware", cancellationToken);

    public Task<ServiceInfos> GetServiceInfosAsync(string serviceRoute, CancellationToken cancellationToken = default) =>
        transport.GetAsync<ServiceInfos>($"{serviceRoute.TrimEnd('/')}/serviceInfos", cancellationToken);

    public Task<IReadOnlyList<Vps>> ListVpsAsync(CancellationToken cancellationToken = default) =>
        transport.ListAsync<Vps>("/vps", OvhListMode.Pages, cancellationToken);

    public Task<IReadOnlyList<string>> ListVpsIpsAsync(string serviceName, CancellationToken cancellationToken = default) =>
        transport.ListIdsAsync($"{OvhRoutes.Vps(serviceName)}/ips", cancellationToken);

    public Task<IReadOnlyList<NetAppService>> ListNetAppAsync(CancellationToken cancellationToken = default) =>
        transport.ListAsync<NetAppService>("/storage/netapp", OvhListMode.Pages, cancellationToken);

    public Task<IReadOnlyList<CloudProject>> ListCloudProjectsAsync(CancellationToken cancellationToken = default) =>
        transport.ListAsync<CloudProject>("/cloud/project", OvhListMode.Pages, cancellationToken);

    public Task<CloudUsage> GetCloudUsageCurrentAsync(string projectId, CancellationToken cancellationToken = default) =>
        transport.GetAsync<CloudUsage>($"{OvhRoutes.CloudProject(projectId)}/usage/current", cancellationToken);

    public Task<CloudUsage> GetCloudUsageForecastAsync(string projectId, CancellationToken cancellationToken = default) =>
        transport.GetAsync<CloudUsage>($"{OvhRoutes.CloudProject(projectId)}/usage/forecast", cancellationToken);

    public Task<IReadOnlyList<CloudUsagePeriodRef>> ListCloudUsageHistoryAsync(string projectId, DateTimeOffset? from = null,
        DateTimeOffset? to = null, CancellationToken cancellationToken = default)
    {
        var query = string.Join('&', new[] { from is { } f ? $"from={Time(f)}" : null, to is { } t ? $"to={Time(t)}" : null }.OfType<string>());
        return transport.GetAsync<IReadOnlyList<CloudUsagePeriodRef>>(
            $"{OvhRoutes.CloudProject(projectId)}/usage/history" + (query.Length > 0 ? "?" + query : ""), cancellationToken);
    }

    public Task<CloudUsage> GetCloudUsageHistoryAsync(string projectId, string usageId, CancellationToken cancellationToken = default) =>
        transport.GetAsync<CloudUsage>($"{OvhRoutes.CloudProject(projectId)}/usage/history/{Id(usageId)}", cancellationToken);

    public Task<IReadOnlyList<CloudInstance>> ListCloudInstancesAsync(string projectId, CancellationToken cancellationToken = default) =>
        transport.GetAsync<IReadOnlyList<CloudInstance>>($"{OvhRoutes.CloudProject(projectId)}/instance", cancellationToken);

    public Task<IReadOnlyList<CloudQuota>> ListCloudQuotasAsync(string projectId, CancellationToken cancellationToken = default) =>
        transport.GetAsync<IReadOnlyList<CloudQuota>>($"{OvhRoutes.CloudProject(projectId)}/quota", cancellationToken);

    public Task<IReadOnlyList<CloudVolume>> ListCloudVolumesAsync(string projectId, CancellationToken cancellationToken = default) =>
        transport.GetAsync<IReadOnlyList<CloudVolume>>($"{OvhRoutes.CloudProject(projectId)}/volume", cancellationToken);

    public Task<IReadOnlyList<CloudVolumeSnapshot>> ListCloudVolumeSnapshotsAsync(string projectId, CancellationToken cancellationToken = default) =>
        transport.GetAsync<IReadOnlyList<CloudVolumeSnapshot>>($"{OvhRoutes.CloudProject(projectId)}/volume/snapshot", cancellationToken);

    public Task<IReadOnlyList<CloudFailoverIp>> ListCloudFailoverIpsAsync(string projectId, CancellationToken cancellationToken = default) =>
        transport.GetAsync<IReadOnlyList<CloudFailoverIp>>($"{OvhRoutes.CloudProject(projectId)}/ip/failover", cancellationToken);

    public Task<PublicCloudCatalog> GetPublicCloudCatalogAsync(string subsidiary, CancellationToken cancellationToken = default) =>
        transport.GetPublicAsync<PublicCloudCatalog>($"/order/catalog/public/cloud?ovhSubsidiary={Id(subsidiary)}", cancellationToken);

    public Task<IReadOnlyList<OvhService>> ListServicesAsync(CancellationToken cancellationToken = default) =>
        transport.ListAsync<OvhService>("/services", OvhListMode.Cursor, cancellationToken);

    public Task<OvhService> GetServiceAsync(long serviceId, CancellationToken cancellationToken = default) =>
        transport.GetAsync<OvhService>($"/services/{serviceId.ToString(CultureInfo.InvariantCulture)}", cancellationToken);

    private static string Id(string id) => Uri.EscapeDataString(id);

    /// <summary>ISO 8601 with offset, percent-encoded (<c>:</c> → <c>%3A</c>, <c>+</c> → <c>%2B</c>) as OVH expects.</summary>
    internal static string Time(DateTimeOffset moment) =>
        Uri.EscapeDataString(moment.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture));
}
