using System.Net.Http.Json;
using System.Text.Json;

namespace OvhCostManager.Tests.Infrastructure;

/// <summary>
/// The published dashboard in demo mode (no OVH credentials: the in-process simulator on a known port) after its
/// start-up sync, plus Chromium. <see cref="SimulatorUrl"/> reaches the simulator's control API. The simulated account
/// (and so the app) starts at <see cref="ImportedAccountFixture.Now"/>, whatever the date the tests run on.
/// </summary>
public class DemoDashboardFixture : IAsyncLifetime
{
    private readonly TempDirectory data = new();

    public BrowserFixture Browser { get; } = new();

    public RunningApp App { get; private set; } = null!;

    public Uri SimulatorUrl { get; private set; } = null!;

    /// <summary>The simulated instant the account starts at (<c>Demo__Now</c>).</summary>
    protected virtual string Now => ImportedAccountFixture.NowSetting;

    public async Task InitializeAsync()
    {
        var port = FreePort.Next();
        SimulatorUrl = DemoSimulator.Url(port);
        App = await PublishedApp.StartAsync(new Dictionary<string, string>
        {
            ["Data__Directory"] = data.Path,
            ["Demo__SimulatorPort"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Demo__Now"] = Now,
        });
        await WaitForFirstSyncAsync(TimeSpan.FromMinutes(3));
        await Browser.InitializeAsync();
    }

    private async Task WaitForFirstSyncAsync(TimeSpan timeout)
    {
        using var client = App.CreateClient();
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            var health = await client.GetFromJsonAsync<JsonElement>("/health");
            if (health.TryGetProperty("lastSuccessfulSyncUtc", out var last) && last.ValueKind == JsonValueKind.String)
            {
                return;
            }

            await Task.Delay(500);
        }

        throw new TimeoutException($"The demo dashboard did not finish its first sync within {timeout}:\n{App.Output}");
    }

    /// <summary>
    /// Moves the simulated account's clock, which the app reads too. A test that expects a new reading moves it
    /// first: on a clock that stands still, two readings would carry the same instant.
    /// </summary>
    public Task AdvanceClockAsync(TimeSpan delta) =>
        PostToSimulatorAsync($"_simulator/clock/advance?minutes={delta.TotalMinutes.ToString(System.Globalization.CultureInfo.InvariantCulture)}");

    /// <summary>Adds <paramref name="amount"/> euros to the month's pay-as-you-go consumption OVH serves.</summary>
    public Task AdvanceConsumptionAsync(decimal amount) =>
        PostToSimulatorAsync($"_simulator/consumption/advance?amount={amount.ToString(System.Globalization.CultureInfo.InvariantCulture)}");

    private async Task PostToSimulatorAsync(string pathAndQuery)
    {
        using var http = await DemoSimulator.CreateClientAsync(App);
        using var response = await http.PostAsync(new Uri(SimulatorUrl, pathAndQuery), null);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>The simulator's exact figures for what it serves now.</summary>
    public async Task<OvhCostManager.Simulator.GroundTruth> GroundTruthAsync()
    {
        using var http = await DemoSimulator.CreateClientAsync(App);
        return (await http.GetFromJsonAsync<OvhCostManager.Simulator.GroundTruth>(new Uri(SimulatorUrl, "_simulator/ground-truth"),
            new JsonSerializerOptions(JsonSerializerDefaults.Web)))!;
    }

    /// <summary>POST /api/sync, from a client in <paramref name="language"/> when given; a scheduled run may be in progress (409) for a while on a busy machine, so it is asked again.</summary>
    public async Task<System.Net.HttpStatusCode> StartSyncAsync(string? language = null)
    {
        using var api = App.CreateClient();
        for (var attempt = 0; ; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/sync");
            if (language is not null)
            {
                var cookie = BrowserFixture.CultureCookie(App.BaseUrl, language);
                request.Headers.Add("Cookie", $"{cookie.Name}={cookie.Value}");
            }

            using var response = await api.SendAsync(request);
            if (response.StatusCode != System.Net.HttpStatusCode.Conflict || attempt == 300)
            {
                return response.StatusCode;
            }

            await Task.Delay(200);
        }
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        if (App is not null)
        {
            await App.DisposeAsync();
        }

        data.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class DemoDashboardCollection : ICollectionFixture<DemoDashboardFixture>
{
    public const string Name = "Published demo dashboard + Chromium";
}
