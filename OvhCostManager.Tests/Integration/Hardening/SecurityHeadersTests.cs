using System.Net;
using OvhCostManager.Tests.Infrastructure;

namespace OvhCostManager.Tests.Integration.Hardening;

[Collection(HardeningCollection.Name)]
public sealed class SecurityHeadersTests(HardeningFixture fixture)
{
    [Theory]
    [InlineData("/trends")]
    [InlineData("/export/sync-runs.csv")]
    [InlineData("/health")]
    [InlineData("/no-such-page")]
    public async Task Every_response_carries_the_security_headers(string path)
    {
        using var client = fixture.App.CreateClient(followRedirects: false);
        using var response = await client.GetAsync(path);

        var csp = Header(response, "Content-Security-Policy");
        Assert.Contains("default-src 'self'", csp);
        Assert.Contains("script-src 'self';", csp);
        Assert.DoesNotContain("unsafe-eval", csp);
        Assert.Contains("connect-src 'self'", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("form-action 'self'", csp);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("same-origin", Header(response, "Referrer-Policy"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
    }

    [Fact]
    public async Task Pages_hold_no_inline_script()
    {
        using var client = fixture.App.CreateClient();
        var html = await client.GetStringAsync("/trends");

        var scripts = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html).QuerySelectorAll("script");
        Assert.NotEmpty(scripts);
        Assert.All(scripts, s => Assert.False(string.IsNullOrEmpty(s.GetAttribute("src")), "inline script: " + s.OuterHtml));
    }

    [Fact]
    public async Task Hsts_is_sent_only_when_a_trusted_proxy_says_the_request_came_over_https()
    {
        using var client = fixture.App.CreateClient(followRedirects: false);

        using var plain = await client.SendAsync(Request("/trends", HardeningFixture.PublicHost, forwardedProto: null));
        Assert.False(plain.Headers.Contains("Strict-Transport-Security"));

        using var secure = await client.SendAsync(Request("/trends", HardeningFixture.PublicHost, forwardedProto: "https"));
        Assert.Equal(HttpStatusCode.OK, secure.StatusCode);
        Assert.Contains("max-age=31536000", Header(secure, "Strict-Transport-Security"));
    }

    [Fact]
    public async Task A_host_outside_AllowedHosts_is_refused()
    {
        using var client = fixture.App.CreateClient(followRedirects: false);

        using var response = await client.SendAsync(Request("/trends", "attacker.example", forwardedProto: null));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("limit=abc")]
    [InlineData("limit=0")]
    [InlineData("limit=10001")]
    [InlineData("limit=-5")]
    public async Task A_bad_query_parameter_gets_a_400_naming_it(string query)
    {
        using var client = fixture.App.CreateClient();
        using var response = await client.GetAsync("/export/sync-runs.csv?" + query);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("limit must be a whole number between 1 and 10000", body);
        Assert.DoesNotContain("   at ", body);
    }

    [Fact]
    public async Task The_sync_runs_export_is_a_csv_attachment()
    {
        using var client = fixture.App.CreateClient();
        using var response = await client.GetAsync("/export/sync-runs.csv?limit=5");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.StartsWith("id,kind,status,", await response.Content.ReadAsStringAsync());
    }

    private static HttpRequestMessage Request(string path, string host, string? forwardedProto)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Host = host;
        if (forwardedProto is not null)
        {
            request.Headers.Add("X-Forwarded-Proto", forwardedProto);
        }

        return request;
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values)
        : response.Content.Headers.TryGetValues(name, out var content) ? string.Join(", ", content)
        : string.Empty;
}
