namespace OvhCostManager.Tests.Infrastructure;

/// <summary>One published dashboard on a fresh data folder plus one Chromium, shared by the browser tests of a collection.</summary>
public sealed class DashboardFixture : IAsyncLifetime
{
    private readonly TempDirectory data = new();

    public BrowserFixture Browser { get; } = new();

    public RunningApp App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        App = await PublishedApp.StartAsync(new Dictionary<string, string> { ["Data__Directory"] = data.Path });
        await Browser.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        if (App is not null)
        {
            await App.DisposeAsync();
        }

        data.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class DashboardCollection : ICollectionFixture<DashboardFixture>
{
    public const string Name = "Published dashboard + Chromium";
}
