using Microsoft.Extensions.DependencyInjection;
using OvhCostManager.Core.Costs;
using OvhCostManager.Core.Ovh;
using OvhCostManager.Simulator;
using OvhCostManager.Tests.Infrastructure;
using Xunit.Abstractions;

namespace OvhCostManager.Tests.Integration.Ovh;

/// <summary>The old tool spent one request per bill line; the client pages whole objects instead.</summary>
public sealed class BillListingCostTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Listing_every_line_of_a_36_month_account_of_40_bills_a_month_costs_about_one_request_per_bill()
    {
        var shape = AccountShape.For(AccountSize.Large);
        Assert.Equal((36, 40, 25), (shape.Months, shape.BillsPerMonth, shape.LinesPerBill));
        await using var simulator = await SimulatorServer.StartAsync(new SimulatorOptions { Seed = 42, Size = AccountSize.Large, Clock = SimulatorClock.Frozen(ImportedAccountFixture.Now) });
        await using var harness = await SyncHarness.CreateAsync(simulator);
        var api = harness.Services.GetRequiredService<IOvhApi>();

        var bills = await api.ListBillsAsync(new DateOnly(2000, 1, 1), DateOnly.FromDateTime(ImportedAccountFixture.Now.UtcDateTime));
        var lines = 0;
        var total = Money.Zero;
        foreach (var bill in bills)
        {
            var details = await api.ListBillDetailsAsync(bill.BillId);
            lines += details.Count;
            total += Money.Sum(details.Select(d => d.TotalPrice.Money));
        }

        var requests = harness.Counter.Snapshot().TotalRequests;
        output.WriteLine($"{bills.Count} bills, {lines} lines listed in {requests} requests");
        Assert.Equal(simulator.GroundTruth.Counts.Bills, bills.Count);
        Assert.Equal(simulator.GroundTruth.Counts.Lines, lines);
        Assert.Equal(simulator.GroundTruth.TotalWithoutTax, total);
        Assert.InRange(requests, bills.Count, bills.Count + 5);
    }
}
