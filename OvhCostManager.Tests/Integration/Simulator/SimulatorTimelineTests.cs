using System.Globalization;
using System.Text.Json;
using OvhCostManager.Simulator;

namespace OvhCostManager.Tests.Integration.Simulator;

/// <summary>Nothing the simulator serves happened after its now: no bill, payment, movement, order or reading from the future.</summary>
public sealed class SimulatorTimelineTests
{
    /// <summary>Fields that name a date to come by nature: expiries, engagements, renewals, the end of a period.</summary>
    private static readonly HashSet<string> FutureByNature = new(StringComparer.Ordinal)
    {
        "expiration", "expirationDate", "engagedUpTo", "nextBillingDate", "nextDate", "endDate", "terminationDate", "to",
    };

    public static TheoryData<string, string> Instants => new()
    {
        // Mid-month; the 2nd, right after bills of the 1st that are paid within three days; the first minutes of a
        // month (its consumption closed at 00:12); New Year's Eve.
        { "2026-11-18T10:00:00+01:00", "Medium" },
        { "2026-12-02T08:00:00+01:00", "Medium" },
        { "2026-12-01T00:05:00+01:00", "Small" },
        { "2026-12-31T23:40:00+01:00", "Small" },
    };

    [Theory]
    [MemberData(nameof(Instants))]
    public async Task No_date_served_is_after_the_simulated_now(string instant, string size)
    {
        Assert.True(SimulatorClock.TryParseInstant(instant, out var now));
        await using var sim = await SimulatorServer.StartAsync(new SimulatorOptions
        {
            Size = Enum.Parse<AccountSize>(size), Clock = SimulatorClock.Frozen(now),
        });
        await AssertNothingAfterNowAsync(sim);

        // Later on the same account: what has happened since is there, nothing beyond.
        sim.Clock.Advance(TimeSpan.FromHours(25));
        await AssertNothingAfterNowAsync(sim);
    }

    private static async Task AssertNothingAfterNowAsync(SimulatorServer sim)
    {
        var now = sim.Clock.GetUtcNow();
        using var client = new SignedOvhClient(sim);
        var found = new List<(string Route, string Field, DateTimeOffset Date)>();
        var checkedDates = 0;

        async Task<JsonElement> Walk(string route)
        {
            var json = await client.GetJsonAsync(route);
            Collect(route, json, null);
            return json;
        }

        void Collect(string route, JsonElement element, string? field)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    foreach (var property in element.EnumerateObject())
                    {
                        if (!FutureByNature.Contains(property.Name)) Collect(route, property.Value, property.Name);
                    }

                    break;
                case JsonValueKind.Array:
                    foreach (var item in element.EnumerateArray()) Collect(route, item, field);
                    break;
                case JsonValueKind.String when element.GetString() is { Length: 25 } text && text[10] == 'T'
                    && DateTimeOffset.TryParseExact(text, "yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date):
                    checkedDates++;
                    if (date > now) found.Add((route, field ?? "", date));
                    break;
            }
        }

        var bills = await Walk("/me/bill");
        foreach (var bill in bills.EnumerateArray().Select(b => b.GetString()!))
        {
            await Walk($"/me/bill/{bill}");
            using var payment = await client.GetAsync($"/me/bill/{bill}/payment");
            if (payment.IsSuccessStatusCode) Collect($"/me/bill/{bill}/payment", JsonDocument.Parse(await payment.Content.ReadAsStringAsync()).RootElement, null);
        }

        foreach (var balance in (await Walk("/me/credit/balance")).EnumerateArray().Select(b => b.GetString()!))
        {
            await Walk($"/me/credit/balance/{balance}");
            foreach (var movement in (await Walk($"/me/credit/balance/{balance}/movement")).EnumerateArray())
                await Walk($"/me/credit/balance/{balance}/movement/{movement.GetInt64()}");
        }

        foreach (var order in (await Walk("/me/order")).EnumerateArray()) await Walk($"/me/order/{order.GetInt64()}");
        foreach (var deposit in (await Walk("/me/deposit")).EnumerateArray()) await Walk($"/me/deposit/{deposit.GetString()}");
        foreach (var project in sim.Account.CloudProjects) await Walk($"/services/{project.Terms.ServiceId}/consumption");
        await Walk("/me/consumption/usage/current");
        await Walk("/me/consumption/usage/history?beginDate=2000-01-01T00:00:00%2B01:00&endDate=2100-01-01T00:00:00%2B01:00");
        foreach (var service in (await Walk("/services")).EnumerateArray()) await Walk($"/services/{service.GetInt64()}");
        foreach (var project in (await Walk("/cloud/project")).EnumerateArray().Select(p => p.GetString()!))
        {
            await Walk($"/cloud/project/{project}");
            await Walk($"/cloud/project/{project}/instance");
            await Walk($"/cloud/project/{project}/usage/history");
        }

        Assert.True(checkedDates > 100, $"only {checkedDates} dates checked");
        Assert.True(found.Count == 0, $"{found.Count} dates after {now:O}, e.g. " + string.Join("; ", found.Take(5).Select(f => $"{f.Route} {f.Field} {f.Date:O}")));
    }
}
