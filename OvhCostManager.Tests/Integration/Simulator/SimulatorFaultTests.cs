using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using OvhCostManager.Core.Costs;
using OvhCostManager.Simulator;

namespace OvhCostManager.Tests.Integration.Simulator;

public sealed class SimulatorFaultTests
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static async Task<List<string>> Outcomes(SimulatorServer sim, int count)
    {
        using var client = new SignedOvhClient(sim);
        var outcomes = new List<string>();
        for (var i = 0; i < count; i++)
        {
            using var response = await client.GetAsync("/me");
            var body = await response.Content.ReadAsStringAsync();
            var outcome = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (response.StatusCode == HttpStatusCode.TooManyRequests) outcome += "/" + response.Headers.RetryAfter?.Delta?.TotalSeconds;
            if (response.StatusCode == HttpStatusCode.OK)
            {
                try
                {
                    JsonDocument.Parse(body).Dispose();
                }
                catch (JsonException)
                {
                    outcome = "truncated";
                }
            }

            outcomes.Add(outcome);
        }

        return outcomes;
    }

    [Fact]
    public async Task Faults_appear_at_their_configured_rates_and_repeat_for_the_same_seed()
    {
        var faults = new FaultOptions { Seed = 3, TooManyRequestsRate = 0.1, ServerErrorRate = 0.1, TruncatedBodyRate = 0.1, RetryAfterSeconds = 2 };
        await using var sim = await SimulatorTestClock.StartSmallAsync(faults: faults);
        var outcomes = await Outcomes(sim, 400);
        Assert.InRange(outcomes.Count(o => o == "429/2"), 20, 60);
        Assert.InRange(outcomes.Count(o => o is "500" or "503"), 20, 60);
        Assert.Contains("500", outcomes);
        Assert.Contains("503", outcomes);
        Assert.InRange(outcomes.Count(o => o == "truncated"), 20, 60);
        Assert.InRange(outcomes.Count(o => o == "200"), 240, 320);
        Assert.Equal(400, outcomes.Count(o => o is "429/2" or "500" or "503" or "truncated" or "200"));
        Assert.Equal(outcomes.Count(o => o == "429/2"), sim.Requests.ForStatus(429));

        await using var again = await SimulatorTestClock.StartSmallAsync(faults: new FaultOptions { Seed = 3, TooManyRequestsRate = 0.1, ServerErrorRate = 0.1, TruncatedBodyRate = 0.1, RetryAfterSeconds = 2 });
        Assert.Equal(outcomes.Take(60), await Outcomes(again, 60));
    }

    [Fact]
    public async Task Latency_delays_answers_and_a_hanging_request_outlasts_a_short_client_timeout()
    {
        await using var sim = await SimulatorTestClock.StartSmallAsync(faults: new FaultOptions { LatencyMs = 150 });
        using var client = new SignedOvhClient(sim);
        var watch = Stopwatch.StartNew();
        using (var response = await client.GetAsync("/me")) Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(watch.ElapsedMilliseconds >= 140, $"took {watch.ElapsedMilliseconds} ms");

        sim.Faults.LatencyMs = 0;
        sim.Faults.TimeoutRate = 1;
        sim.Faults.HangMs = 5_000;
        using var impatient = sim.CreateHttpClient();
        impatient.Timeout = TimeSpan.FromMilliseconds(300);
        await Assert.ThrowsAnyAsync<TaskCanceledException>(() => impatient.SendAsync(client.Request("/me")));
    }

    [Fact]
    public async Task Rate_limiter_answers_429_with_retry_after_beyond_the_burst()
    {
        await using var sim = await SimulatorTestClock.StartSmallAsync(rateLimit: new RateLimitOptions(RequestsPerSecond: 1, Burst: 3));
        using var client = new SignedOvhClient(sim);
        var statuses = new List<HttpStatusCode>();
        TimeSpan? retryAfter = null;
        for (var i = 0; i < 6; i++)
        {
            using var response = await client.GetAsync("/me");
            statuses.Add(response.StatusCode);
            retryAfter ??= response.Headers.RetryAfter?.Delta;
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK], statuses.Take(3));
        Assert.True(statuses.Count(s => s == HttpStatusCode.TooManyRequests) >= 2, string.Join(",", statuses));
        Assert.NotNull(retryAfter);
        Assert.True(retryAfter >= TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task Control_endpoints_expose_ground_truth_and_move_consumption_clock_and_faults()
    {
        await using var sim = await SimulatorTestClock.StartSmallAsync();
        using var http = sim.CreateHttpClient();
        http.BaseAddress = sim.Root;

        var truth = await http.GetFromJsonAsync<GroundTruth>("_simulator/ground-truth", Json);
        Assert.NotNull(truth);
        Assert.Equal(sim.GroundTruth.TotalWithTax, truth.TotalWithTax);
        Assert.Equal(sim.GroundTruth.Counts, truth.Counts);

        using (var advance = await http.PostAsync("_simulator/consumption/advance?amount=12.34", null)) Assert.Equal(HttpStatusCode.OK, advance.StatusCode);
        Assert.Equal(truth.ConsumptionCurrent + Money.FromDecimal(12.34m), sim.GroundTruth.ConsumptionCurrent);

        using (var clock = await http.PostAsync("_simulator/clock/advance?hours=24", null)) Assert.Equal(HttpStatusCode.OK, clock.StatusCode);
        Assert.Equal(SimulatorTestClock.June18.AddHours(24), sim.Clock.GetUtcNow());

        using (var bad = await http.PostAsync("_simulator/consumption/advance?amount=lots", null)) Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);

        using (var faults = await http.PostAsync("_simulator/faults", new StringContent("{\"tooManyRequestsRate\":1,\"retryAfterSeconds\":4}", Encoding.UTF8, "application/json")))
            Assert.Equal(HttpStatusCode.OK, faults.StatusCode);
        using var client = new SignedOvhClient(sim);
        using (var throttled = await client.GetAsync("/me"))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(4), throttled.Headers.RetryAfter?.Delta);
        }

        using (var reset = await http.PostAsync("_simulator/faults", new StringContent("{}", Encoding.UTF8, "application/json"))) Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        using var ok = await client.GetAsync("/me");
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
    }
}
