using OvhCostManager.Tests.Infrastructure;

namespace OvhCostManager.Tests.Integration.Hardening;

/// <summary>The published dashboard without OIDC, behind a "proxy" on loopback, with recognisable fake OVH credentials.</summary>
public sealed class HardeningFixture : IAsyncLifetime
{
    public const string PublicHost = "costs.example.test";

    public static readonly string ApplicationKey = "AK-" + Guid.NewGuid().ToString("N");
    public static readonly string ApplicationSecret = "AS-" + Guid.NewGuid().ToString("N");
    public static readonly string ConsumerKey = "CK-" + Guid.NewGuid().ToString("N");

    private readonly TempDirectory data = new();

    public RunningApp App { get; private set; } = null!;

    /// <summary>The app's <c>Data__Directory</c> (its SQLite store).</summary>
    public string DataDirectory => Path.Combine(data.Path, "data");

    public async Task InitializeAsync()
    {
        var secretFile = Path.Combine(data.Path, "ovh-application-secret");
        await File.WriteAllTextAsync(secretFile, ApplicationSecret);
        App = await PublishedApp.StartAsync(new Dictionary<string, string>
        {
            ["Data__Directory"] = DataDirectory,
            ["AllowedHosts"] = $"127.0.0.1;localhost;{PublicHost}",
            ["ReverseProxy__KnownProxies"] = "127.0.0.1",
            ["Ovh__Endpoint"] = "ovh-eu",
            ["Ovh__ApplicationKey"] = ApplicationKey,
            ["Ovh__ApplicationSecret"] = ApplicationSecret,
            ["Ovh__ApplicationSecretFile"] = secretFile,
            ["Ovh__ConsumerKey"] = ConsumerKey,
            ["Logging__LogLevel__Default"] = "Debug",
        });
    }

    public async Task DisposeAsync()
    {
        if (App is not null)
        {
            await App.DisposeAsync();
        }

        data.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class HardeningCollection : ICollectionFixture<HardeningFixture>
{
    public const string Name = "Published dashboard behind a proxy, fake OVH credentials";
}
