namespace OvhCostManager.Tests.Infrastructure;

/// <summary>A real OIDC provider, the published dashboard signing in against it, and one Chromium.</summary>
public sealed class OidcDashboardFixture : IAsyncLifetime
{
    private readonly TempDirectory data = new();

    public BrowserFixture Browser { get; } = new();

    public TestOidcProvider Provider { get; private set; } = null!;

    public RunningApp App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var port = FreePort.Next();
        Provider = await TestOidcProvider.StartAsync(new Uri($"http://127.0.0.1:{port}"));

        // The secret goes through a file, as a Docker secret would.
        var secretFile = Path.Combine(data.Path, "oidc-client-secret");
        await File.WriteAllTextAsync(secretFile, TestOidcProvider.ClientSecret + "\n");
        App = await PublishedApp.StartAsync(new Dictionary<string, string>
        {
            ["Data__Directory"] = Path.Combine(data.Path, "data"),
            ["Oidc__Enabled"] = "true",
            ["Oidc__Authority"] = Provider.Authority,
            ["Oidc__ClientId"] = TestOidcProvider.ClientId,
            ["Oidc__ClientSecretFile"] = secretFile,
            ["Oidc__Scopes"] = "openid profile email groups",
            ["RateLimiting__PermitLimit"] = "1000",
        }, port: port);
        await Browser.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
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
