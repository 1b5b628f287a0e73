using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using OvhCostManager.Tests.Infrastructure;

namespace OvhCostManager.Tests.Integration.Authentication;

[Collection(OidcDashboardCollection.Name)]
public sealed class OidcProtectionTests(OidcDashboardFixture fixture)
{
    [Theory]
    [InlineData("/trends", "%2Ftrends")]
    [InlineData("/", "%2F")]
    [InlineData("/compare?month=2026-01", "%2Fcompare%3Fmonth%3D2026-01")]
    public async Task An_anonymous_page_request_is_redirected_to_login_with_its_return_url(string path, string escapedReturnUrl)
    {
        using var client = fixture.App.CreateClient(followRedirects: false);
        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/login?returnUrl=" + escapedReturnUrl, response.Headers.Location?.ToString());
    }

    [Theory]
    [InlineData("POST", "/_blazor/negotiate?negotiateVersion=1")]
    [InlineData("GET", "/export/sync-runs.csv")]
    [InlineData("GET", "/api/me")]
    public async Task Anonymous_machine_requests_get_401_not_a_login_page(string method, string path)
    {
        using var client = fixture.App.CreateClient(followRedirects: false);
        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task Health_stays_public_and_reports_the_provider_ready()
    {
        using var client = fixture.App.CreateClient(followRedirects: false);
        using var response = await client.GetAsync("/health");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ready", json.RootElement.GetProperty("oidc").GetString());
    }

    [Fact]
    public async Task Login_starts_an_authorization_code_flow_with_pkce_state_and_nonce()
    {
        using var client = fixture.App.CreateClient(followRedirects: false);
        using var response = await client.GetAsync("/account/login?returnUrl=%2Ftrends");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.StartsWith(fixture.Provider.Authority + "/auth?", location.ToString());
        var query = QueryHelpers.ParseQuery(location.Query);
        Assert.Equal("code", query["response_type"]);
        Assert.Equal("S256", query["code_challenge_method"]);
        Assert.False(string.IsNullOrEmpty(query["code_challenge"]));
        Assert.False(string.IsNullOrEmpty(query["state"]));
        Assert.False(string.IsNullOrEmpty(query["nonce"]));
        Assert.Equal(new Uri(fixture.App.BaseUrl, "signin-oidc").ToString(), query["redirect_uri"]);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Correlation.", StringComparison.Ordinal) && c.Contains("httponly", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_callback_with_a_forged_state_does_not_sign_anyone_in()
    {
        using var client = fixture.App.CreateClient(followRedirects: false);
        using var response = await client.GetAsync("/signin-oidc?code=forged&state=forged");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/failed", response.Headers.Location?.ToString());
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("ocm.session", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Sign_out_without_the_form_token_is_refused()
    {
        using var client = fixture.App.CreateClient(followRedirects: false);
        using var response = await client.PostAsync("/account/logout", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task The_content_security_policy_lets_the_sign_out_form_reach_the_provider_only()
    {
        using var client = fixture.App.CreateClient(followRedirects: false);
        using var response = await client.GetAsync("/account/signed-out");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var csp = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("form-action 'self' " + fixture.Provider.Authority, csp);
        Assert.Contains("frame-ancestors 'none'", csp);
    }
}
