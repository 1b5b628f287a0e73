using System.Diagnostics;
using System.Text.Json;
using OvhCostManager.Core.Costs;
using OvhCostManager.Simulator;
using Xunit.Abstractions;

using BillingMonth = OvhCostManager.Simulator.BillingMonth;

namespace OvhCostManager.Tests.Integration.Simulator;

public sealed class SimulatorAccountTests(ITestOutputHelper output)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task Same_seed_gives_the_same_ground_truth_and_another_seed_a_different_one()
    {
        await using var a = await SimulatorTestClock.StartSmallAsync(seed: 42);
        await using var b = await SimulatorTestClock.StartSmallAsync(seed: 42);
        await using var c = await SimulatorTestClock.StartSmallAsync(seed: 43);
        Assert.Equal(JsonSerializer.Serialize(a.GroundTruth, Json), JsonSerializer.Serialize(b.GroundTruth, Json));
        Assert.NotEqual(a.GroundTruth.TotalWithoutTax, c.GroundTruth.TotalWithoutTax);
        Assert.NotEqual(a.GroundTruth.Bills.Keys.First(), c.GroundTruth.Bills.Keys.First());
    }

    [Fact]
    public async Task No_bill_is_paid_after_the_simulated_now_on_the_second_day_of_a_month()
    {
        var now = new DateTimeOffset(2025, 7, 2, 8, 0, 0, TimeSpan.Zero);
        await using var sim = await SimulatorServer.StartAsync(new SimulatorOptions { Seed = 42, Size = AccountSize.Small, Clock = SimulatorClock.Frozen(now) });
        using var client = new SignedOvhClient(sim);

        var paid = new List<(string Bill, DateTimeOffset Date, DateTimeOffset PaidOn)>();
        var pending = 0;
        foreach (var id in (await client.GetJsonAsync("/me/bill")).EnumerateArray().Select(e => e.GetString()!))
        {
            var date = (await client.GetJsonAsync($"/me/bill/{id}")).GetProperty("date").GetDateTimeOffset();
            using var response = await client.GetAsync($"/me/bill/{id}/payment");
            if (response.StatusCode == System.Net.HttpStatusCode.NotFound)
            {
                pending++;
                continue;
            }

            var payment = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            paid.Add((id, date, payment.GetProperty("paymentDate").GetDateTimeOffset()));
        }

        Assert.True(paid.Count > 0 && pending > 0, $"{paid.Count} paid, {pending} pending");
        Assert.All(paid, p => Assert.True(p.PaidOn <= now && p.PaidOn >= p.Date, $"{p.Bill} of {p.Date:O} paid on {p.PaidOn:O}"));
    }

    [Fact]
    public async Task Ground_truth_equals_the_exact_sum_of_what_the_api_serves_for_the_small_account()
    {
        await using var sim = await SimulatorTestClock.StartSmallAsync();
        using var client = new SignedOvhClient(sim);
        var truth = sim.GroundTruth;
        var projects = (await client.GetJsonAsync("/cloud/project")).EnumerateArray().Select(p => p.GetString()!).ToHashSet();
        var perMonth = new Dictionary<string, long>();
        var perProject = new Dictionary<(string, string), long>();
        long totalNet = 0, totalGross = 0, lines = 0;

        var ids = await client.GetJsonAsync("/me/bill");
        foreach (var id in ids.EnumerateArray().Select(e => e.GetString()!))
        {
            var bill = await client.GetJsonAsync($"/me/bill/{id}");
            var month = bill.GetProperty("date").GetString()![..7];
            long sum = 0;
            foreach (var detailId in (await client.GetJsonAsync($"/me/bill/{id}/details")).EnumerateArray().Select(e => e.GetString()!))
            {
                var detail = await client.GetJsonAsync($"/me/bill/{id}/details/{detailId}");
                var amount = detail.GetProperty("totalPrice").Ucents();
                Assert.Equal(Money.FromDecimal(detail.GetProperty("totalPrice").GetProperty("value").GetDecimal()).Ucents, amount);
                sum += amount;
                lines++;
                var domain = detail.GetProperty("domain").GetString()!;
                if (projects.Contains(domain)) perProject[(domain, month)] = perProject.GetValueOrDefault((domain, month)) + amount;
            }

            var net = bill.GetProperty("priceWithoutTax").Ucents();
            Assert.Equal(sum, net);
            Assert.Equal(net + bill.GetProperty("tax").Ucents(), bill.GetProperty("priceWithTax").Ucents());
            Assert.Equal(truth.Bills[id].WithTax.Ucents, bill.GetProperty("priceWithTax").Ucents());
            perMonth[month] = perMonth.GetValueOrDefault(month) + net;
            totalNet += net;
            totalGross += bill.GetProperty("priceWithTax").Ucents();
        }

        Assert.Equal(truth.Counts.Bills, ids.GetArrayLength());
        Assert.Equal(truth.Counts.Lines, lines);
        Assert.Equal(truth.TotalWithoutTax.Ucents, totalNet);
        Assert.Equal(truth.TotalWithTax.Ucents, totalGross);
        Assert.Equal(truth.Months.ToDictionary(m => m.Key, m => m.Value.WithoutTax.Ucents), perMonth);
        Assert.Equal(
            truth.CloudProjectsPerMonth.SelectMany(p => p.Value.Select(m => ((p.Key, m.Key), m.Value.Ucents))).ToDictionary(x => x.Item1, x => x.Ucents),
            perProject);

        var current = await client.GetJsonAsync("/me/consumption/usage/current");
        Assert.Equal(truth.ConsumptionCurrent.Ucents, current.EnumerateArray().Sum(t => t.GetProperty("price").GetProperty("valueInUcents").GetInt64()));
        var debt = await client.GetJsonAsync("/me/debtAccount");
        Assert.Equal(truth.UnpaidWithTax.Ucents, debt.GetProperty("todoAmount").Ucents());
        Assert.Equal(truth.Counts.DedicatedServers, (await client.GetJsonAsync("/dedicated/server")).GetArrayLength());
        Assert.Equal(truth.Counts.Vps, (await client.GetJsonAsync("/vps")).GetArrayLength());
        Assert.Equal(truth.Counts.NetApps, (await client.GetJsonAsync("/storage/netapp")).GetArrayLength());
        var instances = 0;
        foreach (var project in projects) instances += (await client.GetJsonAsync($"/cloud/project/{project}/instance")).GetArrayLength();
        Assert.Equal(truth.Counts.Instances, instances);
    }

    [Fact]
    public async Task Ongoing_consumption_grows_as_the_clock_advances_and_with_explicit_additions()
    {
        await using var sim = await SimulatorTestClock.StartSmallAsync();
        using var client = new SignedOvhClient(sim);
        async Task<long> Total(string route) =>
            (await client.GetJsonAsync(route)).EnumerateArray().Sum(t => t.GetProperty("price").GetProperty("valueInUcents").GetInt64());

        var before = await Total("/me/consumption/usage/current");
        var forecast = await Total("/me/consumption/usage/forecast");
        Assert.InRange(before, 1, forecast - 1);
        sim.Clock.Advance(TimeSpan.FromDays(3));
        var after = await Total("/me/consumption/usage/current");
        Assert.True(after > before, $"current {after} should exceed {before}");
        // OVH's estimate moves from day to day as it learns; an addition counts in it at once.
        var forecastThen = await Total("/me/consumption/usage/forecast");

        sim.Account.AdvanceConsumption(Money.FromDecimal(12.34m));
        Assert.Equal(after + 1_234_000_000, await Total("/me/consumption/usage/current"));
        Assert.Equal(forecastThen + 1_234_000_000, await Total("/me/consumption/usage/forecast"));
    }

    [Fact]
    public async Task A_consumption_bill_for_the_past_month_appears_after_the_first()
    {
        await using var sim = await SimulatorTestClock.StartSmallAsync();
        using var client = new SignedOvhClient(sim);
        sim.Clock.SetNow(new DateTimeOffset(2025, 6, 30, 20, 0, 0, TimeSpan.Zero));
        sim.Account.AdvanceConsumption(Money.FromDecimal(7.5m));
        var juneForecast = (await client.GetJsonAsync("/me/consumption/usage/forecast")).EnumerateArray()
            .Sum(t => t.GetProperty("price").GetProperty("valueInUcents").GetInt64());
        var before = (await client.GetJsonAsync("/me/bill")).EnumerateArray().Select(e => e.GetString()!).ToHashSet();

        sim.Clock.SetNow(new DateTimeOffset(2025, 7, 1, 4, 0, 0, TimeSpan.Zero));
        var after = (await client.GetJsonAsync("/me/bill")).EnumerateArray().Select(e => e.GetString()!).ToList();
        var added = after.Where(id => !before.Contains(id)).ToList();
        Assert.Single(added);
        var bill = await client.GetJsonAsync($"/me/bill/{added[0]}");
        Assert.StartsWith("2025-07-01T05:", bill.GetProperty("date").GetString(), StringComparison.Ordinal);
        long juneLines = 0;
        foreach (var detailId in (await client.GetJsonAsync($"/me/bill/{added[0]}/details")).EnumerateArray())
        {
            var detail = await client.GetJsonAsync($"/me/bill/{added[0]}/details/{detailId.GetString()}");
            if (detail.GetProperty("periodStart").GetString() == "2025-06-01") juneLines += detail.GetProperty("totalPrice").Ucents();
        }

        Assert.Equal(juneForecast, juneLines);
        var history = await client.GetJsonAsync("/me/consumption/usage/history?beginDate=2025-06-01T00%3A00%3A00%2B02%3A00&endDate=2025-06-30T23%3A59%3A59%2B02%3A00");
        Assert.Equal(juneForecast, history.EnumerateArray().Sum(t => t.GetProperty("price").GetProperty("valueInUcents").GetInt64()));
    }

    [Fact]
    public async Task Added_and_corrected_bills_are_served_and_counted_in_the_ground_truth()
    {
        await using var sim = await SimulatorTestClock.StartSmallAsync();
        using var client = new SignedOvhClient(sim);
        var before = sim.GroundTruth;
        var added = sim.Account.AddBill(SimulatorTestClock.June18.AddHours(-2),
            [new NewBillLine("Location serveur dédié Advance-2 pour 1 mois", "ns1234567.ip-1-2-3.eu", Money.FromDecimal(109.99m))], paid: false);
        var first = before.Bills.Keys.First();
        var oldLine = sim.Account.FindBill(first)!.Lines[0].TotalPrice;
        sim.Account.ChangeBillLine(first, 1, Money.FromDecimal(1.23m), "Ligne corrigée");

        var served = await client.GetJsonAsync($"/me/bill/{added.BillId}");
        Assert.Equal(Money.FromDecimal(131.99m).Ucents, served.GetProperty("priceWithTax").Ucents());
        var corrected = await client.GetJsonAsync($"/me/bill/{first}/details/{first}-1");
        Assert.Equal("Ligne corrigée", corrected.GetProperty("description").GetString());
        var after = sim.GroundTruth;
        Assert.Equal(before.Counts.Bills + 1, after.Counts.Bills);
        Assert.Equal(before.Bills[first].WithoutTax - oldLine + Money.FromDecimal(1.23m), after.Bills[first].WithoutTax);
        Assert.Equal(after.Bills[first].WithoutTax.Ucents, (await client.GetJsonAsync($"/me/bill/{first}")).GetProperty("priceWithoutTax").Ucents());
        Assert.Equal(before.TotalWithoutTax + Money.FromDecimal(109.99m) - oldLine + Money.FromDecimal(1.23m), after.TotalWithoutTax);
        Assert.Equal(before.UnpaidWithTax + Money.FromDecimal(131.99m), after.UnpaidWithTax);
    }

    [Fact]
    public async Task Inventory_expiry_dates_are_spread_around_now_with_mixed_renewal_modes()
    {
        await using var sim = await SimulatorServer.StartAsync(new SimulatorOptions { Size = AccountSize.Medium, Clock = SimulatorClock.Frozen(SimulatorTestClock.June18) });
        using var client = new SignedOvhClient(sim);
        var today = new DateOnly(2025, 6, 18);
        var expirations = new List<int>();
        var renewals = new HashSet<string>();
        foreach (var (list, route) in new[] { ("/dedicated/server", "/dedicated/server"), ("/vps", "/vps") })
        {
            foreach (var name in (await client.GetJsonAsync(list)).EnumerateArray().Select(e => e.GetString()))
            {
                var info = await client.GetJsonAsync($"{route}/{name}/serviceInfos");
                expirations.Add(DateOnly.Parse(info.GetProperty("expiration").GetString()!, System.Globalization.CultureInfo.InvariantCulture).DayNumber - today.DayNumber);
                renewals.Add(info.GetProperty("renewalType").GetString()!);
            }
        }

        Assert.Contains(expirations, d => d < 0);
        Assert.Contains(expirations, d => d is >= 0 and <= 7);
        Assert.Contains(expirations, d => d is > 7 and <= 30);
        Assert.Contains(expirations, d => d > 30);
        Assert.True(renewals.Count >= 2, string.Join(",", renewals));
    }

    [Fact]
    public async Task Medium_account_lines_mix_french_and_english_across_categories_with_month_name_traps()
    {
        await using var sim = await SimulatorServer.StartAsync(new SimulatorOptions { Size = AccountSize.Medium, Clock = SimulatorClock.Frozen(SimulatorTestClock.June18) });
        var descriptions = sim.Account.AllBills.SelectMany(b => b.Lines).Select(l => l.Description).ToList();
        foreach (var expected in new[] { "mai ", "Location serveur dédié", "Dedicated server rental", "VPS Comfort", "Cold Archive", "Load Balancer", "vRack",
                     "AI Training", "AI Notebooks", "AI Deploy", "PostgreSQL", "MongoDB", "Windows", "cPanel", "SQL Server", "Veeam", "Backup Storage",
                     "Support Business", "Business Support", "nom de domaine", "Hosted Private Cloud", "Exchange", "Snapshot", "IP Failover" }
                     .Where(expected => !descriptions.Any(d => d.Contains(expected, StringComparison.Ordinal))))
        {
            Assert.Fail($"No line mentions '{expected}'");
        }

        Assert.Contains(descriptions, d => d.StartsWith("Mars ", StringComparison.Ordinal) || d.StartsWith("Mai ", StringComparison.Ordinal) || d.Contains("Mars", StringComparison.Ordinal));
        Assert.Contains(sim.Account.Instances, i => i.Flavor.Gpu);
    }

    [Fact]
    public async Task Large_account_is_generated_with_its_preset_dimensions()
    {
        var watch = Stopwatch.StartNew();
        await using var sim = await SimulatorServer.StartAsync(new SimulatorOptions { Size = AccountSize.Large, Clock = SimulatorClock.Frozen(SimulatorTestClock.June18) });
        var startup = watch.Elapsed;
        output.WriteLine($"Large account: generation {sim.GenerationTime.TotalMilliseconds:0} ms, server start {startup.TotalMilliseconds:0} ms, " +
            $"{sim.Account.AllBills.Count} bills, {sim.Account.AllBills.Sum(b => b.Lines.Count)} lines");
        Assert.Equal(36 * 40, sim.Account.AllBills.Count);
        Assert.Equal(20, sim.Account.CloudProjects.Count);
        Assert.Equal(200, sim.Account.Instances.Count);
        var closed = sim.Account.AllBills.Where(b => !b.IsConsumptionBill && b.Month < BillingMonth.Of(SimulatorTestClock.June18)).ToList();
        // Each has its 25 drawn lines; the first of a month also renews what they did not bill and bills the server no listing shows.
        Assert.Equal(35 * 39, closed.Count);
        Assert.All(closed, b => Assert.InRange(b.Lines.Count, 25, int.MaxValue));
        Assert.Equal(35, closed.Count(b => b.Lines.Count > 25));
        Assert.Equal(35, closed.Sum(b => b.Lines.Count(l => l.Domain == sim.Account.UnlistedServer)));
    }
}
