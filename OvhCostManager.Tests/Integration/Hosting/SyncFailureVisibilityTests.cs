using System.Net;
using System.Text.Json;
using OvhCostManager.Simulator;
using OvhCostManager.Tests.Infrastructure;

namespace OvhCostManager.Tests.Integration.Hosting;

/// <summary>The published app on an account whose keys OVH refuses: the failure is on the page and in <c>/health</c>.</summary>
public sealed class SyncFailureVisibilityTests
{
    [Fact]
    public async Task Refused_keys_show_in_the_header_a_banner_and_health_degraded_which_docker_still_accepts()
    {
        await using var simulator = await SimulatorServer.StartAsync(new SimulatorOptions { Seed = 42, Size = AccountSize.Small });
        using var data = new TempDirectory();
        var settings = PublishedApp.EnvironmentOf(simulator);
        settings["Data__Directory"] = data.Path;
        settings["Ovh__ConsumerKey"] = "ck-revoked-by-the-account-owner";
        settings["Ovh__RetryBaseDelay"] = "00:00:00.010";
        await using var app = await PublishedApp.StartAsync(settings);
        using var client = app.CreateClient();

        // The start-up sync runs in the background: health turns degraded when it has been recorded.
        JsonElement health = default;
        HttpStatusCode status = default;
        var deadline = DateTime.UtcNow.AddSeconds(60);
        do
        {
            await Task.Delay(250);
            using var response = await client.GetAsync("/health");
            status = response.StatusCode;
            health = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        }
        while (health.GetProperty("status").GetString() == "healthy" && DateTime.UtcNow < deadline);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("degraded", health.GetProperty("status").GetString());
        Assert.True(health.GetProperty("databaseReachable").GetBoolean());
        Assert.Equal("Failed", health.GetProperty("lastRun").GetProperty("status").GetString());
        Assert.Equal("CredentialsRefused", health.GetProperty("lastRun").GetProperty("failureReason").GetString());
        Assert.Contains("credentials refused by OVH", health.GetProperty("reason").GetString());

        // The header shows the failure when no run is in progress (the scheduler may have started the next one).
        var page = await client.GetStringAsync("/");
        for (var attempt = 0; attempt < 60 && !page.Contains("data-sync-failure=", StringComparison.Ordinal); attempt++)
        {
            await Task.Delay(500);
            page = await client.GetStringAsync("/");
        }

        Assert.Contains("data-sync-failure=\"CredentialsRefused\"", page);
        Assert.Contains("data-sync-status=\"Failed\"", page);
        Assert.Contains("data-banner=\"sync-failure\"", page);
        Assert.Contains("identifiants refusés par OVH", WebUtility.HtmlDecode(page));

        using var runs = await client.GetAsync("/export/sync-runs.csv");
        var csv = await runs.Content.ReadAsStringAsync();
        Assert.Contains(",Failed,", csv);
        Assert.Contains(",CredentialsRefused,", csv);
        Assert.Contains("Credentials refused:", csv);
    }
}
