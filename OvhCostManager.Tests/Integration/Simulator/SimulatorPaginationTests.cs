using System.Net;
using System.Text.Json;
using OvhCostManager.Simulator;

namespace OvhCostManager.Tests.Integration.Simulator;

public sealed class SimulatorPaginationTests : IAsyncLifetime
{
    private SimulatorServer sim = null!;

    public async Task InitializeAsync() => sim = await SimulatorTestClock.StartSmallAsync();

    public async Task DisposeAsync() => await sim.DisposeAsync();

    private static async Task<(HttpResponseMessage Response, JsonElement Body)> Send(SignedOvhClient client, string path, params (string Name, string Value)[] headers)
    {
        var request = client.Request(path);
        foreach (var (name, value) in headers) request.Headers.Add(name, value);
        var response = await client.SendAsync(request);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        return (response, body);
    }

    [Fact]
    public async Task Without_the_mode_header_list_routes_answer_bare_ids()
    {
        using var client = new SignedOvhClient(sim);
        var bills = await client.GetJsonAsync("/me/bill");
        Assert.Equal(sim.GroundTruth.Counts.Bills, bills.GetArrayLength());
        Assert.All(bills.EnumerateArray(), b => Assert.Equal(JsonValueKind.String, b.ValueKind));
        var services = await client.GetJsonAsync("/services");
        Assert.All(services.EnumerateArray(), s => Assert.Equal(JsonValueKind.Number, s.ValueKind));
    }

    [Fact]
    public async Task Pages_mode_returns_full_objects_page_by_page_with_the_element_count()
    {
        using var client = new SignedOvhClient(sim);
        var ids = (await client.GetJsonAsync("/me/bill")).EnumerateArray().Select(e => e.GetString()!).ToList();
        var seen = new List<string>();
        for (var page = 1; ; page++)
        {
            var (response, body) = await Send(client, "/me/bill", ("X-Pagination-Mode", "CachedObjectList-Pages"), ("X-Pagination-Size", "2"), ("X-Pagination-Number", page.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            using (response)
            {
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.Equal(ids.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), response.Headers.GetValues("X-Pagination-Elements").Single());
            }

            if (body.GetArrayLength() == 0) break;
            Assert.True(body.GetArrayLength() <= 2);
            foreach (var bill in body.EnumerateArray())
            {
                Assert.True(bill.GetProperty("priceWithTax").GetProperty("priceInUcents").GetInt64() != 0);
                seen.Add(bill.GetProperty("billId").GetString()!);
            }
        }

        Assert.Equal(ids, seen);
    }

    [Fact]
    public async Task Cursor_mode_walks_all_objects_following_the_next_cursor()
    {
        using var client = new SignedOvhClient(sim);
        var ids = (await client.GetJsonAsync("/services")).EnumerateArray().Select(e => e.GetInt64()).ToList();
        Assert.True(ids.Count > 3);
        var seen = new List<long>();
        string? cursor = null;
        var calls = 0;
        do
        {
            var headers = new List<(string, string)> { ("X-Pagination-Mode", "CachedObjectList-Cursor"), ("X-Pagination-Size", "3") };
            if (cursor is not null) headers.Add(("X-Pagination-Cursor", cursor));
            var (response, body) = await Send(client, "/services", [.. headers]);
            using (response)
            {
                cursor = response.Headers.TryGetValues("X-Pagination-Cursor-Next", out var next) ? next.Single() : null;
            }

            seen.AddRange(body.EnumerateArray().Select(s => s.GetProperty("serviceId").GetInt64()));
            calls++;
        }
        while (cursor is not null && calls < 100);

        Assert.Equal(ids, seen);
        Assert.Equal((ids.Count + 2) / 3, calls);
    }

    [Fact]
    public async Task Movement_route_ignores_the_mode_header_so_clients_must_fall_back_to_ids()
    {
        using var client = new SignedOvhClient(sim);
        var balances = await client.GetJsonAsync("/me/credit/balance");
        var name = balances[0].GetString()!;
        var (response, body) = await Send(client, $"/me/credit/balance/{name}/movement", ("X-Pagination-Mode", "CachedObjectList-Pages"));
        using (response)
        {
            Assert.False(response.Headers.Contains("X-Pagination-Elements"));
        }

        Assert.All(body.EnumerateArray(), m => Assert.Equal(JsonValueKind.Number, m.ValueKind));
        var movement = await client.GetJsonAsync($"/me/credit/balance/{name}/movement/{body[0].GetInt64()}");
        Assert.Equal(name, movement.GetProperty("balanceName").GetString());
    }

    [Fact]
    public async Task Bad_pagination_headers_and_missing_required_dates_answer_400()
    {
        using var client = new SignedOvhClient(sim);
        var (badMode, _) = await Send(client, "/me/bill", ("X-Pagination-Mode", "Everything"));
        Assert.Equal(HttpStatusCode.BadRequest, badMode.StatusCode);
        var (badCursor, _) = await Send(client, "/me/bill", ("X-Pagination-Mode", "CachedObjectList-Cursor"), ("X-Pagination-Cursor", "not-a-cursor"));
        Assert.Equal(HttpStatusCode.BadRequest, badCursor.StatusCode);
        using var history = await client.GetAsync("/me/consumption/usage/history?beginDate=2025-05-01T00%3A00%3A00%2B02%3A00");
        Assert.Equal(HttpStatusCode.BadRequest, history.StatusCode);
        Assert.Equal("Client::BadRequest", JsonDocument.Parse(await history.Content.ReadAsStringAsync()).RootElement.GetProperty("class").GetString());
    }
}
