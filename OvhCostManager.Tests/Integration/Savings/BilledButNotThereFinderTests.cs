using Microsoft.Extensions.DependencyInjection;
using OvhCostManager.Core.Costs;
using OvhCostManager.Core.Savings;
using OvhCostManager.Tests.Infrastructure;

namespace OvhCostManager.Tests.Integration.Savings;

[Collection(ImportedAccountCollection.Name)]
public sealed class BilledButNotThereFinderTests(ImportedAccountFixture account)
{
    [Fact]
    public async Task The_service_billed_after_its_end_and_the_server_no_listing_shows_are_found_with_their_month_and_nothing_else()
    {
        var found = await account.Services.GetRequiredService<BilledButNotThereFinder>().GetAsync();
        var kinds = new Dictionary<string, BilledButNotThereKind>
        {
            ["billedAfterEnd"] = BilledButNotThereKind.BilledAfterEnd,
            ["notInInventory"] = BilledButNotThereKind.NotInInventory,
        };

        var expected = account.GroundTruth.BilledButNotThere.Select(t => (kinds[t.Kind], t.Service, t.Month, t.Billed)).Order().ToList();
        Assert.Equal(2, expected.Count);
        Assert.Equal(expected, found.Items.Select(i => (i.Kind, i.Service, i.Month, i.Billed)).Order().ToList());
        Assert.Equal(Money.Sum(account.GroundTruth.BilledButNotThere.Select(t => t.Billed)), found.MonthlyTotal);
    }

    [Fact]
    public async Task The_ended_block_is_billed_twelve_euros_a_month_and_the_server_89_99_in_the_month_before_now()
    {
        var found = await account.Services.GetRequiredService<BilledButNotThereFinder>().GetAsync();

        // Frozen at 2026-11-18: the block ended on 30 September, October is the latest complete month.
        var ended = Assert.Single(found.Items, i => i.Kind == BilledButNotThereKind.BilledAfterEnd);
        Assert.Equal(new DateOnly(2026, 9, 30), ended.EndedOn);
        Assert.Equal(Money.FromDecimal(12m), ended.Billed);
        var unlisted = Assert.Single(found.Items, i => i.Kind == BilledButNotThereKind.NotInInventory);
        Assert.Equal(("2026-10", Money.FromDecimal(89.99m), 1), (unlisted.Month, unlisted.Billed, unlisted.Lines));
        Assert.Equal("2026-10", found.Month);
    }
}
