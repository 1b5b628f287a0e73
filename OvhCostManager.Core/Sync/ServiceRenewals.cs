using System.Globalization;
using OvhCostManager.Core.Classification;
using OvhCostManager.Core.Data;
using OvhCostManager.Core.Data.Entities;
using OvhCostManager.Core.Ovh;
using OvhCostManager.Core.Ovh.Models;

namespace OvhCostManager.Core.Sync;

/// <summary>
/// The expiry and renewal of every service: from <c>/services</c> (expanded: every service in a few requests), or,
/// when that BETA route failed, from each product's <c>serviceInfos</c>, one request per item.
/// </summary>
internal sealed class ServiceRenewals(IOvhApi ovh, Task<IReadOnlyList<OvhService>?> services, LineClassifier classifier, TimeZoneInfo zone)
{
    private readonly Task<Dictionary<string, RenewalInfo>?> byName = IndexAsync(services, zone);

    /// <summary>The renewal of one service (<paramref name="route"/>: its product route, for <c>serviceInfos</c>), or null when unknown.</summary>
    public async Task<RenewalInfo?> ForAsync(SyncRunRecorder run, string name, string route, CancellationToken cancellationToken)
    {
        if (await byName is { } fromServices)
        {
            return fromServices.GetValueOrDefault(name);
        }

        try
        {
            var infos = await ovh.GetServiceInfosAsync(route, cancellationToken);
            return new RenewalInfo(name, infos.ServiceId, infos.Creation, infos.Expiration, RenewalModeOf(infos.Renew), infos.Renew?.Period is { } p ? (int)p : null,
                infos.Renew?.DeleteAtExpiration ?? false, infos.Status.ToString(), infos.EngagedUpTo, Price: null);
        }
        catch (Exception e) when (SyncRunRecorder.IsOvhFailure(e))
        {
            run.ItemFailed(InventoryImport.StepName, $"serviceInfos of {name}", e);
            return null;
        }
    }

    /// <summary>
    /// When <c>/services</c> listed everything, each resource type becomes exactly what it lists (vanished services
    /// go); returns the services stored, or null when the listing failed (the stored renewals stay).
    /// </summary>
    public async Task<int?> StoreAsync(SyncRunRecorder run, InventoryStore inventory, CancellationToken cancellationToken)
    {
        var listed = await services;
        var renewals = await byName;
        if (listed is null || renewals is null)
        {
            return null;
        }

        var byType = listed.GroupBy(s => s.Resource.Name, StringComparer.OrdinalIgnoreCase)
            .Select(g => g.First())
            .Select(s => (Type: ResourceTypeOf(s), Renewal: renewals[s.Resource.Name]))
            .ToLookup(x => x.Type, x => x.Renewal);
        foreach (var type in Enum.GetValues<ResourceType>())
        {
            var list = byType[type].Select(Copy).ToList();
            await run.Writes.WriteAsync(() => inventory.ReplaceServiceRenewalsAsync(type, list, cancellationToken), cancellationToken);
        }

        return listed.Count;
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

    private static async Task<Dictionary<string, RenewalInfo>?> IndexAsync(Task<IReadOnlyList<OvhService>?> services, TimeZoneInfo zone) =>
        (await services)?.GroupBy(s => s.Resource.Name, StringComparer.OrdinalIgnoreCase)
        .ToDictionary(g => g.Key, g => ToRenewal(g.First(), zone), StringComparer.OrdinalIgnoreCase);

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
            Months(billing.Renew?.Current?.Period) ?? Months(billing.Pricing?.Duration),
            billing.Lifecycle?.Current?.PendingActions.Any(IsTermination) ?? false,
            string.IsNullOrEmpty(service.Resource.State) ? null : service.Resource.State,
            billing.Engagement?.EndDate,
            billing.Pricing?.Price is { CurrencyCode.Length: > 0 } price ? price : null);
    }

    /// <summary>OVH <c>services.expanded.Lifecycle.ActionEnum</c>: the actions that end the service.</summary>
    private static bool IsTermination(string action) =>
        action.StartsWith("terminate", StringComparison.OrdinalIgnoreCase) || string.Equals(action, "deleteAtExpiration", StringComparison.OrdinalIgnoreCase);

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
        RenewalPrice = r.Price?.Money,
        RenewalCurrency = r.Price?.CurrencyCode,
    };

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
}

/// <summary>A service's expiry and renewal, from either source.</summary>
internal sealed record RenewalInfo(string ServiceName, long? ServiceId, DateOnly? CreatedOn, DateOnly? ExpiresOn, RenewalMode RenewalMode,
    int? PeriodMonths, bool DeleteAtExpiration, string? Status, DateOnly? EngagedUntil, OvhPrice? Price);
