using System.Net;
using System.Text.Json;
using OvhCostManager.Tests.Infrastructure;

namespace OvhCostManager.Tests.Integration.Authentication;

public sealed class OidcFailClosedTests
{
    [Fact]
    public async Task An_unreachable_provider_closes_every_page_and_download_with_503_but_health_answers()
    {
        using var data = new TempDirectory();
        var closedPort = FreePort.Next();
        await using var app = await PublishedApp.StartAsync(new Dictionary<string, string>
        {
            ["Data__Directory"] = data.Path,
            ["Oidc__Enabled"] = "true",
            ["Oidc__Authority"] = $"http://127.0.0.1:{closedPort}",
            ["Oidc__ClientId"] = "ocm-dashboard",
            ["Oidc__ClientSecret"] = "unused-secret",
            ["Oidc__DiscoveryTimeout"] = "00:00:03",
        });
        using var client = app.CreateClient(followRedirects: false);

        foreach (var path in new[] { "/", "/trends", "/account/login?returnUrl=%2F", "/_framework/blazor.web.js" })
        {
            using var page = await client.GetAsync(path);
            var body = await page.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
            Assert.Contains($"OIDC is enabled but the provider at http://127.0.0.1:{closedPort} could not be reached", body);
            Assert.DoesNotContain("ocm-tabs", body);
        }

        // The 503 page is styled: its stylesheet passes the gate (and nothing else of the app does).
        using var stylesheet = await client.GetAsync("/css/app.css");
        Assert.Equal(HttpStatusCode.OK, stylesheet.StatusCode);
        Assert.Equal("text/css", stylesheet.Content.Headers.ContentType?.MediaType);
        Assert.Contains(".ocm-account-card", await stylesheet.Content.ReadAsStringAsync());

        using var download = await client.GetAsync("/export/sync-runs.csv");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, download.StatusCode);
        using var negotiate = await client.PostAsync("/_blazor/negotiate?negotiateVersion=1", null);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, negotiate.StatusCode);

        using var health = await client.GetAsync("/health");
        using var json = JsonDocument.Parse(await health.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("unavailable", json.RootElement.GetProperty("oidc").GetString());
        Assert.Contains("could not be reached", app.Output);
    }

    [Theory]
    [InlineData("Oidc__ClientId", "", "Oidc:ClientId")]
    [InlineData("Oidc__Authority", "not a url", "Oidc:Authority")]
    [InlineData("Oidc__ClientSecretFile", "/nonexistent/oidc-secret", "Oidc:ClientSecretFile")]
    public async Task An_incomplete_oidc_configuration_stops_startup_naming_the_setting(string key, string value, string setting)
    {
        using var data = new TempDirectory();
        var environment = new Dictionary<string, string>
        {
            ["Data__Directory"] = data.Path,
            ["Oidc__Enabled"] = "true",
            ["Oidc__Authority"] = "https://id.example.test",
            ["Oidc__ClientId"] = "ocm-dashboard",
            ["Oidc__ClientSecret"] = "secret",
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{FreePort.Next()}",
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
        };
        environment[key] = value;
        var published = await PublishedApp.PublishAsync();

        var (exitCode, output) = await PublishedApp.RunAsync(Path.Combine(published, "OvhCostManager.Web"), "", published, TimeSpan.FromSeconds(60), environment);

        Assert.Equal(1, exitCode);
        Assert.Contains(setting, output);
        Assert.DoesNotContain("   at ", output);
    }
}
