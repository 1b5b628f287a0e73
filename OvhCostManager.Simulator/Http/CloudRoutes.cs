using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using OvhCostManager.Core.Costs;

namespace OvhCostManager.Simulator.Http;

/// <summary><c>/cloud/project</c>: projects, instances, quotas, usage (billingView) and project bills.</summary>
internal static class CloudRoutes
{
    public static void Map(WebApplication app, SimulatorState state)
    {
        var account = state.Account;
        DateTimeOffset Now() => state.Clock.GetUtcNow();
        SimCloudProject? Project(string id) => account.CloudProjects.FirstOrDefault(p => p.Id == id);
        IResult Missing(string id) => OvhJson.NotFound($"The requested object (serviceName = {id}) does not exist");

        app.MapGet("/1.0/cloud/project", (HttpContext context) => Pagination.List(context, account.CloudProjects, p => p.Id, ProjectObject));
        app.MapGet("/1.0/cloud/project/{id}", (string id) => Project(id) is { } p ? OvhJson.Json(ProjectObject(p)) : Missing(id));
        app.MapGet("/1.0/cloud/project/{id}/serviceInfos", (string id) =>
            Project(id) is { } p ? OvhJson.Json(InventoryRoutes.ServiceInfos(account, p.Id, p.Terms)) : Missing(id));

        app.MapGet("/1.0/cloud/project/{id}/instance", (string id, string? region) =>
            Project(id) is null
                ? Missing(id)
                : OvhJson.Json(account.InstancesEver.Where(i => i.ProjectId == id && i.ExistsAt(Now()) && (string.IsNullOrEmpty(region) || i.Region == region))
                    .Select(i => Instance(i, detailed: false)).ToList()));

        app.MapGet("/1.0/cloud/project/{id}/instance/{instanceId}", (string id, string instanceId) =>
        {
            if (Project(id) is null) return Missing(id);
            var instance = account.InstancesEver.FirstOrDefault(i => i.ProjectId == id && i.Id == instanceId && i.ExistsAt(Now()));
            return instance is null
                ? OvhJson.NotFound($"The requested object (instanceId = {instanceId}) does not exist")
                : OvhJson.Json(Instance(instance, detailed: true));
        });

        app.MapGet("/1.0/cloud/project/{id}/quota", (string id) =>
            Project(id) is { } p ? OvhJson.Json(p.Regions.Select(r => Quota(account, p, r, Now())).ToList()) : Missing(id));

        app.MapGet("/1.0/cloud/project/{id}/usage/current", (string id) =>
        {
            if (Project(id) is not { } p) return Missing(id);
            var now = Now();
            var month = BillingMonth.Of(now);
            return OvhJson.Json(Usage(account, p, ConsumptionView.Current(account, now), month, month.Start, now, now, forecast: false, usageId: null));
        });

        app.MapGet("/1.0/cloud/project/{id}/usage/forecast", (string id) =>
        {
            if (Project(id) is not { } p) return Missing(id);
            var now = Now();
            var month = BillingMonth.Of(now);
            return OvhJson.Json(Usage(account, p, ConsumptionView.Forecast(account, now), month, month.Start, month.End.AddSeconds(-1), now, forecast: true, usageId: null));
        });

        app.MapGet("/1.0/cloud/project/{id}/usage/history", (HttpContext context, string id) =>
        {
            if (Project(id) is not { } p) return Missing(id);
            var query = context.Request.Query;
            if (!OvhJson.TryParseDate(query["from"], out var from)) return OvhJson.BadRequest("[from] Invalid datetime");
            if (!OvhJson.TryParseDate(query["to"], out var to)) return OvhJson.BadRequest("[to] Invalid datetime");
            var now = Now();
            var periods = account.ClosedConsumptionMonths(now)
                .Where(m => (from is null || m.End > from) && (to is null || m.Start <= to))
                .Select(m => new
                {
                    id = UsageId(account, p, m),
                    // Closed at 02:10 on the 1st, never stamped after now.
                    lastUpdate = OvhJson.Date(m.End.AddHours(2).AddMinutes(10) is var closed && closed < now ? closed : now),
                    period = new { from = OvhJson.Date(m.Start), to = OvhJson.Date(m.End.AddSeconds(-1)) },
                }).ToList();
            return OvhJson.Json(periods);
        });

        app.MapGet("/1.0/cloud/project/{id}/usage/history/{usageId}", (string id, string usageId) =>
        {
            if (Project(id) is not { } p) return Missing(id);
            var month = account.ClosedConsumptionMonths(Now()).Cast<BillingMonth?>().FirstOrDefault(m => UsageId(account, p, m!.Value) == usageId);
            if (month is not { } m) return OvhJson.NotFound($"The requested object (usageId = {usageId}) does not exist");
            return OvhJson.Json(Usage(account, p, ConsumptionView.Closed(account, m), m, m.Start, m.End.AddSeconds(-1), m.End.AddHours(2).AddMinutes(10), forecast: false, usageId: usageId));
        });

        app.MapGet("/1.0/cloud/project/{id}/bill", (HttpContext context, string id) =>
        {
            if (Project(id) is null) return Missing(id);
            var query = context.Request.Query;
            if (string.IsNullOrEmpty(query["from"])) return OvhJson.BadRequest("[from] Property is mandatory");
            if (string.IsNullOrEmpty(query["to"])) return OvhJson.BadRequest("[to] Property is mandatory");
            if (!OvhJson.TryParseDate(query["from"], out var from) || !OvhJson.TryParseDate(query["to"], out var to)) return OvhJson.BadRequest("Invalid datetime");
            lock (account.SyncRoot)
            {
                var bills = account.VisibleBills(Now())
                    .Where(b => b.Date >= from && b.Date <= to && b.Lines.Any(l => l.Domain == id))
                    .Select(b => b.IsConsumptionBill
                        ? new { billId = b.BillId, type = "monthlyConsumption" }
                        : b.Lines.Any(l => l.Domain == id && l.Description.StartsWith("Instance ", StringComparison.Ordinal))
                            ? new { billId = b.BillId, type = "monthlyInstanceActivation" }
                            : null)
                    .Where(x => x is not null)
                    .ToList();
                return OvhJson.Json(bills);
            }
        });
    }

    private static string UsageId(SimulatedAccount account, SimCloudProject project, BillingMonth month) =>
        $"{month}-{SeededRandom.For(account.Seed, 11, month.Index, project.Id.GetHashCodeStable()).Hex(8)}";

    private static int GetHashCodeStable(this string text)
    {
        var hash = 17;
        foreach (var c in text) hash = unchecked(hash * 31 + c);
        return hash;
    }

    private static object ProjectObject(SimCloudProject p) => new
    {
        access = "full",
        creationDate = OvhJson.Date(p.CreationDate),
        description = p.Name,
        expiration = (string?)null,
        iam = new
        {
            displayName = p.Name,
            id = Guid.Parse(p.Id),
            state = "OK",
            tags = (object?)null,
            urn = $"urn:v1:eu:resource:publicCloudProject:{p.Id}",
        },
        manualQuota = false,
        orderId = p.OrderId,
        planCode = "project.2018",
        projectName = p.Name,
        project_id = p.Id,
        status = p.Status,
        unleash = true,
    };

    private static object Instance(SimInstance i, bool detailed)
    {
        var f = i.Flavor;
        var flavorId = Guid.Parse(Convert.ToHexString(System.Security.Cryptography.MD5.HashData(System.Text.Encoding.UTF8.GetBytes(f.Name + i.Region))));
        var imageId = Guid.Parse(Convert.ToHexString(System.Security.Cryptography.MD5.HashData(System.Text.Encoding.UTF8.GetBytes(i.ImageName + i.Region))));
        return new
        {
            availabilityZone = (string?)null,
            created = OvhJson.Date(i.Created),
            currentMonthOutgoingTraffic = (long?)(i.Ipv4.Length * 1_234_567_891L),
            flavor = detailed
                ? new
                {
                    available = true,
                    capabilities = new[] { "resize", "snapshot", "volume", "failoverip" }.Select(n => new { enabled = true, name = n }).ToArray(),
                    disk = f.DiskGb,
                    id = flavorId,
                    inboundBandwidth = (long?)(f.Gpu ? 10_000 : 1_000),
                    name = f.Name,
                    osType = i.ImageName.StartsWith("Windows", StringComparison.Ordinal) ? "windows" : "linux",
                    outboundBandwidth = (long?)(f.Gpu ? 10_000 : 1_000),
                    planCodes = new { hourly = $"{f.Name}.consumption", license = (string?)null, monthly = $"{f.Name}.monthly.postpaid" },
                    quota = 8,
                    ram = f.RamGb,
                    region = i.Region,
                    type = f.Type,
                    vcpus = f.Vcpus,
                }
                : null,
            flavorId,
            id = i.Id,
            image = detailed
                ? new
                {
                    creationDate = OvhJson.Date(i.Created.AddDays(-30)),
                    flavorType = (string?)null,
                    id = imageId,
                    minDisk = 0,
                    minRam = 0,
                    name = i.ImageName,
                    planCode = (string?)null,
                    region = i.Region,
                    size = 2.29,
                    status = "active",
                    tags = Array.Empty<string>(),
                    type = i.ImageName.StartsWith("Windows", StringComparison.Ordinal) ? "windows" : "linux",
                    user = i.ImageName.Split(' ')[0].ToLowerInvariant(),
                    visibility = "public",
                }
                : null,
            imageId,
            ipAddresses = new[] { new { gatewayIp = (string?)null, ip = i.Ipv4, networkId = "b2c02fdcffdf40d7a5b2f7c3c5d8e0e1", type = "public", version = 4 } },
            monthlyBilling = i.MonthlyBilling ? new { since = OvhJson.Date(i.Created), status = "ok" } : null,
            name = i.Name,
            operationIds = Array.Empty<string>(),
            planCode = i.MonthlyBilling ? $"{f.Name}.monthly.postpaid" : $"{f.Name}.consumption",
            region = i.Region,
            rescuePassword = (string?)null,
            sshKey = (object?)null,
            sshKeyId = (string?)null,
            status = i.Status,
        };
    }

    private static object Quota(SimulatedAccount account, SimCloudProject p, string region, DateTimeOffset now)
    {
        var instances = account.InstancesEver.Where(i => i.ProjectId == p.Id && i.Region == region && i.ExistsAt(now)).ToList();
        return new
        {
            instance = new
            {
                maxCores = 68 + instances.Sum(i => i.Flavor.Vcpus),
                maxInstances = 30 + instances.Count,
                maxRam = 262_144 + instances.Sum(i => i.Flavor.RamGb * 1024),
                usedCores = instances.Sum(i => i.Flavor.Vcpus),
                usedInstances = instances.Count,
                usedRAM = instances.Sum(i => i.Flavor.RamGb * 1024),
            },
            keymanager = new { maxSecrets = 100, usedSecrets = 2 },
            keypair = new { maxCount = 100 },
            loadbalancer = new { maxLoadbalancers = 10, usedLoadbalancers = 1 },
            network = new { maxFloatingIPs = 10, maxGateways = 5, maxNetworks = 10, maxSubnets = 20, usedFloatingIPs = 1, usedGateways = 1, usedNetworks = 2, usedSubnets = 2 },
            region,
            share = (object?)null,
            volume = new { maxBackupGigabytes = 4000, maxGigabytes = 8000, maxVolumeBackupCount = 100, maxVolumeCount = 100, usedBackupGigabytes = 0, usedGigabytes = 100, volumeBackupCount = 0, volumeCount = 1 },
        };
    }

    private static double D(Money m) => (double)m.Amount;

    private static object Q(string unit, double value) => new { unit, value };

    /// <summary>A <c>cloud.usage.UsageCurrent/Forecast/HistoryDetail</c> of one project from its consumption elements.</summary>
    private static object Usage(SimulatedAccount account, SimCloudProject project, IReadOnlyList<ConsumptionElement> all, BillingMonth month,
        DateTimeOffset from, DateTimeOffset to, DateTimeOffset lastUpdate, bool forecast, string? usageId)
    {
        const string Mode = "REGION-1-AZ";
        var elements = all.Where(e => e.Domain == project.Id).ToList();
        List<ConsumptionElement> Family(string family) => elements.Where(e => e.PlanFamily == family).ToList();
        var monthly = account.Instances.Where(i => i.ProjectId == project.Id && i.MonthlyBilling && i.Created < month.End).ToList();
        var monthlyTotal = Money.Sum(monthly.Select(i => Money.FromDecimal(i.Flavor.MonthlyPrice)));
        var known = new[] { "instance", "bandwidth", "snapshot", "storage", "volume" };
        var typed = elements.Where(e => !known.Contains(e.PlanFamily)).ToList();
        var total = Money.Sum(elements.Select(e => e.Amount)) + monthlyTotal;

        var hourlyUsage = new
        {
            instance = Family("instance").Select(e => new
            {
                deploymentMode = Mode,
                details = e.Details.Select(d => new { instanceId = d.UniqueId, quantity = Q("Hour", d.Quantity), resourceId = d.UniqueId, totalPrice = D(d.Amount) }).ToList(),
                quantity = Q("Hour", e.Quantity),
                reference = e.Reference,
                region = e.Region,
                savingsPlanIds = (string[]?)null,
                totalPrice = D(e.Amount),
            }).ToList(),
            instanceBandwidth = Family("bandwidth").Select(e => new
            {
                deploymentMode = Mode,
                incomingBandwidth = new { quantity = Q("GiB", e.Quantity / 3.0), totalPrice = 0.0 },
                outgoingBandwidth = new { quantity = Q("GiB", e.Quantity), totalPrice = D(e.Amount) },
                region = e.Region,
                totalPrice = D(e.Amount),
            }).ToList(),
            instanceOption = Array.Empty<object>(),
            managedKubernetesService = Array.Empty<object>(),
            quantum = new { notebook = Array.Empty<object>(), processingUnit = Array.Empty<object>() },
            rancher = Array.Empty<object>(),
            snapshot = Family("snapshot").Select(e => new
            {
                deploymentMode = Mode,
                instance = new { quantity = Q("GiBh", e.Quantity), totalPrice = D(e.Amount) },
                region = e.Region,
                totalPrice = D(e.Amount),
                volume = (object?)null,
            }).ToList(),
            storage = Family("storage").Select(e => new
            {
                bucketName = e.Details[0].UniqueId.Split('/')[^1],
                deploymentMode = Mode,
                incomingBandwidth = (object?)null,
                incomingInternalBandwidth = (object?)null,
                outgoingBandwidth = (object?)null,
                outgoingInternalBandwidth = (object?)null,
                region = e.Region,
                retrievalFees = (object?)null,
                stored = new { quantity = Q("GiBh", e.Quantity), resourceIds = new[] { e.Details[0].UniqueId.Split('/')[^1] }, totalPrice = D(e.Amount) },
                totalPrice = D(e.Amount),
                type = e.Reference,
            }).ToList(),
            volume = Family("volume").Select(e => new
            {
                deploymentMode = Mode,
                details = e.Details.Select(d => new { quantity = Q("GiBh", d.Quantity), resourceId = d.UniqueId, totalPrice = D(d.Amount), volumeId = d.UniqueId }).ToList(),
                quantity = Q("GiBh", e.Quantity),
                region = e.Region,
                totalPrice = D(e.Amount),
                type = e.Reference,
            }).ToList(),
        };

        var monthlyUsage = new
        {
            certification = Array.Empty<object>(),
            instance = monthly.GroupBy(i => (i.Flavor.Name, i.Region)).Select(g => new
            {
                deploymentMode = Mode,
                details = g.Select(i => new { activation = OvhJson.Date(i.Created), instanceId = i.Id, resourceId = i.Id, totalPrice = (double)i.Flavor.MonthlyPrice }).ToList(),
                reference = g.Key.Name,
                region = g.Key.Region,
                totalPrice = (double)g.Sum(i => i.Flavor.MonthlyPrice),
            }).ToList(),
            instanceOption = Array.Empty<object>(),
            savingsPlan = Array.Empty<object>(),
        };

        var resourcesUsage = typed.GroupBy(e => e.PlanFamily).Select(g => new
        {
            resources = g.GroupBy(e => e.Region).Select(r => new
            {
                components = r.Select(e => new
                {
                    id = e.Reference,
                    name = e.BillDescription,
                    quantity = Q(e.Unit switch { "minute" => "Minute", "hour" => "Hour", _ => "Unit" }, e.Quantity),
                    resourceId = e.Details[0].UniqueId,
                    totalPrice = D(e.Amount),
                }).ToList(),
                deploymentMode = Mode,
                region = r.Key,
            }).ToList(),
            totalPrice = D(Money.Sum(g.Select(e => e.Amount))),
            type = g.Key,
        }).ToList();

        var period = new { from = OvhJson.Date(from), to = OvhJson.Date(to) };
        var lastUpdateText = OvhJson.Date(lastUpdate.AddTicks(-(lastUpdate.Ticks % TimeSpan.TicksPerMinute)));
        if (usageId is not null)
            return new { hourlyUsage, id = usageId, lastUpdate = lastUpdateText, monthlyUsage, period, resourcesUsage, totalPrice = OvhJson.OrderPrice(total) };
        if (forecast)
            return new { hourlyUsage, lastUpdate = lastUpdateText, monthlyUsage, period, resourcesUsage, totalPrice = OvhJson.OrderPrice(total), usableCredits = new { details = Array.Empty<object>(), totalCredit = 0.0 } };
        return new { hourlyUsage, lastUpdate = lastUpdateText, monthlyUsage, period, resourcesUsage, totalPrice = OvhJson.OrderPrice(total) };
    }
}
