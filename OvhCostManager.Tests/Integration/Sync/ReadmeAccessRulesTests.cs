using System.Text.RegularExpressions;
using OvhCostManager.Core.Data.Entities;
using OvhCostManager.Core.Sync;
using OvhCostManager.Simulator;
using OvhCostManager.Tests.Infrastructure;

namespace OvhCostManager.Tests.Integration.Sync;

public sealed partial class ReadmeAccessRulesTests
{
    [GeneratedRegex("""\{"method":"(?<method>[A-Z]+)","path":"(?<path>[^"]+)"\}""")]
    private static partial Regex Rule();

    [Fact]
    public async Task A_consumer_key_with_exactly_the_READMEs_access_rules_lets_a_full_sync_read_everything_it_needs()
    {
        var readme = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root, "README.md"));
        var rules = Rule().Matches(readme).Select(m => new AccessRule(m.Groups["method"].Value, m.Groups["path"].Value)).ToList();
        Assert.NotEmpty(rules);
        Assert.All(rules, r => Assert.Equal("GET", r.Method));

        await using var simulator = await SimulatorServer.StartAsync(new SimulatorOptions
        {
            Seed = 42,
            Size = AccountSize.Small,
            Clock = SimulatorClock.Frozen(new DateTimeOffset(2026, 11, 18, 10, 0, 0, TimeSpan.FromHours(1))),
            Consumers = [new ConsumerGrant(SimulatorCredentials.Default.ConsumerKey, rules)],
        });
        await using var harness = await SyncHarness.CreateAsync(simulator);

        var outcome = await harness.RunAsync(new SyncRequest(SyncRunKind.Full, SyncScope.Everything, Trigger: "cli"));

        Assert.Equal(SyncRunStatus.Success, outcome.Status);
        Assert.Equal(0, simulator.Requests.ForStatus(403));
        // The routes the savings view added: signed under /cloud/project/*, the catalogue unsigned (no rule needed).
        foreach (var template in new[]
                 {
                     "/1.0/cloud/project/{id}/volume", "/1.0/cloud/project/{id}/volume/snapshot", "/1.0/cloud/project/{id}/ip/failover",
                     "/1.0/order/catalog/public/cloud",
                 })
        {
            Assert.True(simulator.Requests.ForTemplate(template) > 0, $"{template} was not read");
        }

        Assert.DoesNotContain(rules, r => r.Allows("GET", "/order/catalog/public/cloud"));
    }
}
