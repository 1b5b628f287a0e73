using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OvhCostManager.Core.Cash;
using OvhCostManager.Core.Data.Entities;
using OvhCostManager.Core.Sync;
using OvhCostManager.Simulator;
using OvhCostManager.Tests.Infrastructure;

namespace OvhCostManager.Tests.Integration.Cash;

/// <summary>Unpaid bills' due dates come from <c>/me/bill/{id}/debt</c>; the warning starts N days before, on the app's clock.</summary>
public sealed partial class DueDateWarningTests
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    [Theory]
    [InlineData(null, 7)]
    [InlineData("3", 3)]
    public async Task An_unpaid_bill_is_flagged_from_the_warning_days_before_its_due_date_and_not_the_day_before(string? setting, int days)
    {
        var clock = SimulatorClock.Frozen(ImportedAccountFixture.Now);
        await using var simulator = await SimulatorServer.StartAsync(new SimulatorOptions { Seed = 42, Size = AccountSize.Small, Clock = clock });
        await using var harness = await SyncHarness.CreateAsync(simulator, setting is null ? null : new Dictionary<string, string?> { ["Cash:DueWarningDays"] = setting });
        Assert.Equal(SyncRunStatus.Success, (await harness.RunAsync(new SyncRequest(SyncRunKind.Full, SyncScope.Everything, Trigger: "cli"))).Status);
        var unpaid = simulator.Account.VisibleBills(clock.GetUtcNow()).Where(b => b.PaymentAt(clock.GetUtcNow()) is null)
            .OrderByDescending(b => b.Date).First();
        var due = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(unpaid.DueDate, Paris).DateTime);
        var query = harness.Services.GetRequiredService<CreditRunwayQuery>();

        // Noon in Paris, the day before the warning starts, then the first day of the warning.
        clock.SetNow(ParisNoon(due.AddDays(-days - 1)));
        var before = (await query.GetAsync()).UnpaidBills.Single(b => b.Id == unpaid.BillId);
        clock.SetNow(ParisNoon(due.AddDays(-days)));
        var from = (await query.GetAsync()).UnpaidBills.Single(b => b.Id == unpaid.BillId);

        Assert.Equal(due, before.DueOn);
        Assert.Equal(days + 1, before.DaysToDue);
        Assert.False(before.DueSoon);
        Assert.Equal(days, from.DaysToDue);
        Assert.True(from.DueSoon);
        Assert.True(simulator.Requests.ForTemplate("/1.0/me/bill/{billId}/debt") > 0, "the due dates were read from the bills' debts");
    }

    [Fact]
    public void The_bills_debt_route_is_one_the_READMEs_consumer_key_rules_grant()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md"));
        var rules = JsonDocument.Parse(AccessRules().Match(readme).Groups[1].Value).RootElement.EnumerateArray()
            .Select(r => new AccessRule(r.GetProperty("method").GetString()!, r.GetProperty("path").GetString()!)).ToList();

        Assert.Contains(rules, r => r.Allows("GET", "/me/bill/FR123/debt"));
        Assert.DoesNotContain(rules, r => !string.Equals(r.Method, "GET", StringComparison.Ordinal));
    }

    [Fact]
    public void A_warning_outside_0_to_90_days_stops_start_up_naming_the_setting()
    {
        var services = new ServiceCollection().AddCashQueries(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Cash:DueWarningDays"] = "91" }).Build()).BuildServiceProvider();

        var failure = Assert.Throws<OptionsValidationException>(
            () => services.GetRequiredService<IOptions<CashOptions>>().Value);

        Assert.Contains("Cash:DueWarningDays must be between 0 and 90 days.", failure.Message);
    }

    private static DateTimeOffset ParisNoon(DateOnly day) =>
        new(day.ToDateTime(new TimeOnly(12, 0)), Paris.GetUtcOffset(day.ToDateTime(new TimeOnly(12, 0))));

    [GeneratedRegex("\"accessRules\":(\\[.*?\\])\\}'", RegexOptions.Singleline)]
    private static partial Regex AccessRules();
}
