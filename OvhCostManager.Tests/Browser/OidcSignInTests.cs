using System.Net;
using Microsoft.Playwright;
using OvhCostManager.Tests.Infrastructure;

namespace OvhCostManager.Tests.Browser;

[Collection(OidcDashboardCollection.Name)]
public sealed class OidcSignInTests(OidcDashboardFixture fixture)
{
    private string App(string path) => new Uri(fixture.App.BaseUrl, path).ToString();

    [Fact]
    public async Task Signing_in_lands_on_the_page_asked_for_and_a_signed_out_user_is_sent_back_to_the_provider()
    {
        var context = await fixture.Browser.Browser.NewContextAsync(new BrowserNewContextOptions { AcceptDownloads = true });
        var page = await context.NewPageAsync();
        var cspViolations = new List<string>();
        page.Console += (_, message) => { if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)) cspViolations.Add(message.Text); };

        await page.GotoAsync(App("trends"));
        Assert.StartsWith(fixture.Provider.Authority, page.Url);
        await TestOidcProvider.SignInAsync(page, "alice");

        await page.WaitForURLAsync(App("trends"));
        await page.WaitForSelectorAsync("[data-page='trends']");
        Assert.Equal("Alice Martin", (await page.InnerTextAsync("[data-user-name]")).Trim());

        // The circuit works under the CSP: a tab click is handled over the WebSocket.
        await BrowserFixture.WaitUntilInteractiveAsync(page);
        await page.ClickAsync("nav.ocm-tabs a[data-tab='inventory']");
        await page.WaitForSelectorAsync("[data-page='inventory']");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ScreenshotPath("oidc-signed-in"), FullPage = true });

        // A download with the browser's session.
        await page.EvaluateAsync("() => { const a = document.createElement('a'); a.href = '/export/sync-runs.csv'; a.id = 'test-download'; a.textContent = 'csv'; document.body.appendChild(a); }");
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#test-download"));
        Assert.Equal("sync-runs.csv", download.SuggestedFilename);
        var lines = await File.ReadAllLinesAsync(await download.PathAsync());
        Assert.Equal("id,kind,status,started_at_utc,finished_at_utc,range_from,range_to,bills_imported,lines_imported,requests_made,retries,failure_reason,error", lines[0]);

        await page.ClickAsync("button.ocm-signout");
        await page.WaitForURLAsync(url => url.StartsWith(fixture.Provider.Authority, StringComparison.Ordinal));
        await page.ClickAsync("button[name='logout'][value='yes']");
        // Committed is enough: the page itself is awaited next (a load event missed between two redirects timed out once).
        await page.WaitForURLAsync(App("account/signed-out"), new PageWaitForURLOptions { WaitUntil = WaitUntilState.Commit });
        await page.WaitForSelectorAsync("main.ocm-account-card h1");
        Assert.DoesNotContain(await context.CookiesAsync(), c => c.Name.StartsWith("ocm.session", StringComparison.Ordinal));

        await page.GotoAsync(App("trends"));
        Assert.StartsWith(fixture.Provider.Authority, page.Url);
        await page.WaitForSelectorAsync("input[name='login']");
        Assert.True(cspViolations.Count == 0, string.Join(Environment.NewLine, cspViolations));
        await context.CloseAsync();
    }

    [Fact]
    public async Task The_session_cookie_works_for_downloads_and_a_tampered_copy_is_refused()
    {
        var session = await SignedInSessionCookiesAsync();
        var cookie = Header(session);
        using var client = fixture.App.CreateClient(followRedirects: false);

        using var valid = await SendAsync(client, "/export/sync-runs.csv", cookie);
        Assert.Equal(HttpStatusCode.OK, valid.StatusCode);
        Assert.Equal("text/csv", valid.Content.Headers.ContentType?.MediaType);

        using var me = await SendAsync(client, "/api/me", cookie);
        Assert.Contains("\"name\":\"Alice Martin\"", await me.Content.ReadAsStringAsync());

        // One character changed in the middle of the protected ticket.
        var longest = session.MaxBy(c => c.Value.Length);
        var middle = longest.Value.Length / 2;
        var tampered = Header(session.Select(c => c == longest
            ? (c.Name, c.Value[..middle] + (c.Value[middle] == 'A' ? 'B' : 'A') + c.Value[(middle + 1)..])
            : c));
        using var refusedDownload = await SendAsync(client, "/export/sync-runs.csv", tampered);
        Assert.Equal(HttpStatusCode.Unauthorized, refusedDownload.StatusCode);
        using var refusedPage = await SendAsync(client, "/trends", tampered);
        Assert.Equal(HttpStatusCode.Redirect, refusedPage.StatusCode);
        Assert.StartsWith("/account/login", refusedPage.Headers.Location?.ToString());
    }

    [Theory]
    [InlineData("https://evil.example/steal")]
    [InlineData("//evil.example/steal")]
    [InlineData("/\\evil.example")]
    [InlineData("/\t/evil.example")]
    [InlineData("/\r\n/evil.example")]
    [InlineData("/%2F/evil.example")]
    public async Task A_signed_in_user_sent_to_login_with_a_foreign_return_url_lands_on_the_dashboard(string returnUrl)
    {
        var cookie = Header(await SignedInSessionCookiesAsync());
        using var client = fixture.App.CreateClient(followRedirects: false);

        using var response = await SendAsync(client, "/account/login?returnUrl=" + Uri.EscapeDataString(returnUrl), cookie);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.ToString());
    }

    [Fact]
    public async Task Signing_in_from_a_login_link_with_a_foreign_return_url_lands_on_the_dashboard_home()
    {
        var context = await fixture.Browser.Browser.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.GotoAsync(App("account/login?returnUrl=" + Uri.EscapeDataString("https://evil.example/")));
        await TestOidcProvider.SignInAsync(page, "alice");

        await page.WaitForURLAsync(url => url.StartsWith(fixture.App.BaseUrl.ToString(), StringComparison.Ordinal) && !url.Contains("signin-oidc", StringComparison.Ordinal));
        Assert.Equal(App("/"), page.Url);
        await page.WaitForSelectorAsync("[data-user-name]");
        await context.CloseAsync();
    }

    /// <summary>Signs in through the browser and returns the session cookie (one or more chunks).</summary>
    private async Task<List<(string Name, string Value)>> SignedInSessionCookiesAsync()
    {
        var context = await fixture.Browser.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(App("overview"));
        await TestOidcProvider.SignInAsync(page, "alice");
        await page.WaitForURLAsync(App("overview"));
        var cookies = await context.CookiesAsync([fixture.App.BaseUrl.ToString()]);
        await context.CloseAsync();
        var session = cookies.Where(c => c.Name.StartsWith("ocm.session", StringComparison.Ordinal)).Select(c => (c.Name, c.Value)).ToList();
        Assert.NotEmpty(session);
        return session;
    }

    private static string Header(IEnumerable<(string Name, string Value)> cookies) => string.Join("; ", cookies.Select(c => $"{c.Name}={c.Value}"));

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string path, string cookie)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookie);
        return client.SendAsync(request);
    }
}
