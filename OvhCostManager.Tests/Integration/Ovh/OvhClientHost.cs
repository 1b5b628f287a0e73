using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OvhCostManager.Core.Ovh;

namespace OvhCostManager.Tests.Integration.Ovh;

/// <summary>The OVH client wired exactly as the app wires it (<c>AddOvhApi</c>), pointed at a loopback server.</summary>
public sealed class OvhClientHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private OvhClientHost(ServiceProvider services, CollectedLogs logs)
    {
        _services = services;
        Logs = logs;
    }

    public IOvhApi Api => _services.GetRequiredService<IOvhApi>();

    public OvhApiTransport Transport => _services.GetRequiredService<OvhApiTransport>();

    public OvhRequestCounter Counter => _services.GetRequiredService<OvhRequestCounter>();

    public OvhServerClock Clock => _services.GetRequiredService<OvhServerClock>();

    public CollectedLogs Logs { get; }

    public static OvhClientHost Create(LoopbackOvhServer server, IDictionary<string, string?>? settings = null, bool oauth = false)
    {
        var values = new Dictionary<string, string?>
        {
            ["Ovh:BaseUrl"] = server.BaseUrl,
            ["Ovh:RetryBaseDelay"] = "00:00:00.010",
            ["Ovh:RequestTimeout"] = "00:00:05",
        };
        if (oauth)
        {
            values["Ovh:ClientId"] = OvhTestCredentials.ClientId;
            values["Ovh:ClientSecret"] = OvhTestCredentials.ClientSecret;
            values["Ovh:TokenUrl"] = server.Root + "/auth/oauth2/token";
        }
        else
        {
            values["Ovh:ApplicationKey"] = OvhTestCredentials.ApplicationKey;
            values["Ovh:ApplicationSecret"] = OvhTestCredentials.ApplicationSecret;
            values["Ovh:ConsumerKey"] = OvhTestCredentials.ConsumerKey;
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var collection = new ServiceCollection();
        var logs = new CollectedLogs();
        collection.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        collection.AddOvhApi(configuration);
        return new OvhClientHost(collection.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true }), logs);
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}

/// <summary>An <see cref="ILoggerProvider"/> that keeps every formatted message and exception text.</summary>
public sealed class CollectedLogs : ILoggerProvider
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _lines = new();

    public IReadOnlyList<string> Lines => _lines.ToList();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(CollectedLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner._lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception}");
    }
}
