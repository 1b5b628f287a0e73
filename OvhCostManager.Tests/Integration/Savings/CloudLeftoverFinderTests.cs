using Microsoft.Extensions.DependencyInjection;
using OvhCostManager.Core.Costs;
using OvhCostManager.Core.Savings;
using OvhCostManager.Tests.Infrastructure;

namespace OvhCostManager.Tests.Integration.Savings;

[Collection(ImportedAccountCollection.Name)]
public sealed class CloudLeftoverFinderTests(ImportedAccountFixture account)
{
    [Fact]
    public async Task Every_leftover_seeded_in_the_simulator_is_found_with_its_monthly_price_and_nothing_else()
    {
        var found = await account.Services.GetRequiredService<CloudLeftoverFinder>().GetAsync();
        var kinds = new Dictionary<string, LeftoverKind>
        {
            ["volume"] = LeftoverKind.DetachedVolume,
            ["snapshot"] = LeftoverKind.OrphanSnapshot,
            ["failoverIp"] = LeftoverKind.UnroutedFailoverIp,
        };

        var expected = account.GroundTruth.CloudLeftovers.Select(l => (kinds[l.Kind], l.ProjectId, l.Id, (Money?)l.MonthlyPrice)).Order().ToList();
        Assert.Equal(3, expected.Count);
        Assert.Equal(expected, found.Items.Select(i => (i.Kind, i.ProjectId, i.Id, i.MonthlyPrice)).Order().ToList());
        Assert.Equal(Money.Sum(account.GroundTruth.CloudLeftovers.Select(l => l.MonthlyPrice)), found.MonthlyTotal);
    }

    [Fact]
    public async Task Volumes_snapshots_and_addresses_in_use_are_all_imported_but_not_reported()
    {
        var simulated = account.Simulator.Account;
        await using var context = await account.Contexts.CreateDbContextAsync();

        Assert.Equal(simulated.Volumes.Count, context.CloudVolumes.Count());
        Assert.Equal(simulated.VolumeSnapshots.Count, context.CloudVolumeSnapshots.Count());
        Assert.Equal(simulated.FailoverIps.Count, context.CloudFailoverIps.Count());
        Assert.True(simulated.Volumes.Count > 3);
    }
}
