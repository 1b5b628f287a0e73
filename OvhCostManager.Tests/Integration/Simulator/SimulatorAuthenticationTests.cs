using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using OvhCostManager.Simulator;

namespace OvhCostManager.Tests.Integration.Simulator;

public sealed class SimulatorAuthenticationTests : IAsyncLifetime
{
    private SimulatorServer sim = null!;

    public async Task InitializeAsync() => sim = await SimulatorTestClock.StartSmallAsync();

    public async Task DisposeAsync() => await sim.DisposeAsync();

    private static async Task<JsonElement> ErrorOf(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    [Fact]
    public void Signature_matches_the_worked_vectors_of_the_api_pack()
    {
        const string secret = "EXAMPLEsecret1234567890abcdefABCD";
        const string consumer = "EXAMPLEconsumer1234567890abcdefAB";
        Assert.Equal("$1$9502a7d0b88af4d53c43e02c2aeeb531cdb5cadd", SimulatorServer.Sign(secret, consumer, "GET",
            "https://eu.api.ovh.com/1.0/me/bill?date.from=2025-05-01T00%3A00%3A00%2B02%3A00&date.to=2025-05-31T23%3A59%3A59%2B02%3A00", "", 1750248300));
        Assert.Equal("$1$f5dca8eae39bc8e59987ebd5bae5f89dda36a1e2", SimulatorServer.Sign(secret, consumer, "POST",
            "https://eu.api.ovh.com/1.0/me/api/oauth2/client",
            "{\"callbackUrls\":[],\"description\":\"cost tool\",\"flow\":\"CLIENT_CREDENTIALS\",\"name\":\"cost-reader\"}", 1750248300));
    }

    [Fact]
    public async Task Signed_request_with_an_encoded_query_is_accepted_and_carries_a_query_id()
    {
        using var client = new SignedOvhClient(sim);
        using var response = await client.GetAsync("/me/bill?date.from=2025-05-01T00%3A00%3A00%2B02%3A00&date.to=2025-06-30T23%3A59%3A59%2B02%3A00");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.TryGetValues("X-Ovh-Queryid", out var ids));
        Assert.StartsWith("EU.", ids!.Single(), StringComparison.Ordinal);
        var bills = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.True(bills.GetArrayLength() > 0);
        Assert.All(bills.EnumerateArray(), b => Assert.StartsWith("FR", b.GetString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Client_using_auth_time_drift_is_accepted_even_if_its_clock_is_off()
    {
        using var http = sim.CreateHttpClient();
        var serverTime = long.Parse(await http.GetStringAsync(sim.BaseUrl + "/auth/time"), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(SimulatorTestClock.June18.ToUnixTimeSeconds(), serverTime);
        using var client = new SignedOvhClient(sim);
        using var response = await client.SendAsync(client.Request("/me", timestamp: serverTime));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Request_without_authentication_headers_is_refused_with_401()
    {
        using var http = sim.CreateHttpClient();
        using var response = await http.GetAsync(sim.BaseUrl + "/me");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("You must login first", (await ErrorOf(response)).GetProperty("message").GetString());
        Assert.True(response.Headers.Contains("X-Ovh-Queryid"));
    }

    [Fact]
    public async Task Unknown_application_key_is_refused_with_INVALID_KEY()
    {
        using var client = new SignedOvhClient(sim);
        var request = client.Request("/me");
        request.Headers.Remove("X-Ovh-Application");
        request.Headers.Add("X-Ovh-Application", "someone-else");
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("INVALID_KEY", (await ErrorOf(response)).GetProperty("errorCode").GetString());
    }

    [Fact]
    public async Task Unknown_consumer_key_is_refused_with_INVALID_CREDENTIAL()
    {
        using var client = new SignedOvhClient(sim, consumerKey: "revoked-consumer-key");
        using var response = await client.GetAsync("/me");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var error = await ErrorOf(response);
        Assert.Equal("INVALID_CREDENTIAL", error.GetProperty("errorCode").GetString());
        Assert.Equal("403 Forbidden", error.GetProperty("httpCode").GetString());
    }

    [Fact]
    public async Task Wrong_secret_is_refused_with_INVALID_SIGNATURE()
    {
        using var client = new SignedOvhClient(sim, applicationSecret: "not-the-secret");
        using var response = await client.GetAsync("/me");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await ErrorOf(response);
        Assert.Equal("INVALID_SIGNATURE", error.GetProperty("errorCode").GetString());
        Assert.Equal("Invalid signature", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Signing_a_differently_encoded_url_than_the_one_sent_is_refused()
    {
        using var client = new SignedOvhClient(sim);
        var sent = "/me/bill?date.from=2025-05-01T00%3A00%3A00%2B02%3A00";
        using var response = await client.SendAsync(client.Request(sent, signUrl: client.Url("/me/bill?date.from=2025-05-01T00:00:00+02:00")));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("INVALID_SIGNATURE", (await ErrorOf(response)).GetProperty("errorCode").GetString());
    }

    [Fact]
    public async Task Timestamp_more_than_30_seconds_from_the_simulator_clock_is_refused()
    {
        using var client = new SignedOvhClient(sim);
        var now = sim.Clock.GetUtcNow().ToUnixTimeSeconds();
        using var late = await client.SendAsync(client.Request("/me", timestamp: now - 31));
        Assert.Equal(HttpStatusCode.BadRequest, late.StatusCode);
        Assert.Equal("QUERY_TIME_OUT", (await ErrorOf(late)).GetProperty("errorCode").GetString());
        using var early = await client.SendAsync(client.Request("/me", timestamp: now + 120));
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        using var withinTolerance = await client.SendAsync(client.Request("/me", timestamp: now - 25));
        Assert.Equal(HttpStatusCode.OK, withinTolerance.StatusCode);
    }

    [Fact]
    public async Task Transient_timestamp_error_happens_once_then_requests_pass()
    {
        sim.Faults.TransientTimestampErrors = 1;
        using var client = new SignedOvhClient(sim);
        using var first = await client.GetAsync("/me");
        Assert.Equal(HttpStatusCode.BadRequest, first.StatusCode);
        Assert.Equal("QUERY_TIME_OUT", (await ErrorOf(first)).GetProperty("errorCode").GetString());
        using var second = await client.GetAsync("/me");
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
    }

    [Fact]
    public async Task Path_outside_the_consumer_key_rules_is_refused_with_NOT_GRANTED_CALL()
    {
        using var limited = new SignedOvhClient(sim, consumerKey: SimulatorCredentials.LimitedConsumerKey);
        using var allowed = await limited.GetAsync("/me/bill");
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        using var refused = await limited.GetAsync("/vps");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var error = await ErrorOf(refused);
        Assert.Equal("NOT_GRANTED_CALL", error.GetProperty("errorCode").GetString());
        Assert.Equal("This call has not been granted", error.GetProperty("message").GetString());
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    public async Task Non_GET_methods_are_refused_with_an_OVH_error(string method)
    {
        using var client = new SignedOvhClient(sim);
        using var response = await client.SendAsync(client.Request("/me/bill", new HttpMethod(method)));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("Client::MethodNotAllowed", (await ErrorOf(response)).GetProperty("class").GetString());
    }

    [Fact]
    public async Task Unknown_ids_answer_404_Client_NotFound()
    {
        using var client = new SignedOvhClient(sim);
        foreach (var path in new[] { "/me/bill/FR00000000", "/dedicated/server/ns1.example.eu", "/cloud/project/0123/instance", "/services/1" })
        {
            using var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("Client::NotFound", (await ErrorOf(response)).GetProperty("class").GetString());
        }
    }

    [Fact]
    public async Task OAuth2_client_credentials_token_is_accepted_as_bearer_and_a_wrong_secret_is_refused()
    {
        using var http = sim.CreateHttpClient();
        using var refused = await http.PostAsync(sim.TokenUrl, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = SimulatorCredentials.OAuth2ClientId, ["client_secret"] = "wrong",
        }));
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);

        var token = new HttpRequestMessage(HttpMethod.Post, sim.TokenUrl)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["scope"] = "all" }),
        };
        token.Headers.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{SimulatorCredentials.OAuth2ClientId}:{SimulatorCredentials.OAuth2ClientSecret}")));
        using var tokenResponse = await http.SendAsync(token);
        var json = JsonDocument.Parse(await tokenResponse.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Bearer", json.GetProperty("token_type").GetString());
        Assert.True(json.GetProperty("expires_in").GetInt64() > 0);

        var call = new HttpRequestMessage(HttpMethod.Get, sim.BaseUrl + "/me");
        call.Headers.Authorization = new AuthenticationHeaderValue("Bearer", json.GetProperty("access_token").GetString());
        using var ok = await http.SendAsync(call);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);

        var bad = new HttpRequestMessage(HttpMethod.Get, sim.BaseUrl + "/me");
        bad.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "sim-at-forged");
        using var unauthorized = await http.SendAsync(bad);
        Assert.Equal(HttpStatusCode.Unauthorized, unauthorized.StatusCode);
    }
}
