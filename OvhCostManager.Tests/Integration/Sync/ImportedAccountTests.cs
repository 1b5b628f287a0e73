using OvhCostManager.Core.Data;
using Microsoft.EntityFrameworkCore;
using OvhCostManager.Core.Costs;
using OvhCostManager.Core.Data.Entities;
using OvhCostManager.Tests.Infrastructure;

namespace OvhCostManager.Tests.Integration.Sync;

[Collection(ImportedAccountCollection.Name)]
public sealed class ImportedAccountTests(ImportedAccountFixture fixture)
{
    [Fact]
    public async Task FullImport_totals_per_month_equal_the_ground_truth_to_the_micro_cent()
    {
        await using var context = await fixture.Contexts.CreateDbContextAsync();
        var lines = await context.BillLines
            .GroupBy(l => l.BillingMonth)
            .Select(g => new { Month = g.Key, Ucents = g.Sum(l => MoneyQueryable.UcentsOf(l.Total)), Count = g.Count() })
            .ToListAsync();
        var bills = await context.Bills
            .GroupBy(b => b.BillingMonth)
            .Select(g => new { Month = g.Key, WithTax = g.Sum(b => MoneyQueryable.UcentsOf(b.PriceWithTax)), Count = g.Count() })
            .ToListAsync();

        var truth = fixture.GroundTruth.Months;
        Assert.Equal(truth.Keys.Order(), lines.Select(l => l.Month).Order());
        foreach (var month in lines)
        {
            Assert.Equal(truth[month.Month].WithoutTax, new Money(month.Ucents));
            Assert.Equal(truth[month.Month].Lines, month.Count);
        }

        foreach (var month in bills)
        {
            Assert.Equal(truth[month.Month].WithTax, new Money(month.WithTax));
            Assert.Equal(truth[month.Month].Bills, month.Count);
        }

        Assert.Equal(fixture.GroundTruth.Counts.Bills, await context.Bills.CountAsync(b => b.LinesComplete));
    }

    [Fact]
    public async Task FullImport_totals_per_cloud_project_and_month_equal_the_ground_truth()
    {
        await using var context = await fixture.Contexts.CreateDbContextAsync();
        var rows = await context.BillLines
            .Where(l => l.CloudProjectId != null)
            .GroupBy(l => new { l.CloudProjectId, l.BillingMonth })
            .Select(g => new { g.Key.CloudProjectId, g.Key.BillingMonth, Ucents = g.Sum(l => MoneyQueryable.UcentsOf(l.Total)) })
            .ToListAsync();
        var imported = rows.ToDictionary(r => (r.CloudProjectId!, r.BillingMonth), r => new Money(r.Ucents));
        var expected = fixture.GroundTruth.CloudProjectsPerMonth
            .SelectMany(p => p.Value.Select(m => (Key: (p.Key, m.Key), Amount: m.Value)))
            .ToDictionary(x => x.Key, x => x.Amount);

        Assert.NotEmpty(expected);
        Assert.Equal(expected.OrderBy(e => e.Key), imported.OrderBy(e => e.Key));
    }

    [Fact]
    public async Task FullImport_maps_lines_of_known_services_to_their_inventory_resource()
    {
        await using var context = await fixture.Contexts.CreateDbContextAsync();
        var servers = await context.DedicatedServers.Select(s => s.Name).ToListAsync();
        Assert.Equal(fixture.GroundTruth.Counts.DedicatedServers, servers.Count);
        var serverLines = await context.BillLines.Where(l => servers.Contains(l.Domain)).ToListAsync();
        Assert.NotEmpty(serverLines);
        Assert.All(serverLines, l =>
        {
            Assert.Equal(Core.Classification.ResourceType.DedicatedServer, l.ResourceType);
            Assert.Equal(l.Domain, l.ResourceKey);
        });

        var perResource = await context.BillLines
            .Where(l => l.ResourceKey != null)
            .GroupBy(l => new { l.ResourceKey, l.BillingMonth })
            .Select(g => new { g.Key.ResourceKey, g.Key.BillingMonth, Ucents = g.Sum(l => MoneyQueryable.UcentsOf(l.Total)) })
            .ToListAsync();
        foreach (var row in perResource)
        {
            Assert.Equal(fixture.GroundTruth.ResourcesPerMonth[row.ResourceKey!][row.BillingMonth], new Money(row.Ucents));
        }
    }

    [Fact]
    public async Task FullImport_records_a_successful_run_with_its_requests()
    {
        await using var context = await fixture.Contexts.CreateDbContextAsync();
        var run = await context.SyncRuns.SingleAsync();
        Assert.Equal(SyncRunStatus.Success, run.Status);
        Assert.Equal(SyncRunKind.Full, run.Kind);
        Assert.Equal(fixture.GroundTruth.Counts.Bills, run.BillsImported);
        Assert.Equal(fixture.GroundTruth.Counts.Lines, run.LinesImported);
        Assert.Equal(fixture.Outcome.RequestsMade, run.RequestsMade);
        Assert.True(run.RequestsMade > fixture.GroundTruth.Counts.Bills, $"{run.RequestsMade} requests for {fixture.GroundTruth.Counts.Bills} bills");
        var byEndpoint = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, long>>(run.RequestsByEndpointJson!)!;
        Assert.Equal(fixture.GroundTruth.Counts.Bills, byEndpoint["/me/bill/{id}/details"]);
        Assert.Equal(1, byEndpoint["/me/bill"]);
    }

    [Fact]
    public async Task CloudDetailsImport_stores_each_instance_by_its_flavour_name_so_gpu_instances_are_detected()
    {
        await using var context = await fixture.Contexts.CreateDbContextAsync();
        var stored = await context.CloudInstances.ToListAsync();
        var live = await context.CloudProjects.Where(p => p.RemovedAtUtc == null).Select(p => p.Id).ToListAsync();
        var simulated = fixture.Simulator.Account.Instances
            .Where(i => live.Contains(i.ProjectId) && i.Created <= ImportedAccountFixture.Now)
            .ToList();

        Assert.Contains(simulated, i => i.Flavor.Gpu);
        Assert.Equal(simulated.Count(i => i.Flavor.Gpu), stored.Count(i => i.IsGpu));
        Assert.Equal(
            simulated.Select(i => $"{i.Id} {i.Flavor.Name} gpu={i.Flavor.Gpu}").Order(),
            stored.Select(i => $"{i.InstanceId} {i.Flavor} gpu={i.IsGpu}").Order());
        Assert.All(stored.Where(i => i.IsGpu), i => Assert.False(string.IsNullOrEmpty(i.GpuModel)));
    }
}
