using Microsoft.Extensions.DependencyInjection;
using OvhCostManager.Core.Costs;
using OvhCostManager.Core.Savings;
using OvhCostManager.Simulator;
using OvhCostManager.Tests.Infrastructure;

namespace OvhCostManager.Tests.Integration.Savings;

/// <summary>The reconciliation of bill lines with the inventory, against the simulator's seeded orphans, on an imported account frozen at 2026-11-18.</summary>
public abstract class BilledButNotThereFinderTests(ImportedAccount account)
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

    [Fact]
    public async Task The_vps_no_bill_names_is_found_with_its_monthly_price_and_nothing_else()
    {
        var found = await account.Services.GetRequiredService<UnbilledInventoryFinder>().GetAsync();

        var expected = Assert.Single(account.GroundTruth.Unbilled);
        var unbilled = Assert.Single(found);
        Assert.Equal((expected.Service, (Money?)expected.ExpectedMonthly, (string?)null), (unbilled.Service, unbilled.ExpectedMonthly, unbilled.LastBilledMonth));
    }

    [Fact]
    public void Every_other_server_vps_and_netapp_has_a_line_in_each_of_the_two_months_before_now()
    {
        var simulated = account.Simulator.Account;
        var expected = account.GroundTruth.Unbilled.Select(u => u.Service).ToHashSet();
        var monthly = simulated.DedicatedServers.Select(s => s.Name).Concat(simulated.Vps.Select(v => v.Name)).Concat(simulated.NetApps.Select(n => n.Id))
            .Where(name => !expected.Contains(name)).ToList();

        Assert.NotEmpty(monthly);
        foreach (var month in new[] { "2026-09", "2026-10" })
        {
            Assert.All(monthly, name => Assert.True(account.GroundTruth.ResourcesPerMonth.GetValueOrDefault(name)?.ContainsKey(month) == true, $"{name} in {month}"));
        }
    }
}

[Collection(ImportedAccountCollection.Name)]
public sealed class MediumAccountBilledButNotThereTests(ImportedAccountFixture account) : BilledButNotThereFinderTests(account);

public sealed class SmallAccountBilledButNotThereTests(SmallImportedAccount account) : BilledButNotThereFinderTests(account), IClassFixture<SmallImportedAccount>;

/// <summary>The Small account imported at the Medium fixture's instant.</summary>
public sealed class SmallImportedAccount() : ImportedAccount(ImportedAccountFixture.Now, AccountSize.Small);
