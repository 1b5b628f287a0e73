using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Http;
using OvhCostManager.Core.Ovh;
using OvhCostManager.Core.Ovh.Models;

namespace OvhCostManager.Tests.Integration.Ovh;

public sealed class OvhApiTransportTests : IAsyncLifetime
{
    private LoopbackOvhServer _server = null!;

    public async Task InitializeAsync() => _server = await LoopbackOvhServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_signed_GET_with_an_encoded_query_is_accepted_because_the_signed_url_is_the_url_sent()
    {
        _server.Routes["/me/bill"] = ctx => LoopbackOvhServer.Raw(ctx, LoopbackOvhServer.Fixture("me-bill-list-expanded.json"));
        await using var client = OvhClientHost.Create(_server);

        var bills = await client.Api.ListBillsAsync(
            new DateTimeOffset(2025, 5, 1, 0, 0, 0, TimeSpan.FromHours(2)), new DateTimeOffset(2025, 6, 30, 23, 59, 59, TimeSpan.FromHours(2)));

        Assert.Equal(3, bills.Count);
        var call = Assert.Single(_server.ApiCalls("/me/bill"));
        Assert.Equal("/1.0/me/bill?date.from=2025-05-01T00%3A00%3A00%2B02%3A00&date.to=2025-06-30T23%3A59%3A59%2B02%3A00", call.RawTarget);
        Assert.Equal("GET", call.Method);
        Assert.Equal("CachedObjectList-Pages", call.Headers["X-Pagination-Mode"]);
        Assert.Equal("5000", call.Headers["X-Pagination-Size"]);
    }

    [Fact]
    public async Task A_server_clock_one_hour_ahead_is_measured_once_and_requests_are_accepted()
    {
        _server.ClockOffset = TimeSpan.FromHours(1);
        _server.Routes["/me"] = ctx => LoopbackOvhServer.Raw(ctx, LoopbackOvhServer.Fixture("me.json"));
        await using var client = OvhClientHost.Create(_server);

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal("EUR", (await client.Api.GetMeAsync()).Currency.Code);
        }

        Assert.Equal(1, _server.AuthTimeCalls);
        Assert.InRange(client.Clock.Offset!.Value.TotalSeconds, 3590, 3610);
    }

    [Fact]
    public async Task A_timestamp_refusal_makes_the_client_measure_the_clock_again_and_retry_once()
    {
        _server.Routes["/me"] = ctx => LoopbackOvhServer.Raw(ctx, LoopbackOvhServer.Fixture("me.json"));
        await using var client = OvhClientHost.Create(_server);
        await client.Api.GetMeAsync();

        _server.ClockOffset = TimeSpan.FromMinutes(-45);
        var me = await client.Api.GetMeAsync();

        Assert.Equal("xy12345-ovh", me.Nichandle);
        Assert.Equal(2, _server.AuthTimeCalls);
        Assert.Equal(3, _server.ApiCalls("/me").Count());
        Assert.Equal(1, client.Counter.Snapshot().WithStatus(400));
    }

    [Fact]
    public async Task Pages_mode_follows_page_numbers_until_the_announced_total()
    {
        var all = Enumerable.Range(1, 5).Select(i => new { billDetailId = $"B-{i}", description = "line", domain = "d", quantity = "1",
            totalPrice = new { currencyCode = "EUR", priceInUcents = i * 100_000_000L, text = "", value = i } }).ToArray();
        _server.Routes["/me/bill/B/details"] = ctx =>
        {
            var page = int.Parse(ctx.Request.Headers["X-Pagination-Number"]!);
            var size = int.Parse(ctx.Request.Headers["X-Pagination-Size"]!);
            ctx.Response.Headers["X-Pagination-Elements"] = all.Length.ToString();
            return LoopbackOvhServer.Json(ctx, all.Skip((page - 1) * size).Take(size));
        };
        await using var client = OvhClientHost.Create(_server, new Dictionary<string, string?> { ["Ovh:PageSize"] = "2" });

        var lines = await client.Api.ListBillDetailsAsync("B");

        Assert.Equal(["B-1", "B-2", "B-3", "B-4", "B-5"], lines.Select(l => l.BillDetailId));
        Assert.Equal(15L * 100_000_000L, lines.Sum(l => l.TotalPrice.Money.Ucents));
        Assert.Equal(["1", "2", "3"], _server.ApiCalls("/me/bill/B/details").Select(c => c.Headers["X-Pagination-Number"]));
    }

    [Fact]
    public async Task Cursor_mode_follows_the_next_cursor_until_it_is_absent()
    {
        var services = LoopbackOvhServer.Fixture("services-list-expanded.json");
        _server.Routes["/services"] = ctx =>
        {
            Assert.Equal("CachedObjectList-Cursor", ctx.Request.Headers["X-Pagination-Mode"].ToString());
            var cursor = ctx.Request.Headers["X-Pagination-Cursor"].ToString();
            if (cursor.Length == 0)
            {
                ctx.Response.Headers["X-Pagination-Cursor-Next"] = "eyJvZmZzZXQiOjJ9";
                return LoopbackOvhServer.Raw(ctx, services);
            }

            Assert.Equal("eyJvZmZzZXQiOjJ9", cursor);
            return LoopbackOvhServer.Raw(ctx, "[" + LoopbackOvhServer.Fixture("services-104523871.json") + "]");
        };
        await using var client = OvhClientHost.Create(_server);

        var all = await client.Api.ListServicesAsync();

        Assert.Equal(3, all.Count);
        Assert.Equal(104523871, all[^1].ServiceId);
        Assert.Equal(2, _server.ApiCalls("/services").Count());
    }

    [Fact]
    public async Task A_route_that_ignores_the_headers_and_answers_ids_falls_back_to_one_GET_per_item()
    {
        _server.Routes["/dedicated/server"] = ctx => LoopbackOvhServer.Json(ctx, new[] { "ns1.example", "ns2.example", "gone.example" });
        _server.Routes["/dedicated/server/ns1.example"] = ctx => LoopbackOvhServer.Raw(ctx, LoopbackOvhServer.Fixture("dedicated-server-ns3187654.ip-51-77-102.eu.json"));
        _server.Routes["/dedicated/server/ns2.example"] = ctx => LoopbackOvhServer.Json(ctx, new { name = "ns2.example", state = "ok", datacenter = "sbg1" });
        await using var client = OvhClientHost.Create(_server);

        var servers = await client.Api.ListDedicatedServersAsync();

        Assert.Equal(["ns3187654.ip-51-77-102.eu", "ns2.example"], servers.Select(s => s.Name));
        Assert.Equal("db-primary", servers[0].DisplayName);
        Assert.Equal(4, client.Counter.Snapshot().TotalRequests - client.Counter.Snapshot().RequestsTo("/auth/time"));
    }

    [Fact]
    public async Task A_route_that_refuses_the_headers_with_400_falls_back_to_ids_then_items()
    {
        _server.Routes["/me/credit/balance"] = ctx => ctx.Request.Headers.ContainsKey("X-Pagination-Mode")
            ? LoopbackOvhServer.Json(ctx, new { @class = "Client::BadRequest", message = "pagination not supported" }, 400)
            : LoopbackOvhServer.Raw(ctx, "[\"VOUCHER_PCI200_7QK2\"]");
        _server.Routes["/me/credit/balance/VOUCHER_PCI200_7QK2"] = ctx =>
            LoopbackOvhServer.Raw(ctx, LoopbackOvhServer.Fixture("me-credit-balance-VOUCHER_PCI200_7QK2.json"));
        await using var client = OvhClientHost.Create(_server);

        var balance = Assert.Single(await client.Api.ListCreditBalancesAsync());

        Assert.Equal(CreditBalanceType.Voucher, balance.Type);
        Assert.Equal(14_358_000_000L, balance.Amount.Money.Ucents);
    }

    [Fact]
    public async Task A_503_with_Retry_After_is_retried_no_sooner_than_OVH_asked()
    {
        var calls = 0;
        _server.Routes["/me/debtAccount"] = ctx =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                ctx.Response.Headers.RetryAfter = "1";
                return LoopbackOvhServer.Raw(ctx, LoopbackOvhServer.Fixture("errors/503-unavailable.json"), 503);
            }

            return LoopbackOvhServer.Raw(ctx, LoopbackOvhServer.Fixture("me-debtAccount.json"));
        };
        await using var client = OvhClientHost.Create(_server);
        await client.Clock.GetServerTimeAsync(CancellationToken.None);

        var watch = Stopwatch.StartNew();
        var debt = await client.Api.GetDebtAccountAsync();
        watch.Stop();

        Assert.Equal(9_599_000_000L, debt.TodoAmount!.Money.Ucents);
        Assert.True(watch.Elapsed >= TimeSpan.FromSeconds(1), $"retried after {watch.Elapsed}");
        var counts = client.Counter.Snapshot();
        Assert.Equal(1, counts.TotalRetries);
        Assert.Equal(1, counts.WithStatus(503));
    }

    [Fact]
    public async Task Too_many_requests_then_success_is_transparent_and_counted()
    {
        var calls = 0;
        _server.Routes["/me"] = ctx => Interlocked.Increment(ref calls) <= 2
            ? LoopbackOvhServer.Raw(ctx, LoopbackOvhServer.Fixture("errors/429-too-many-requests.json"), 429)
            : LoopbackOvhServer.Raw(ctx, LoopbackOvhServer.Fixture("me.json"));
        await using var client = OvhClientHost.Create(_server);

        await client.Api.GetMeAsync();

        Assert.Equal(2, client.Counter.Snapshot().WithStatus(429));
        Assert.Equal(2, client.Counter.Snapshot().RetriesByEndpoint["/me"]);
    }

    [Fact]
    public async Task The_circuit_opens_after_repeated_failures_and_then_fails_fast_without_calling_OVH()
    {
        _server.Routes["/me"] = ctx => LoopbackOvhServer.Raw(ctx, LoopbackOvhServer.Fixture("errors/503-unavailable.json"), 503);
        await using var client = OvhClientHost.Create(_server, new Dictionary<string, string?>
        {
            ["Ovh:MaxRetries"] = "2",
            ["Ovh:CircuitBreakerFailures"] = "3",
            ["Ovh:CircuitBreakDuration"] = "00:00:30",
        });

        var first = await Assert.ThrowsAsync<OvhApiUnavailableException>(() => client.Api.GetMeAsync());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, first.StatusCode);
        Assert.Equal("Server::ServiceUnavailable", first.ErrorClass);
        var sent = _server.ApiCalls("/me").Count();
        Assert.Equal(3, sent);

        var watch = Stopwatch.StartNew();
        var second = await Assert.ThrowsAsync<OvhApiUnavailableException>(() => client.Api.GetMeAsync());
        Assert.Contains("circuit open", second.Message);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"an open circuit answered after {watch.Elapsed}, as if it retried");
        Assert.Equal(sent, _server.ApiCalls("/me").Count());
    }

    [Fact]
    public async Task Concurrent_calls_never_exceed_the_configured_limit()
    {
        var ids = Enumerable.Range(1, 24).Select(i => $"vps-{i}").ToArray();
        _server.Routes["/vps"] = ctx => LoopbackOvhServer.Json(ctx, ids);
        foreach (var id in ids)
        {
            _server.Routes["/vps/" + id] = async ctx =>
            {
                await Task.Delay(60);
                await LoopbackOvhServer.Json(ctx, new { name = id, state = "running", zone = "gra" });
            };
        }

        await using var client = OvhClientHost.Create(_server, new Dictionary<string, string?> { ["Ovh:MaxConcurrentRequests"] = "3" });

        var fetches = Enumerable.Range(0, 3).Select(_ => client.Api.ListVpsAsync());
        var results = await Task.WhenAll(fetches);

        Assert.All(results, list => Assert.Equal(ids, list.Select(v => v.Name)));
        Assert.Equal(3, _server.MaxInFlight);
    }

    [Fact]
    public async Task A_4xx_becomes_an_OvhApiException_with_class_code_message_and_query_id()
    {
        _server.Routes["/me/bill/FR00000000"] = ctx => LoopbackOvhServer.Raw(ctx, LoopbackOvhServer.Fixture("errors/404-not-found.json"), 404);
        _server.Routes["/me/bill/FR1/payment"] = ctx => LoopbackOvhServer.Raw(ctx, LoopbackOvhServer.Fixture("errors/403-not-granted-call.json"), 403);
        await using var client = OvhClientHost.Create(_server);

        var notFound = await Assert.ThrowsAsync<OvhApiException>(() => client.Api.GetBillAsync("FR00000000"));
        var refused = await Assert.ThrowsAsync<OvhApiException>(() => client.Api.GetBillPaymentAsync("FR1"));

        Assert.Equal(HttpStatusCode.NotFound, notFound.StatusCode);
        Assert.Equal("Client::NotFound", notFound.ErrorClass);
        Assert.StartsWith("EU.test.", notFound.QueryId);
        Assert.Contains("/me/bill/FR00000000", notFound.Message);
        Assert.Equal("NOT_GRANTED_CALL", refused.ErrorCode);
        Assert.Equal("This call has not been granted", refused.OvhMessage);
        Assert.Equal(0, client.Counter.Snapshot().TotalRetries);
    }

    [Fact]
    public async Task A_truncated_body_is_retried_like_a_5xx_then_reported_with_the_endpoint()
    {
        var calls = 0;
        _server.Routes["/me/consumption/usage/current"] = ctx => LoopbackOvhServer.Raw(ctx, "[{\"serviceId\": 1, \"price\": {\"value\": 1");
        _server.Routes["/me/consumption/usage/forecast"] = ctx => Interlocked.Increment(ref calls) == 1
            ? LoopbackOvhServer.Raw(ctx, "[{\"serviceId\": 1,")
            : LoopbackOvhServer.Raw(ctx, LoopbackOvhServer.Fixture("me-consumption-usage-forecast.json"));
        await using var client = OvhClientHost.Create(_server, new Dictionary<string, string?> { ["Ovh:MaxRetries"] = "2" });

        var forecast = await client.Api.GetConsumptionForecastAsync();
        var failure = await Assert.ThrowsAsync<OvhApiException>(() => client.Api.GetConsumptionCurrentAsync());

        Assert.NotEmpty(forecast);
        Assert.Contains("GET /me/consumption/usage/current", failure.Message);
        Assert.Contains("invalid JSON", failure.Message);
        Assert.Equal(3, _server.ApiCalls("/me/consumption/usage/current").Count());
    }

    [Fact]
    public async Task Bill_lines_of_many_bills_cost_one_request_per_bill_and_the_counter_says_so()
    {
        const int bills = 40;
        const int linesPerBill = 25;
        var billObjects = Enumerable.Range(1, bills).Select(b => new
        {
            billId = $"FR{b:D8}", category = "autorenew", date = "2025-05-01T05:00:00+02:00",
            priceWithTax = new { currencyCode = "EUR", priceInUcents = 0L, text = "", value = 0 },
        }).ToArray();
        _server.Routes["/me/bill"] = ctx =>
        {
            ctx.Response.Headers["X-Pagination-Elements"] = bills.ToString();
            return LoopbackOvhServer.Json(ctx, billObjects);
        };
        foreach (var bill in billObjects)
        {
            var lines = Enumerable.Range(1, linesPerBill).Select(l => new { billDetailId = $"{bill.billId}-{l}", quantity = 1, domain = "p",
                totalPrice = new { currencyCode = "EUR", priceInUcents = 123_456_789L, text = "", value = 1.23456789 } }).ToArray();
            _server.Routes[$"/me/bill/{bill.billId}/details"] = ctx =>
            {
                ctx.Response.Headers["X-Pagination-Elements"] = linesPerBill.ToString();
                return LoopbackOvhServer.Json(ctx, lines);
            };
        }

        await using var client = OvhClientHost.Create(_server);
        var before = client.Counter.Snapshot();

        var listed = await client.Api.ListBillsAsync(new DateOnly(2025, 5, 1), new DateOnly(2025, 5, 31));
        var allLines = new List<BillDetail>();
        foreach (var bill in listed)
        {
            allLines.AddRange(await client.Api.ListBillDetailsAsync(bill.BillId));
        }

        var cost = client.Counter.Snapshot().Since(before);
        Assert.Equal(bills * linesPerBill, allLines.Count);
        Assert.Equal("1", allLines[0].Quantity);
        Assert.Equal(1, cost.RequestsTo("/me/bill"));
        Assert.Equal(bills, cost.RequestsTo("/me/bill/{id}/details"));
        Assert.Equal(1, cost.RequestsTo("/auth/time"));
        Assert.Equal(bills + 2, cost.TotalRequests);
        Assert.Equal(bills + 2, cost.WithStatus(200));
    }

    [Fact]
    public async Task OAuth2_uses_one_cached_bearer_token_without_signature_headers_and_renews_it_on_401()
    {
        _server.Routes["/me"] = ctx => LoopbackOvhServer.Raw(ctx, LoopbackOvhServer.Fixture("me.json"));
        await using var client = OvhClientHost.Create(_server, oauth: true);

        await client.Api.GetMeAsync();
        await client.Api.GetMeAsync();
        Assert.Equal(1, _server.TokenRequests);

        _server.RevokeTokens();
        await client.Api.GetMeAsync();

        Assert.Equal(2, _server.TokenRequests);
        Assert.All(_server.ApiCalls("/me"), call =>
        {
            Assert.StartsWith("Bearer tok-", call.Headers["Authorization"]);
            Assert.DoesNotContain(call.Headers.Keys, key => key.StartsWith("X-Ovh-", StringComparison.OrdinalIgnoreCase));
        });
        Assert.Equal(0, _server.AuthTimeCalls);
        Assert.All(_server.Received, call => Assert.Equal("GET", call.Method));
    }

    [Fact]
    public async Task Secrets_never_appear_in_logs_or_exception_messages_even_on_failures()
    {
        _server.Routes["/me"] = ctx => LoopbackOvhServer.Raw(ctx, LoopbackOvhServer.Fixture("errors/503-unavailable.json"), 503);
        _server.Routes["/me/bill/X"] = ctx => LoopbackOvhServer.Raw(ctx, LoopbackOvhServer.Fixture("errors/403-invalid-credential.json"), 403);
        _server.Routes["/me/debtAccount"] = ctx => LoopbackOvhServer.Raw(ctx, LoopbackOvhServer.Fixture("me-debtAccount.json"));
        var messages = new List<string>();
        await using var signed = OvhClientHost.Create(_server, new Dictionary<string, string?> { ["Ovh:MaxRetries"] = "1" });
        await using var bearer = OvhClientHost.Create(_server, new Dictionary<string, string?> { ["Ovh:MaxRetries"] = "1" }, oauth: true);

        foreach (var client in new[] { signed, bearer })
        {
            await client.Api.GetDebtAccountAsync();
            messages.Add((await Assert.ThrowsAnyAsync<OvhApiException>(() => client.Api.GetMeAsync())).ToString());
            messages.Add((await Assert.ThrowsAnyAsync<OvhApiException>(() => client.Api.GetBillAsync("X"))).ToString());
        }

        await using var badClient = OvhClientHost.Create(_server, new Dictionary<string, string?> { ["Ovh:ClientSecret"] = "wrong-secret-value" }, oauth: true);
        messages.Add((await Assert.ThrowsAnyAsync<OvhApiException>(() => badClient.Api.GetMeAsync())).ToString());

        var tokens = _server.Received.Select(r => r.Headers.GetValueOrDefault("Authorization")).OfType<string>()
            .Select(value => value["Bearer ".Length..]).ToList();
        Assert.NotEmpty(tokens);
        var everything = string.Join("\n", signed.Logs.Lines.Concat(bearer.Logs.Lines).Concat(badClient.Logs.Lines).Concat(messages));
        Assert.Contains("/me", everything);
        foreach (var secret in new[] { OvhTestCredentials.ApplicationSecret, OvhTestCredentials.ConsumerKey, OvhTestCredentials.ClientSecret, "wrong-secret-value" }
                     .Concat(tokens))
        {
            Assert.DoesNotContain(secret, everything);
        }

        Assert.DoesNotContain("$1$", everything);
    }
}
