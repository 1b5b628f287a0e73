using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using OvhCostManager.Simulator;

namespace OvhCostManager.Tests.Integration.Simulator;

/// <summary>A minimal OVH request signer for the simulator tests (independent of Core's client on purpose).</summary>
internal sealed class SignedOvhClient(SimulatorServer sim, string? consumerKey = null, string? applicationSecret = null) : IDisposable
{
    private readonly HttpClient http = sim.CreateHttpClient();

    public static string Signature(string secret, string consumer, string method, string url, string body, long timestamp)
    {
        var hash = SHA1.HashData(Encoding.UTF8.GetBytes($"{secret}+{consumer}+{method}+{url}+{body}+{timestamp.ToString(CultureInfo.InvariantCulture)}"));
        return "$1$" + Convert.ToHexStringLower(hash);
    }

    public string Url(string pathAndQuery) => sim.BaseUrl.ToString().TrimEnd('/') + pathAndQuery;

    public HttpRequestMessage Request(string pathAndQuery, HttpMethod? method = null, long? timestamp = null, string? signUrl = null)
    {
        method ??= HttpMethod.Get;
        var url = Url(pathAndQuery);
        var ts = timestamp ?? sim.Clock.GetUtcNow().ToUnixTimeSeconds();
        var consumer = consumerKey ?? sim.Credentials.ConsumerKey;
        var request = new HttpRequestMessage(method, new Uri(url));
        request.Headers.Add("X-Ovh-Application", sim.Credentials.ApplicationKey);
        request.Headers.Add("X-Ovh-Consumer", consumer);
        request.Headers.Add("X-Ovh-Timestamp", ts.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("X-Ovh-Signature", Signature(applicationSecret ?? sim.Credentials.ApplicationSecret, consumer, method.Method, signUrl ?? url, "", ts));
        return request;
    }

    public Task<HttpResponseMessage> SendAsync(HttpRequestMessage request) => http.SendAsync(request);

    public Task<HttpResponseMessage> GetAsync(string pathAndQuery) => http.SendAsync(Request(pathAndQuery));

    public async Task<JsonElement> GetJsonAsync(string pathAndQuery)
    {
        using var response = await GetAsync(pathAndQuery);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {pathAndQuery} -> {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public void Dispose() => http.Dispose();
}

internal static class SimulatorTestClock
{
    /// <summary>A fixed instant mid-month (Paris), so tests do not depend on today's date.</summary>
    public static readonly DateTimeOffset June18 = new(2025, 6, 18, 11, 0, 0, TimeSpan.Zero);

    public static Task<SimulatorServer> StartSmallAsync(int seed = 42, Action<SimulatorClock>? _ = null, FaultOptions? faults = null, RateLimitOptions? rateLimit = null) =>
        SimulatorServer.StartAsync(new SimulatorOptions
        {
            Seed = seed,
            Size = AccountSize.Small,
            Clock = SimulatorClock.Frozen(June18),
            Faults = faults ?? new FaultOptions(),
            RateLimit = rateLimit,
        });

    public static long Ucents(this JsonElement price) => price.GetProperty("priceInUcents").GetInt64();
}
