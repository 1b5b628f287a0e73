using System.Text.Json;
using OvhCostManager.Simulator;

namespace OvhCostManager.Tests.Integration.Simulator;

/// <summary><c>/me/order</c>, <c>/me/deposit</c> and <c>/services/{id}/consumption</c>: OVH's shapes, and figures that agree with the other routes.</summary>
public sealed class SimulatorOrderAndConsumptionRoutesTests : IAsyncLifetime
{
    private SimulatorServer sim = null!;
    private SignedOvhClient client = null!;

    public async Task InitializeAsync()
    {
        sim = await SimulatorServer.StartAsync(new SimulatorOptions { Size = AccountSize.Medium, Clock = SimulatorClock.Frozen(SimulatorTestClock.June18) });
        client = new SignedOvhClient(sim);
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await sim.DisposeAsync();
    }

    private static JsonElement Fixture(string name) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "ovh", name))).RootElement.Clone();

    /// <summary>Same properties at every level, each of the same JSON kind where both sides have a value.</summary>
    private static void AssertSameShape(JsonElement expected, JsonElement actual, string path = "$")
    {
        if (expected.ValueKind == JsonValueKind.Null || actual.ValueKind == JsonValueKind.Null) return;
        Assert.True(Kind(expected) == Kind(actual), $"{path}: {Kind(expected)} expected, got {Kind(actual)} ({actual})");
        if (expected.ValueKind == JsonValueKind.Object)
        {
            Assert.Equal(expected.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal), actual.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
            foreach (var property in expected.EnumerateObject()) AssertSameShape(property.Value, actual.GetProperty(property.Name), $"{path}.{property.Name}");
        }
        else if (expected.ValueKind == JsonValueKind.Array && expected.GetArrayLength() > 0)
        {
            foreach (var item in actual.EnumerateArray()) AssertSameShape(expected[0], item, $"{path}[]");
        }
    }

    private static string Kind(JsonElement e) => e.ValueKind is JsonValueKind.True or JsonValueKind.False ? "boolean" : e.ValueKind.ToString();

    private static long Ucents(JsonElement price) => price.GetProperty("priceInUcents").GetInt64();

    [Fact]
    public async Task Orders_have_OVHs_shape_and_every_bill_links_to_its_order_priced_as_the_bill()
    {
        var ids = await client.GetJsonAsync("/me/order");
        AssertSameShape(Fixture("me-order-list.json"), ids);
        var orders = new Dictionary<long, JsonElement>();
        foreach (var id in ids.EnumerateArray().Select(i => i.GetInt64()))
        {
            var order = await client.GetJsonAsync($"/me/order/{id}");
            AssertSameShape(Fixture("me-order-8001219876.json"), order);
            orders[id] = order;
        }

        var bills = (await client.GetJsonAsync("/me/bill")).EnumerateArray().Select(b => b.GetString()!).ToList();
        Assert.NotEmpty(bills);
        foreach (var billId in bills)
        {
            var bill = await client.GetJsonAsync($"/me/bill/{billId}");
            Assert.True(orders.TryGetValue(bill.GetProperty("orderId").GetInt64(), out var order), $"{billId}: order {bill.GetProperty("orderId")} is not in /me/order");
            Assert.Equal(Ucents(bill.GetProperty("priceWithTax")), Ucents(order.GetProperty("priceWithTax")));
            Assert.Equal(Ucents(bill.GetProperty("priceWithoutTax")), Ucents(order.GetProperty("priceWithoutTax")));
            Assert.True(order.GetProperty("date").GetDateTimeOffset() <= bill.GetProperty("date").GetDateTimeOffset());
        }

        Assert.True(orders.Count >= bills.Count);
    }

    [Fact]
    public async Task An_orders_details_are_the_lines_of_its_bill_with_the_fields_of_billing_OrderDetail()
    {
        // billing.OrderDetail as endpoints.md lists it (the pack has no fixture for it), and its detailType enum.
        string[] fields = ["cancelled", "description", "detailType", "domain", "orderDetailId", "quantity", "totalPrice", "unitPrice"];
        string[] detailTypes = ["ACCESSORY", "CAUTION", "CHOOSED", "CONSUMPTION", "CREATION", "DELIVERY", "DURATION", "GIFT", "INSTALLATION", "LICENSE",
            "MUTE", "OTHER", "OUTPLAN", "QUANTITY", "REFUND", "RENEW", "SPECIAL", "SWITCH", "TRANSFER", "VOUCHER"];
        var price = Fixture("me-order-8001219876.json").GetProperty("priceWithTax");
        foreach (var billId in (await client.GetJsonAsync("/me/bill")).EnumerateArray().Select(b => b.GetString()!).Take(12))
        {
            var bill = await client.GetJsonAsync($"/me/bill/{billId}");
            var orderId = bill.GetProperty("orderId").GetInt64();
            var billLines = await client.GetJsonAsync($"/me/bill/{billId}/details");
            var detailIds = await client.GetJsonAsync($"/me/order/{orderId}/details");
            Assert.Equal(billLines.GetArrayLength(), detailIds.GetArrayLength());
            long sum = 0;
            foreach (var detailId in detailIds.EnumerateArray().Select(d => d.GetInt64()))
            {
                var detail = await client.GetJsonAsync($"/me/order/{orderId}/details/{detailId}");
                Assert.Equal(fields, detail.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
                Assert.Equal(detailId, detail.GetProperty("orderDetailId").GetInt64());
                Assert.Contains(detail.GetProperty("detailType").GetString(), detailTypes);
                Assert.Equal(JsonValueKind.String, detail.GetProperty("quantity").ValueKind);
                AssertSameShape(price, detail.GetProperty("totalPrice"));
                AssertSameShape(price, detail.GetProperty("unitPrice"));
                sum += Ucents(detail.GetProperty("totalPrice"));
            }

            Assert.Equal(Ucents(bill.GetProperty("priceWithoutTax")), sum);
        }
    }

    [Fact]
    public async Task The_order_list_filters_on_dates_and_an_unknown_order_is_OVHs_not_found()
    {
        var all = (await client.GetJsonAsync("/me/order")).GetArrayLength();
        var june = (await client.GetJsonAsync("/me/order?date.from=2025-06-01T00:00:00%2B02:00")).EnumerateArray().Select(i => i.GetInt64()).ToList();
        Assert.InRange(june.Count, 1, all - 1);
        foreach (var id in june)
            Assert.True((await client.GetJsonAsync($"/me/order/{id}")).GetProperty("date").GetDateTimeOffset() >= new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.FromHours(2)));

        using var missing = await client.GetAsync("/me/order/1");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, missing.StatusCode);
        AssertSameShape(Fixture("errors/404-not-found.json"), JsonDocument.Parse(await missing.Content.ReadAsStringAsync()).RootElement);
    }

    [Fact]
    public async Task Spent_credits_and_deposits_point_at_orders_of_the_account()
    {
        var orders = (await client.GetJsonAsync("/me/order")).EnumerateArray().Select(i => i.GetInt64()).ToHashSet();
        var uses = 0;
        foreach (var balance in (await client.GetJsonAsync("/me/credit/balance")).EnumerateArray().Select(b => b.GetString()!))
        {
            foreach (var movementId in (await client.GetJsonAsync($"/me/credit/balance/{balance}/movement")).EnumerateArray().Select(m => m.GetInt64()))
            {
                var movement = await client.GetJsonAsync($"/me/credit/balance/{balance}/movement/{movementId}");
                if (movement.GetProperty("type").GetString() != "USE") continue;
                uses++;
                Assert.Contains(movement.GetProperty("orderId").GetInt64(), orders);
            }
        }

        // billing.Deposit as OVH's me.json schema has it (the pack lists /me/deposit but not the model).
        string[] fields = ["amount", "date", "depositId", "orderId", "password", "paymentInfo", "pdfUrl", "url"];
        var deposits = await client.GetJsonAsync("/me/deposit");
        Assert.True(deposits.GetArrayLength() > 0);
        foreach (var depositId in deposits.EnumerateArray().Select(d => d.GetString()!))
        {
            var deposit = await client.GetJsonAsync($"/me/deposit/{depositId}");
            Assert.Equal(fields, deposit.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
            Assert.Equal(depositId, deposit.GetProperty("depositId").GetString());
            AssertSameShape(Fixture("me-order-8001219876.json").GetProperty("priceWithTax"), deposit.GetProperty("amount"));
            Assert.Contains(deposit.GetProperty("orderId").GetInt64(), orders);
            var order = await client.GetJsonAsync($"/me/order/{deposit.GetProperty("orderId").GetInt64()}");
            Assert.Equal(Ucents(deposit.GetProperty("amount")), Ucents(order.GetProperty("priceWithTax")));
        }

        Assert.True(uses > 0);
    }

    [Fact]
    public async Task A_services_consumption_is_its_transaction_of_the_month_split_by_plan_family_and_by_resource()
    {
        var current = await client.GetJsonAsync("/me/consumption/usage/current");
        Assert.True(current.GetArrayLength() > 1);
        foreach (var transaction in current.EnumerateArray())
        {
            var serviceId = transaction.GetProperty("serviceId").GetInt64();
            var summary = await client.GetJsonAsync($"/services/{serviceId}/consumption");
            AssertSameShape(Fixture("services-104523871-consumption.json"), summary);
            Assert.Equal(serviceId, summary.GetProperty("serviceId").GetInt64());
            Assert.Equal(transaction.GetProperty("id").GetInt64(), summary.GetProperty("id").GetInt64());
            Assert.Equal(transaction.GetProperty("beginDate").GetString(), summary.GetProperty("beginDate").GetString());
            Assert.Equal(transaction.GetProperty("lastUpdate").GetString(), summary.GetProperty("endDate").GetString());
            var total = transaction.GetProperty("price").GetProperty("valueInUcents").GetInt64();
            Assert.Equal(total, Ucents(summary.GetProperty("price")));
            Assert.Equal(total, summary.GetProperty("priceByPlanFamily").EnumerateArray().Sum(f => Ucents(f.GetProperty("price"))));
            var families = transaction.GetProperty("elements").EnumerateArray().Select(e => e.GetProperty("planFamily").GetString()).Distinct().Order(StringComparer.Ordinal);
            Assert.Equal(families, summary.GetProperty("priceByPlanFamily").EnumerateArray().Select(f => f.GetProperty("planFamily").GetString()).Order(StringComparer.Ordinal));

            var elements = await client.GetJsonAsync($"/services/{serviceId}/consumption/element");
            AssertSameShape(Fixture("services-104523871-consumption-element.json"), elements);
            Assert.Equal(total, elements.EnumerateArray().Sum(e => Ucents(e.GetProperty("price"))));
            var resources = transaction.GetProperty("elements").EnumerateArray().SelectMany(e => e.GetProperty("details").EnumerateArray())
                .Select(d => d.GetProperty("unique_id").GetString()).Order(StringComparer.Ordinal);
            Assert.Equal(resources, elements.EnumerateArray().Select(e => e.GetProperty("uniqueId").GetString()).Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public async Task Consumption_elements_filter_on_plan_family_and_a_service_without_consumption_answers_404()
    {
        var project = sim.Account.CloudProjects[0].Terms.ServiceId;
        var instances = await client.GetJsonAsync($"/services/{project}/consumption/element?planFamily=instance");
        Assert.True(instances.GetArrayLength() > 0);
        Assert.All(instances.EnumerateArray(), e => Assert.Equal("instance", e.GetProperty("planFamily").GetString()));
        var first = instances[0].GetProperty("uniqueId").GetString();
        Assert.Single((await client.GetJsonAsync($"/services/{project}/consumption/element?uniqueId={first}")).EnumerateArray());

        var vps = sim.Account.Vps[0].Terms.ServiceId;
        using var none = await client.GetAsync($"/services/{vps}/consumption");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, none.StatusCode);
        AssertSameShape(Fixture("errors/404-not-found.json"), JsonDocument.Parse(await none.Content.ReadAsStringAsync()).RootElement);
    }
}
