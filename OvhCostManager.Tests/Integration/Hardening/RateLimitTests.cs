using System.Net;
using OvhCostManager.Tests.Infrastructure;

namespace OvhCostManager.Tests.Integration.Hardening;

public sealed class RateLimitTests
{
    private const int PermitLimit = 4;

    [Fact]
    public async Task Downloads_and_json_beyond_the_limit_get_429_with_retry_after_while_health_and_pages_stay_open()
    {
        using var data = new TempDirectory();
        await using var app = await PublishedApp.StartAsync(new Dictionary<string, string>
        {
            ["Data__Directory"] = data.Path,
            ["RateLimiting__PermitLimit"] = PermitLimit.ToString(),
            ["RateLimiting__WindowSeconds"] = "120",
        });
        using var client = app.CreateClient();

        for (var i = 0; i < PermitLimit - 1; i++)
        {
            using var allowed = await client.GetAsync("/export/sync-runs.csv");
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var lastAllowed = await client.GetAsync("/api/me");
        Assert.Equal(HttpStatusCode.OK, lastAllowed.StatusCode);

        using var refused = await client.GetAsync("/export/sync-runs.csv");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var retryAfter = int.Parse(refused.Headers.GetValues("Retry-After").Single());
        Assert.InRange(retryAfter, 1, 120);
        Assert.Contains("Too many requests", await refused.Content.ReadAsStringAsync());

        using var refusedJson = await client.GetAsync("/api/me");
        Assert.Equal(HttpStatusCode.TooManyRequests, refusedJson.StatusCode);

        for (var i = 0; i < PermitLimit * 3; i++)
        {
            using var health = await client.GetAsync("/health");
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        }

        using var page = await client.GetAsync("/trends");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public async Task A_non_positive_limit_stops_startup_naming_the_setting()
    {
        using var data = new TempDirectory();
        var published = await PublishedApp.PublishAsync();
        var (exitCode, output) = await PublishedApp.RunAsync(Path.Combine(published, "OvhCostManager.Web"), "", published, TimeSpan.FromSeconds(60), new Dictionary<string, string>
        {
            ["Data__Directory"] = data.Path,
            ["RateLimiting__PermitLimit"] = "0",
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{FreePort.Next()}",
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
        });

        Assert.Equal(1, exitCode);
        Assert.Contains("RateLimiting:PermitLimit", output);
    }
}
