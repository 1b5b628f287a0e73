using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OvhCostManager.Tests.Infrastructure;

namespace OvhCostManager.Tests.Browser;

/// <summary>
/// Sessions that end: a signed-out cookie opens nothing, a session ends at its absolute lifetime however active,
/// a change of client secret ends every session, and the sign-in's secrets never reach a Debug log.
/// </summary>
public sealed partial class OidcSessionEndTests
{
    [Fact]
    public async Task A_cookie_copied_before_sign_out_opens_nothing_afterwards_and_debug_logs_hold_no_code_or_token()
    {
        await using var dashboard = await OidcDashboard.StartAsync(settings: new Dictionary<string, string>
        {
            // The operator's move the issue names; Default stays at Information, or the start-up import's EF Core
            // debug lines would slow the whole app down on a loaded machine.
            ["Logging__LogLevel__Microsoft.AspNetCore"] = "Debug",
            ["Logging__Console__LogLevel__Microsoft.AspNetCore.Authentication"] = "Trace",
        });
        await SignedInAsync(dashboard, async (page, cookie) =>
        {
            using var client = dashboard.App.CreateClient(followRedirects: false);
            Assert.Equal(HttpStatusCode.OK, (await SendAsync(client, "/api/me", cookie)).StatusCode);

            await page.ClickAsync("button.ocm-signout");
            await page.WaitForURLAsync(url => url.StartsWith(dashboard.Provider.Authority, StringComparison.Ordinal));
            await page.ClickAsync("button[name='logout'][value='yes']");
            await page.WaitForURLAsync(new Uri(dashboard.App.BaseUrl, "account/signed-out").ToString(), new PageWaitForURLOptions { WaitUntil = WaitUntilState.Commit });

            foreach (var path in new[] { "/api/me", "/export/bills.csv", "/export/sync-runs.csv" })
            {
                using var replayed = await SendAsync(client, path, cookie);
                Assert.Equal(HttpStatusCode.Unauthorized, replayed.StatusCode);
            }

            using var pageReplayed = await SendAsync(client, "/overview", cookie);
            Assert.Equal(HttpStatusCode.Redirect, pageReplayed.StatusCode);
            Assert.StartsWith("/account/login", pageReplayed.Headers.Location?.ToString());
        });

        var log = dashboard.App.Output;
        Assert.Contains("dbug: Microsoft.AspNetCore", log);
        Assert.DoesNotContain("id_token_hint", log);
        Assert.DoesNotMatch(AuthorizationCode(), log);
        Assert.DoesNotMatch(Jwt(), log);
    }

    [Fact]
    public async Task An_active_session_ends_at_its_absolute_lifetime_on_the_app_clock()
    {
        var simulatorPort = FreePort.Next();
        var start = DateTimeOffset.UtcNow;
        await using var dashboard = await OidcDashboard.StartAsync(settings: new Dictionary<string, string>
        {
            // Demo mode: the app reads the simulator's clock, frozen at the start and moved by its control API.
            ["Demo__Now"] = start.ToString("yyyy-MM-dd'T'HH:mm:ss'+00:00'", CultureInfo.InvariantCulture),
            ["Demo__SimulatorPort"] = simulatorPort.ToString(CultureInfo.InvariantCulture),
            ["Oidc__SessionLifetime"] = "01:00:00",
            ["Oidc__SessionAbsoluteLifetime"] = "02:00:00",
        });
        await SignedInAsync(dashboard, async (_, cookie) =>
        {
            using var client = dashboard.App.CreateClient(followRedirects: false);
            using var simulator = await DemoSimulator.CreateClientAsync(dashboard.App);
            simulator.BaseAddress = DemoSimulator.Url(simulatorPort);

            // Used every 50 minutes, the session never idles an hour: only the two-hour limit ends it.
            foreach (var (minutes, expected) in new[] { (50, HttpStatusCode.OK), (50, HttpStatusCode.OK), (30, HttpStatusCode.Unauthorized) })
            {
                using var advanced = await simulator.PostAsync($"_simulator/clock/advance?minutes={minutes}", null);
                advanced.EnsureSuccessStatusCode();
                using var me = await SendAsync(client, "/api/me", cookie);
                Assert.Equal(expected, me.StatusCode);
            }
        });
    }

    /// <summary>Signs Alice in with a browser of its own and hands the page and the session cookie to <paramref name="then"/>.</summary>
    private static async Task SignedInAsync(OidcDashboard dashboard, Func<IPage, string, Task> then)
    {
        var browser = new BrowserFixture();
        await browser.InitializeAsync();
        try
        {
            var context = await browser.Browser.NewContextAsync();
            var page = await context.NewPageAsync();
            await page.GotoAsync(new Uri(dashboard.App.BaseUrl, "overview").ToString());
            await TestOidcProvider.SignInAsync(page, "alice");
            await page.WaitForSelectorAsync("[data-user-name]");
            await then(page, await SessionCookieAsync(context, dashboard.App.BaseUrl));
            await context.CloseAsync();
        }
        finally
        {
            await browser.DisposeAsync();
        }
    }

    private static async Task<string> SessionCookieAsync(IBrowserContext context, Uri app)
    {
        var cookies = await context.CookiesAsync([app.ToString()]);
        var session = cookies.Where(c => c.Name.StartsWith("ocm.session", StringComparison.Ordinal)).Select(c => $"{c.Name}={c.Value}").ToList();
        Assert.NotEmpty(session);
        return string.Join("; ", session);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string path, string cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookie);
        return await client.SendAsync(request);
    }

    [GeneratedRegex(@"[?&]code=[A-Za-z0-9_\-]{8,}")]
    private static partial Regex AuthorizationCode();

    [GeneratedRegex(@"eyJ[A-Za-z0-9_\-]{10,}\.eyJ")]
    private static partial Regex Jwt();
}
