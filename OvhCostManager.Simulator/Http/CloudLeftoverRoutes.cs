using Microsoft.AspNetCore.Builder;
using OvhCostManager.Core.Costs;

namespace OvhCostManager.Simulator.Http;

/// <summary>
/// <c>/cloud/project/{id}/volume</c>, <c>/volume/snapshot</c>, <c>/ip/failover</c> and the public catalogue
/// <c>/order/catalog/public/cloud</c>, whose prices are the ones the account's consumption is billed at.
/// </summary>
internal static class CloudLeftoverRoutes
{
    public const string PublicCatalogPrefix = "/1.0/order/catalog/public/";

    public static void Map(WebApplication app, SimulatorState state)
    {
        var account = state.Account;
        DateTimeOffset Now() => state.Clock.GetUtcNow();
        bool Known(string id) => account.CloudProjects.Any(p => p.Id == id);
        IResult Missing(string id) => OvhJson.NotFound($"The requested object (serviceName = {id}) does not exist");

        app.MapGet("/1.0/cloud/project/{id}/volume", (string id) => !Known(id) ? Missing(id) : OvhJson.Json(account.Volumes
            .Where(v => v.ProjectId == id && v.Created <= Now())
            .Select(v => new
            {
                attachedTo = v.AttachedTo,
                bootable = false,
                creationDate = OvhJson.Date(v.Created),
                description = (string?)null,
                id = v.Id,
                name = v.Name,
                region = v.Region,
                size = v.SizeGb,
                status = v.AttachedTo.Count > 0 ? "in-use" : "available",
                type = v.Type,
            }).ToList()));

        app.MapGet("/1.0/cloud/project/{id}/volume/snapshot", (string id) => !Known(id) ? Missing(id) : OvhJson.Json(account.VolumeSnapshots
            .Where(s => s.ProjectId == id && s.Created <= Now())
            .Select(s => new
            {
                creationDate = OvhJson.Date(s.Created),
                description = (string?)null,
                id = s.Id,
                name = s.Name,
                planCode = "snapshot.consumption",
                region = s.Region,
                size = s.SizeGb,
                status = "available",
                volumeId = s.VolumeId,
            }).ToList()));

        app.MapGet("/1.0/cloud/project/{id}/ip/failover", (string id) => !Known(id) ? Missing(id) : OvhJson.Json(account.FailoverIps
            .Where(ip => ip.ProjectId == id)
            .Select(ip => new
            {
                block = ip.Ip + "/32",
                continentCode = "EU",
                geoloc = ip.Geoloc,
                id = ip.Id,
                ip = ip.Ip,
                progress = 0,
                routedTo = ip.RoutedTo,
                status = "ok",
                subType = "cloud",
            }).ToList()));

        app.MapGet("/1.0/order/catalog/public/cloud", (string? ovhSubsidiary) =>
            string.IsNullOrEmpty(ovhSubsidiary)
                ? OvhJson.BadRequest("[ovhSubsidiary] Property is mandatory")
                : OvhJson.Json(PublicCatalog(account, ovhSubsidiary)));
    }

    private static object PublicCatalog(SimulatedAccount account, string subsidiary)
    {
        object Pricing(string unit, decimal price) => new
        {
            capacities = new[] { unit == "hour" ? "consumption" : "renew" },
            commitment = 0,
            description = unit == "hour" ? "Consumption" : "Monthly postpaid",
            interval = 1,
            intervalUnit = unit,
            mode = unit == "hour" ? "consumption" : "default",
            phase = 1,
            price = Money.FromDecimal(price).Ucents,
            quantity = new { max = (int?)null, min = 1 },
            strategy = "tiered",
            tax = 0,
            type = unit == "hour" ? "consumption" : "renew",
        };
        object Addon(string planCode, string invoiceName, string product, string unit, decimal price) => new
        {
            blobs = (object?)null,
            invoiceName,
            planCode,
            pricingType = unit == "hour" ? "consumption" : "rental",
            pricings = new[] { Pricing(unit, price) },
            product,
        };

        var addons = Catalog.Flavors.SelectMany(f => new[]
            {
                Addon($"{f.Name}.consumption", $"{f.Name} instance", $"publiccloud-instance-{f.Name}", "hour", f.HourlyPrice),
                Addon($"{f.Name}.monthly.postpaid", $"{f.Name} instance (monthly)", $"publiccloud-instance-{f.Name}", "month", f.MonthlyPrice),
            })
            .Concat(Catalog.VolumeTypes.Select(v => Addon($"volume.{v.Type}.consumption", $"Volume {v.Type} (per GB)", $"publiccloud-volume-{v.Type}", "hour", v.PricePerGbHour)))
            .Append(Addon("snapshot.consumption", "Snapshot (per GB)", "publiccloud-snapshot", "hour", Catalog.SnapshotPricePerGbHour))
            .Append(Addon("failover-ip.monthly.postpaid", "Failover IP", "publiccloud-failover-ip", "month", Catalog.FailoverIpMonthlyPrice))
            .ToList();
        return new
        {
            addons,
            catalogId = 5_012,
            locale = new { currencyCode = account.CurrencyCode, subsidiary = subsidiary.ToUpperInvariant(), taxRate = 20 },
            planFamilies = Array.Empty<object>(),
            plans = new[]
            {
                new
                {
                    addonFamilies = new[] { new { addons = addons.Count, name = "instance" } },
                    invoiceName = "Public Cloud Project",
                    planCode = "project.2018",
                    pricingType = "rental",
                    pricings = Array.Empty<object>(),
                    product = "publiccloud-project",
                },
            },
            products = Array.Empty<object>(),
        };
    }
}
