using System.Net;
using OvhCostManager.Tests.Infrastructure;

namespace OvhCostManager.Tests.Browser;

public sealed class OidcSessionRestartTests
{
    [Fact]
    public async Task A_session_survives_a_restart_because_it_lives_in_the_data_directory_but_not_a_change_of_client_secret()
    {
        using var data = new TempDirectory();
        var port = FreePort.Next();
        await using var provider = await TestOidcProvider.StartAsync(new Uri($"http://127.0.0.1:{port}"));
        var environment = new Dictionary<string, string>
        {
            ["Data__Directory"] = data.Path,
            ["Oidc__Enabled"] = "true",
            ["Oidc__Authority"] = provider.Authority,
            ["Oidc__ClientId"] = TestOidcProvider.ClientId,
            ["Oidc__ClientSecret"] = TestOidcProvider.ClientSecret,
        };
        var browser = new BrowserFixture();
        await browser.InitializeAsync();
        try
        {
            string cookie;
            await using (var first = await PublishedApp.StartAsync(environment, port: port))
            {
                var context = await browser.Browser.NewContextAsync();
                var page = await context.NewPageAsync();
                await page.GotoAsync(new Uri(first.BaseUrl, "trends").ToString());
                await TestOidcProvider.SignInAsync(page, "alice");
                await page.WaitForSelectorAsync("[data-user-name]");
                var cookies = await context.CookiesAsync([first.BaseUrl.ToString()]);
                cookie = string.Join("; ", cookies.Where(c => c.Name.StartsWith("ocm.session", StringComparison.Ordinal)).Select(c => $"{c.Name}={c.Value}"));
                await context.CloseAsync();
            }

            Assert.NotEmpty(Directory.GetFiles(Path.Combine(data.Path, "keys"), "key-*.xml"));
            await using var restarted = await PublishedApp.StartAsync(environment, port: port);
            using var client = restarted.CreateClient(followRedirects: false);
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/me");
            request.Headers.Add("Cookie", cookie);
            using var response = await client.SendAsync(request);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("Alice Martin", await response.Content.ReadAsStringAsync());
            await restarted.DisposeAsync();

            // Restarted with another client secret (rotated, or another client): the sessions of the old one end.
            environment["Oidc__ClientSecret"] = "a-rotated-client-secret";
            await using var rotated = await PublishedApp.StartAsync(environment, port: port);
            using var rotatedClient = rotated.CreateClient(followRedirects: false);
            using var replay = new HttpRequestMessage(HttpMethod.Get, "/api/me");
            replay.Headers.Add("Cookie", cookie);
            using var refused = await rotatedClient.SendAsync(replay);
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }
        finally
        {
            await browser.DisposeAsync();
        }
    }
}
