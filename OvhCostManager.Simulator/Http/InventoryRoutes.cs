using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace OvhCostManager.Simulator.Http;

/// <summary><c>/dedicated/server</c>, <c>/vps</c>, <c>/storage/netapp</c> and <c>/services</c>.</summary>
internal static class InventoryRoutes
{
    public static void Map(WebApplication app, SimulatorState state)
    {
        var account = state.Account;

        app.MapGet("/1.0/dedicated/server", (HttpContext context) => Pagination.List(context, account.DedicatedServers, s => s.Name, Server));
        app.MapGet("/1.0/dedicated/server/{name}", (string name) => Find(account.DedicatedServers, s => s.Name == name, Server, "serviceName", name));
        app.MapGet("/1.0/dedicated/server/{name}/serviceInfos", (string name) =>
            Find(account.DedicatedServers, s => s.Name == name, s => ServiceInfos(account, s.Name, s.Terms), "serviceName", name));
        app.MapGet("/1.0/dedicated/server/{name}/specifications/hardware", (string name) =>
            Find(account.DedicatedServers, s => s.Name == name, Hardware, "serviceName", name));

        app.MapGet("/1.0/vps", (HttpContext context) => Pagination.List(context, account.Vps, v => v.Name, Vps));
        app.MapGet("/1.0/vps/{name}", (string name) => Find(account.Vps, v => v.Name == name, Vps, "serviceName", name));
        app.MapGet("/1.0/vps/{name}/serviceInfos", (string name) =>
            Find(account.Vps, v => v.Name == name, v => ServiceInfos(account, v.Name, v.Terms), "serviceName", name));
        app.MapGet("/1.0/vps/{name}/ips", (string name) => Find(account.Vps, v => v.Name == name, v => v.Ips, "serviceName", name));

        // This list route returns full objects even without the pagination headers (per OVH's schema).
        app.MapGet("/1.0/storage/netapp", (HttpContext context) =>
        {
            var result = Pagination.List(context, account.NetApps, NetApp, NetApp);
            return result;
        });
        app.MapGet("/1.0/storage/netapp/{id}", (string id) => Find(account.NetApps, n => n.Id == id, NetApp, "serviceName", id));
        app.MapGet("/1.0/storage/netapp/{id}/serviceInfos", (string id) =>
            Find(account.NetApps, n => n.Id == id, n => ServiceInfos(account, n.Id, n.Terms), "serviceName", id));

        app.MapGet("/1.0/services", (HttpContext context, string? resourceName, string? routes) =>
        {
            var all = Services(account)
                .Where(s => string.IsNullOrEmpty(resourceName) || s.Name == resourceName)
                .Where(s => string.IsNullOrEmpty(routes) || routes.Split(',').Contains(s.RoutePath ?? "\u0000"))
                .ToList();
            return Pagination.List(context, all, s => s.Terms.ServiceId, s => ExpandedService(account, s));
        });
        app.MapGet("/1.0/services/{serviceId}", (string serviceId) =>
            Find(Services(account).ToList(), s => s.Terms.ServiceId.ToString(System.Globalization.CultureInfo.InvariantCulture) == serviceId,
                s => ExpandedService(account, s), "serviceId", serviceId));
    }

    internal static IResult Find<T>(IEnumerable<T> items, Func<T, bool> match, Func<T, object> shape, string key, string value) =>
        items.FirstOrDefault(match) is { } item
            ? OvhJson.Json(shape(item))
            : OvhJson.NotFound($"The requested object ({key} = {value}) does not exist");

    private static object Iam(string kind, string name, string? displayName, IReadOnlyDictionary<string, string>? tags = null) => new
    {
        displayName,
        id = Guid.Parse(Convert.ToHexString(System.Security.Cryptography.MD5.HashData(System.Text.Encoding.UTF8.GetBytes(kind + name)))),
        tags,
        urn = $"urn:v1:eu:resource:{kind}:{name}",
    };

    private static object Server(SimDedicatedServer s) => new
    {
        availabilityZone = $"{s.Region}-a",
        bootId = 1,
        bootScript = (string?)null,
        commercialRange = s.CommercialRange,
        datacenter = s.Datacenter,
        efiBootloaderPath = (string?)null,
        iam = Iam("dedicatedServer", s.Name, s.DisplayName, new Dictionary<string, string> { ["env"] = s.DisplayName.StartsWith("db", StringComparison.Ordinal) ? "prod" : "ops" }),
        ip = s.Ip,
        linkSpeed = 1000,
        monitoring = true,
        name = s.Name,
        newUpgradeSystem = true,
        noIntervention = false,
        os = s.Os,
        powerState = "poweron",
        professionalUse = false,
        rack = s.Rack,
        region = s.Region,
        rescueMail = (string?)null,
        rescueSshKey = (string?)null,
        reverse = s.Name + ".",
        rootDevice = (string?)null,
        serverId = s.ServerId,
        state = "ok",
        supportLevel = "pro",
    };

    private static object Hardware(SimDedicatedServer s) => new
    {
        bootMode = "uefi",
        coresPerProcessor = s.Cores,
        defaultHardwareRaidSize = (object?)null,
        defaultHardwareRaidType = (string?)null,
        description = s.Description,
        diskGroups = new[]
        {
            new
            {
                defaultHardwareRaidSize = (object?)null, defaultHardwareRaidType = (string?)null, description = $"{s.Disks} x {s.DiskGb} GB NVMe",
                diskGroupId = 1, diskSize = new { unit = "GB", value = s.DiskGb }, diskType = "NVME", numberOfDisks = s.Disks, raidController = (string?)null,
            },
        },
        expansionCards = s.Gpu ? new[] { new { description = "2x NVIDIA L4 24GB", type = "gpu" } } : null,
        formFactor = "1u",
        memorySize = new { unit = "MB", value = s.MemoryGb * 1024 },
        motherboard = "ASRockRack B665D4U",
        numberOfProcessors = 1,
        processorArchitecture = "x86_64",
        processorName = s.ProcessorName,
        threadsPerProcessor = s.Cores * 2,
        usbKeys = (object?)null,
    };

    private static object Vps(SimVps v) => new
    {
        cluster = v.Cluster,
        displayName = v.DisplayName,
        iam = Iam("vps", v.Name, v.DisplayName),
        keymap = (string?)null,
        memoryLimit = v.MemoryMb,
        model = new
        {
            availableOptions = new[] { "additionalDisk", "automatedBackup", "snapshot" },
            datacenter = new[] { "gra", "sbg", "bhs" },
            disk = v.DiskGb,
            maximumAdditionnalIp = 16,
            memory = v.MemoryMb,
            name = v.ModelName,
            offer = v.Offer,
            vcore = v.Vcore,
            version = "2019v1",
        },
        monitoringIpBlocks = new[] { "92.222.184.0/24", "167.114.37.0/24" },
        name = v.Name,
        netbootMode = "local",
        offerType = "ssd",
        slaMonitoring = false,
        state = v.State,
        vcore = v.Vcore,
        zone = v.Zone,
        zoneType = "region",
    };

    private static object NetApp(SimNetApp n) => new
    {
        createdAt = OvhJson.Date(n.CreatedAt),
        iam = Iam("storageNetApp", n.Id, n.Name),
        id = n.Id,
        name = n.Name,
        performanceLevel = "premium",
        product = "enterprise-file-storage",
        quota = n.QuotaBytes,
        region = n.Region,
        status = n.Status,
    };

    internal static object ServiceInfos(SimulatedAccount account, string domain, ServiceTerms terms) => Infos(account, domain, account.TermsNow(terms));

    private static object Infos(SimulatedAccount account, string domain, ServiceTerms t) => new
    {
        canDeleteAtExpiration = true,
        contactAdmin = account.Nichandle,
        contactBilling = account.Nichandle,
        contactTech = account.Nichandle,
        creation = OvhJson.Day(t.Creation),
        domain,
        engagedUpTo = OvhJson.Day(t.EngagedUpTo),
        expiration = OvhJson.Day(t.Expiration),
        possibleRenewPeriod = new[] { 1, 3, 6, 12 },
        renew = new
        {
            automatic = t.Renew != RenewKind.Manual,
            deleteAtExpiration = t.DeleteAtExpiration,
            forced = t.Renew == RenewKind.Forced,
            manualPayment = t.Renew == RenewKind.Manual,
            period = 1,
        },
        renewalType = t.Renew switch { RenewKind.Manual => "manual", RenewKind.Forced => "automaticForcedProduct", _ => "automaticV2016" },
        serviceId = t.ServiceId,
        status = t.Status,
    };

    internal static IEnumerable<SimOtherService> Services(SimulatedAccount account)
    {
        foreach (var s in account.DedicatedServers)
            yield return new(s.Name, s.DisplayName, "baremetalServers", s.Description, "/dedicated/server/{serviceName}", s.MonthlyPrice, s.Terms);
        foreach (var v in account.Vps)
            yield return new(v.Name, v.DisplayName, "vps", v.ModelName, "/vps/{serviceName}", v.MonthlyPrice, v.Terms);
        foreach (var n in account.NetApps)
            yield return new(n.Id, n.Name, "storageNetApp", "Enterprise File Storage", "/storage/netapp/{serviceName}", n.MonthlyPrice, n.Terms);
        foreach (var p in account.CloudProjects)
            yield return new(p.Id, p.Name, "publicCloudProject", "Public Cloud Project", "/cloud/project/{serviceName}", OvhCostManager.Core.Costs.Money.Zero, p.Terms);
        foreach (var o in account.OtherServices) yield return o;
    }

    private static object ExpandedService(SimulatedAccount account, SimOtherService s)
    {
        var t = account.TermsNow(s.Terms);
        var consumption = s.ProductName == "publicCloudProject";
        var expiration = ParisTime.At(t.Expiration.Year, t.Expiration.Month, t.Expiration.Day);
        var renewMode = t.Renew == RenewKind.Manual ? "manual" : "automatic";
        var contacts = new[] { "administrator", "billing", "technical" }.Select(type => new { customerCode = "1234-5678-90", type }).ToArray();
        var variable = s.RoutePath?.Contains("{ip}", StringComparison.Ordinal) == true ? "ip" : "serviceName";
        var period = s.PeriodMonths % 12 == 0 ? $"P{s.PeriodMonths / 12}Y" : $"P{s.PeriodMonths}M";
        return new
        {
            billing = new
            {
                engagement = t.EngagedUpTo is { } end
                    ? new { endDate = OvhJson.Day(end), endRule = new { possibleStrategies = new[] { "REACTIVATE_ENGAGEMENT", "STOP_ENGAGEMENT_FALLBACK_DEFAULT_PRICE", "CANCEL_SERVICE" }, strategy = "REACTIVATE_ENGAGEMENT" } }
                    : null,
                engagementRequest = (object?)null,
                expirationDate = consumption ? null : OvhJson.Date(expiration),
                group = (object?)null,
                lifecycle = new
                {
                    capacities = new { actions = new[] { "earlyRenewal", "terminate" } },
                    current = new
                    {
                        creationDate = OvhJson.Date(ParisTime.At(t.Creation.Year, t.Creation.Month, t.Creation.Day, 11)),
                        pendingActions = t.DeleteAtExpiration ? new[] { "deleteAtExpiration" } : Array.Empty<string>(),
                        state = t.Status == "expired" ? "unrenewed" : "active",
                        terminationDate = (string?)null,
                    },
                },
                nextBillingDate = OvhJson.Date(consumption ? BillingMonth.Of(expiration).Next.Start : expiration),
                plan = new { code = consumption ? "project.2018" : s.ProductName, invoiceName = s.ProductDescription },
                pricing = new
                {
                    capacities = new[] { consumption ? "consumption" : "renew" },
                    description = s.PeriodMonths == 12 ? "Yearly fees" : "Monthly fees",
                    duration = period,
                    engagementConfiguration = (object?)null,
                    interval = 1,
                    maximumQuantity = 1,
                    maximumRepeat = (long?)null,
                    minimumQuantity = 1,
                    minimumRepeat = 1,
                    price = OvhJson.OrderPrice(s.Price),
                    priceInUcents = s.Price.Ucents,
                    pricingMode = consumption ? "consumption" : "default",
                    pricingType = consumption ? "consumption" : "rental",
                },
                renew = new
                {
                    capacities = new { mode = new[] { "automatic", "manual" } },
                    current = new { mode = renewMode, nextDate = OvhJson.Date(expiration), period },
                },
            },
            customer = new { contacts },
            parentServiceId = (long?)null,
            resource = new
            {
                displayName = s.DisplayName,
                name = s.Name,
                product = new { description = s.ProductDescription, name = s.ProductName },
                resellingProvider = (string?)null,
                state = t.Status == "expired" ? "suspended" : "active",
            },
            route = s.RoutePath is null ? null : new
            {
                path = s.RoutePath,
                url = s.RoutePath.Replace("{" + variable + "}", s.Name, StringComparison.Ordinal),
                vars = new[] { new { key = variable, value = s.Name } },
            },
            serviceId = t.ServiceId,
            tags = Array.Empty<string>(),
        };
    }
}
