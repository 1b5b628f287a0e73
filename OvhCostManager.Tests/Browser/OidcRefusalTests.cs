using Microsoft.Playwright;
using OvhCostManager.Tests.Infrastructure;

namespace OvhCostManager.Tests.Browser;

/// <summary>
/// Sign-ins the dashboard must refuse, each against its own real provider and app: an ID token with one flaw, a
/// provider that goes down before the callback, a user outside the required group.
/// </summary>
public sealed class OidcRefusalTests : IAsyncLifetime
{
    /// <summary>The end of a chain of redirects: its load event can pass before the wait starts, so the page's text is awaited instead.</summary>
    private static readonly PageWaitForURLOptions Committed = new() { WaitUntil = WaitUntilState.Commit };

    private readonly BrowserFixture browser = new();

    public Task InitializeAsync() => browser.InitializeAsync();

    public Task DisposeAsync() => browser.DisposeAsync();

    [Theory]
    [InlineData("nbf-future", "IDX10222")]
    [InlineData("wrong-issuer", "IDX10205")]
    [InlineData("wrong-audience", "IDX10214")]
    public async Task An_id_token_with_a_flaw_ends_on_the_sign_in_failed_page_without_a_session(string idTokens, string refusal)
    {
        await using var dashboard = await OidcDashboard.StartAsync(idTokens);
        var context = await browser.Browser.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.GotoAsync(new Uri(dashboard.App.BaseUrl, "trends").ToString());
        await TestOidcProvider.SignInAsync(page, "alice");

        await page.WaitForURLAsync(new Uri(dashboard.App.BaseUrl, "account/failed").ToString(), Committed);
        Assert.Equal("Connexion impossible", (await page.InnerTextAsync("h1")).Trim());
        Assert.DoesNotContain(await context.CookiesAsync(), c => c.Name.Contains("ocm.session", StringComparison.Ordinal));
        // The app's log reaches the test through its stdout pipe: the line can arrive just after the page.
        for (var wait = 0; wait < 100 && !dashboard.App.Output.Contains(refusal, StringComparison.Ordinal); wait++)
        {
            await Task.Delay(100);
        }

        Assert.Contains(refusal, dashboard.App.Output);
        await context.CloseAsync();
    }

    [Fact]
    public async Task A_provider_down_at_the_callback_ends_on_the_sign_in_failed_page()
    {
        await using var dashboard = await OidcDashboard.StartAsync();
        var context = await browser.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        // The browser comes back with a code, but the provider that should exchange it is gone by then.
        await page.RouteAsync("**/signin-oidc**", async route =>
        {
            await dashboard.Provider.StopAsync();
            await route.ContinueAsync();
        });

        await page.GotoAsync(new Uri(dashboard.App.BaseUrl, "trends").ToString());
        await TestOidcProvider.SignInAsync(page, "alice");

        await page.WaitForURLAsync(new Uri(dashboard.App.BaseUrl, "account/failed").ToString(), Committed);
        Assert.Equal("Connexion impossible", (await page.InnerTextAsync("h1")).Trim());
        Assert.DoesNotContain(await context.CookiesAsync(), c => c.Name.Contains("ocm.session", StringComparison.Ordinal));
        await context.CloseAsync();
    }

    [Fact]
    public async Task A_user_outside_the_required_group_is_signed_in_but_refused_the_dashboard()
    {
        await using var dashboard = await OidcDashboard.StartAsync(settings: new Dictionary<string, string> { ["Oidc__RequiredGroup"] = "finance" });
        var context = await browser.Browser.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.GotoAsync(new Uri(dashboard.App.BaseUrl, "trends").ToString());
        await TestOidcProvider.SignInAsync(page, "bob");

        await page.WaitForURLAsync(new Uri(dashboard.App.BaseUrl, "account/denied?returnUrl=%2Ftrends").ToString(), Committed);
        Assert.Contains("Bob Durand", await page.InnerTextAsync("main"));
        var trends = await page.GotoAsync(new Uri(dashboard.App.BaseUrl, "trends").ToString());
        Assert.StartsWith(new Uri(dashboard.App.BaseUrl, "account/denied").ToString(), page.Url);
        Assert.Equal(403, trends!.Status);
        await context.CloseAsync();
    }
}
