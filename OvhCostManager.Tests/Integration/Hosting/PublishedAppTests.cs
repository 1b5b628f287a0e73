using System.Net;
using System.Text.Json;
using OvhCostManager.Tests.Infrastructure;

namespace OvhCostManager.Tests.Integration.Hosting;

[Collection(DemoDashboardCollection.Name)]
public sealed class PublishedAppTests(DemoDashboardFixture dashboard)
{
    [Theory]
    [InlineData("_content/MudBlazor/MudBlazor.min.css", "text/css")]
    [InlineData("_content/MudBlazor/MudBlazor.min.js", "javascript")]
    [InlineData("_framework/blazor.web.js", "javascript")]
    public async Task The_published_app_serves_static_assets_with_their_content(string path, string contentType)
    {
        using var client = dashboard.App.CreateClient();
        using var response = await client.GetAsync(path);
        var body = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(contentType, response.Content.Headers.ContentType?.MediaType ?? "");
        Assert.True(body.Length > 1000, $"{path} served {body.Length} bytes");
    }

    [Fact]
    public async Task Health_reports_a_reachable_database_as_json()
    {
        using var client = dashboard.App.CreateClient();
        using var response = await client.GetAsync("/health");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("healthy", json.RootElement.GetProperty("status").GetString());
        Assert.True(json.RootElement.GetProperty("databaseReachable").GetBoolean());
        Assert.True(json.RootElement.TryGetProperty("lastSuccessfulSyncUtc", out _));
    }

    [Fact]
    public async Task The_culture_switch_refuses_a_return_url_to_another_site()
    {
        using var client = dashboard.App.CreateClient(followRedirects: false);
        using var response = await client.GetAsync("/culture?name=en&returnUrl=%2F%2Fevil.example%2F");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.ToString());
    }

    [Theory]
    [InlineData("%2F%09%2Fevil.example")]
    [InlineData("%2F%0A%2Fevil.example")]
    [InlineData("%2F%0D%0A%2Fevil.example")]
    [InlineData("%2F%5Cevil.example")]
    public async Task The_culture_switch_sends_a_return_url_with_control_characters_or_a_backslash_home_not_to_a_500(string returnUrl)
    {
        using var client = dashboard.App.CreateClient(followRedirects: false);
        using var response = await client.GetAsync($"/culture?name=en&returnUrl={returnUrl}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.ToString());
    }

    [Theory]
    [InlineData("Origin", "https://evil.example")]
    [InlineData("Origin", "null")]
    [InlineData("Sec-Fetch-Site", "cross-site")]
    [InlineData("Sec-Fetch-Site", "same-site")]
    public async Task A_sync_posted_from_another_site_is_refused_even_with_sign_in_off(string header, string value)
    {
        using var client = dashboard.App.CreateClient(followRedirects: false);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/sync");
        request.Headers.TryAddWithoutValidation(header, value);
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData("/export/bills.csv")]
    [InlineData("/export/sync-runs.csv")]
    [InlineData("/export/inventory.csv")]
    public async Task Exports_are_never_cached(string path)
    {
        using var client = dashboard.App.CreateClient(followRedirects: false);
        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore, $"{path}: Cache-Control is '{response.Headers.CacheControl}'");
    }

    [Fact]
    public async Task In_demo_mode_every_page_says_the_account_is_simulated()
    {
        using var client = dashboard.App.CreateClient(followRedirects: false);
        var html = await client.GetStringAsync("/overview");

        Assert.Contains("data-demo", html);
        Assert.Contains("Compte simulé", System.Net.WebUtility.HtmlDecode(html));
    }
}
