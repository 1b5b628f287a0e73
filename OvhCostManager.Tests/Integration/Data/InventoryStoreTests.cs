using Microsoft.EntityFrameworkCore;
using OvhCostManager.Core.Classification;
using OvhCostManager.Core.Costs;
using OvhCostManager.Core.Data;
using OvhCostManager.Core.Data.Entities;

namespace OvhCostManager.Tests.Integration.Data;

public sealed class InventoryStoreTests
{
    [Fact]
    public async Task Replacing_servers_removes_vanished_ones_updates_present_ones_and_adds_new_ones()
    {
        await using var db = await StoreDatabase.CreateAsync();
        var store = db.Get<InventoryStore>();
        await store.ReplaceDedicatedServersAsync([Server("ns1", "ok"), Server("ns2", "ok"), Server("ns3", "ok")]);

        await store.ReplaceDedicatedServersAsync([Server("ns2", "hacked"), Server("ns4", "ok")]);

        await using var context = await db.ContextAsync();
        var servers = await context.DedicatedServers.OrderBy(s => s.Name).ToListAsync();
        Assert.Equal(["ns2", "ns4"], servers.Select(s => s.Name));
        Assert.Equal("hacked", servers[0].State);
        Assert.Equal(RenewalMode.Automatic, servers[0].RenewalMode);
        Assert.Equal(new DateOnly(2026, 1, 31), servers[0].ExpiresOn);
    }

    [Fact]
    public async Task Replacing_with_a_duplicate_name_is_refused_and_keeps_the_stored_family()
    {
        await using var db = await StoreDatabase.CreateAsync();
        var store = db.Get<InventoryStore>();
        await store.ReplaceVpsAsync([new Vps { Name = "vps-1" }]);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => store.ReplaceVpsAsync([new Vps { Name = "vps-2" }, new Vps { Name = "vps-2" }]));

        Assert.Contains("vps-2", error.Message);
        await using var context = await db.ContextAsync();
        Assert.Equal("vps-1", (await context.Vps.SingleAsync()).Name);
    }

    [Fact]
    public async Task A_vanished_cloud_project_is_kept_as_removed_and_loses_its_instances()
    {
        await using var db = await StoreDatabase.CreateAsync();
        var store = db.Get<InventoryStore>();
        await store.ReplaceCloudProjectsAsync([new CloudProject { Id = "p1", Name = "prod" }, new CloudProject { Id = "p2", Name = "old" }]);
        await store.ReplaceCloudProjectDetailsAsync("p2", [new CloudInstance { InstanceId = "i1", Name = "web" }], [], []);

        await store.ReplaceCloudProjectsAsync([new CloudProject { Id = "p1", Name = "prod (renamed)" }]);

        await using var context = await db.ContextAsync();
        var projects = await context.CloudProjects.OrderBy(p => p.Id).ToListAsync();
        Assert.Equal("prod (renamed)", projects[0].Name);
        Assert.Null(projects[0].RemovedAtUtc);
        Assert.Equal("old", projects[1].Name);
        Assert.NotNull(projects[1].RemovedAtUtc);
        Assert.False(await context.CloudInstances.AnyAsync());
    }

    [Fact]
    public async Task Project_details_replace_instances_and_quotas_but_keep_other_months_usage()
    {
        await using var db = await StoreDatabase.CreateAsync();
        var store = db.Get<InventoryStore>();
        await store.ReplaceCloudProjectDetailsAsync("p1",
            [new CloudInstance { InstanceId = "i1", Name = "web-1" }, new CloudInstance { InstanceId = "i2", Name = "gpu-1", IsGpu = true, GpuModel = "NVIDIA L4" }],
            [new CloudQuota { Region = "GRA11", MaxCores = 20, UsedCores = 4 }],
            [Usage("2025-05", CloudUsageKind.History, 50m), Usage("2025-06", CloudUsageKind.Current, 10m)]);

        await store.ReplaceCloudProjectDetailsAsync("p1",
            [new CloudInstance { InstanceId = "i2", Name = "gpu-1", IsGpu = true, GpuModel = "NVIDIA L4" }],
            [new CloudQuota { Region = "GRA11", MaxCores = 20, UsedCores = 2 }, new CloudQuota { Region = "SBG5", MaxCores = 10 }],
            [Usage("2025-06", CloudUsageKind.Current, 12m), Usage("2025-06", CloudUsageKind.Current, 3m)]);

        await using var context = await db.ContextAsync();
        Assert.Equal("i2", (await context.CloudInstances.SingleAsync()).InstanceId);
        Assert.Equal(2, (await context.CloudQuotas.SingleAsync(q => q.Region == "GRA11")).UsedCores);
        Assert.Equal(2, await context.CloudQuotas.CountAsync());
        Assert.Equal(Money.FromDecimal(50m), await context.CloudProjectUsage.Where(u => u.Month == "2025-05").SumMoneyAsync(u => u.Amount));
        Assert.Equal(Money.FromDecimal(15m), await context.CloudProjectUsage.Where(u => u.Month == "2025-06").SumMoneyAsync(u => u.Amount));
    }

    [Fact]
    public async Task Renewals_are_replaced_per_resource_type()
    {
        await using var db = await StoreDatabase.CreateAsync();
        var store = db.Get<InventoryStore>();
        await store.ReplaceServiceRenewalsAsync(ResourceType.Vps, [new ServiceRenewal { ServiceName = "vps-1", RenewalMode = RenewalMode.Manual, ExpiresOn = new DateOnly(2025, 7, 1) }]);
        await store.ReplaceServiceRenewalsAsync(ResourceType.DedicatedServer, [new ServiceRenewal { ServiceName = "ns1" }, new ServiceRenewal { ServiceName = "ns2" }]);

        await store.ReplaceServiceRenewalsAsync(ResourceType.DedicatedServer, [new ServiceRenewal { ServiceName = "ns2", EngagedUntil = new DateOnly(2026, 3, 1) }]);

        await using var context = await db.ContextAsync();
        var renewals = await context.ServiceRenewals.OrderBy(r => r.ServiceName).ToListAsync();
        Assert.Equal(["ns2", "vps-1"], renewals.Select(r => r.ServiceName));
        Assert.Equal(new DateOnly(2026, 3, 1), renewals[0].EngagedUntil);
        Assert.Equal(RenewalMode.Manual, renewals[1].RenewalMode);
    }

    private static DedicatedServer Server(string name, string state) => new()
    {
        Name = name,
        Datacenter = "gra3",
        CommercialRange = "advance",
        CpuSummary = "Intel Xeon-E 2388G (8c/16t)",
        MemoryMb = 65536,
        DiskSummary = "2 × 960 GB SSD",
        State = state,
        Ip = "51.77.102.10",
        ExpiresOn = new DateOnly(2026, 1, 31),
        RenewalMode = RenewalMode.Automatic,
    };

    private static CloudProjectUsage Usage(string month, CloudUsageKind kind, decimal amount) => new()
    {
        Month = month,
        Kind = kind,
        ResourceType = "instance",
        ResourceName = "b3-8",
        Region = "GRA11",
        Quantity = 408m,
        Unit = "Hour",
        Amount = Money.FromDecimal(amount),
    };
}
