namespace OvhCostManager.Tests.Infrastructure;

/// <summary>A real OIDC provider, the published dashboard signing in against it, and one Chromium.</summary>
public sealed class OidcDashboardFixture : IAsyncLifetime
{
    private OidcDashboard? dashboard;

    public BrowserFixture Browser { get; } = new();

    public TestOidcProvider Provider => dashboard!.Provider;

    public RunningApp App => dashboard!.App;

    public async Task InitializeAsync()
    {
        dashboard = await OidcDashboard.StartAsync();
        await Browser.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        if (dashboard is not null)
        {
            await dashboard.DisposeAsync();
        }
    }
}

/// <summary>A real OIDC provider and the published dashboard signing in against it, with its own data folder.</summary>
public sealed class OidcDashboard : IAsyncDisposable
{
    private readonly TempDirectory data = new();

    private OidcDashboard()
    {
    }

    public TestOidcProvider Provider { get; private set; } = null!;

    public RunningApp App { get; private set; } = null!;

    /// <summary>Starts both; <paramref name="idTokens"/> picks the provider's ID tokens, <paramref name="settings"/> adds app settings.</summary>
    public static async Task<OidcDashboard> StartAsync(string idTokens = "honest", IDictionary<string, string>? settings = null)
    {
        var dashboard = new OidcDashboard();
        var port = FreePort.Next();
        dashboard.Provider = await TestOidcProvider.StartAsync(new Uri($"http://127.0.0.1:{port}"), idTokens);

        // The secret goes through a file, as a Docker secret would.
        var secretFile = Path.Combine(dashboard.data.Path, "oidc-client-secret");
        await File.WriteAllTextAsync(secretFile, TestOidcProvider.ClientSecret + "\n");
        var environment = new Dictionary<string, string>
        {
            ["Data__Directory"] = Path.Combine(dashboard.data.Path, "data"),
            ["Oidc__Enabled"] = "true",
            ["Oidc__Authority"] = dashboard.Provider.Authority,
            ["Oidc__ClientId"] = TestOidcProvider.ClientId,
            ["Oidc__ClientSecretFile"] = secretFile,
            ["Oidc__Scopes"] = "openid profile email groups",
            ["RateLimiting__PermitLimit"] = "1000",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }

        dashboard.App = await PublishedApp.StartAsync(environment, port: port);
        return dashboard;
    }

    public async ValueTask DisposeAsync()
    {
        if (App is not null)
        {
            await App.DisposeAsync();
        }

        if (Provider is not null)
        {
            await Provider.DisposeAsync();
        }

        data.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class OidcDashboardCollection : ICollectionFixture<OidcDashboardFixture>
{
    public const string Name = "OIDC provider + published dashboard + Chromium";
}
