using OvhCostManager.Core.Ovh;
using OvhCostManager.Simulator;

namespace OvhCostManager.Web;

/// <summary>
/// With no OVH credentials configured, the dashboard runs on a simulated account: the built-in simulator starts
/// in-process on a loopback port (Medium account, seed <c>Demo:Seed</c>, port <c>Demo:SimulatorPort</c>, 0 = any free
/// one) and the OVH client is pointed at it before the container is built, so the first sync fills the dashboard
/// through the real client.
/// </summary>
public sealed class DemoMode : IAsyncDisposable
{
    private DemoMode(SimulatorServer simulator) => Simulator = simulator;

    public SimulatorServer Simulator { get; }

    public string Announcement => $"Demo mode: no OVH credentials configured, using the built-in simulated account at {Simulator.BaseUrl}";

    /// <summary>Starts the simulator and points <c>Ovh:*</c> at it when no credentials are configured; null otherwise.</summary>
    public static async Task<DemoMode?> StartIfNeededAsync(IConfigurationManager configuration, IServiceCollection services, CancellationToken cancellationToken = default)
    {
        if (OvhClientOptions.HasCredentialSettings(configuration))
        {
            return null;
        }

        var seed = configuration.GetValue("Demo:Seed", 42);
        var port = configuration.GetValue("Demo:SimulatorPort", 0);
        if (port is < 0 or > 65535)
        {
            throw new InvalidDataException("Demo:SimulatorPort must be a TCP port between 0 and 65535 (0 picks a free one).");
        }

        var simulator = await SimulatorServer.StartAsync(new SimulatorOptions { Seed = seed, Size = AccountSize.Medium, Port = port }, cancellationToken);
        configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Ovh:BaseUrl"] = simulator.BaseUrl.ToString(),
            ["Ovh:ApplicationKey"] = simulator.Credentials.ApplicationKey,
            ["Ovh:ApplicationSecret"] = simulator.Credentials.ApplicationSecret,
            ["Ovh:ConsumerKey"] = simulator.Credentials.ConsumerKey,
        });
        var demo = new DemoMode(simulator);
        services.AddSingleton(_ => demo);
        return demo;
    }

    public ValueTask DisposeAsync() => Simulator.DisposeAsync();
}
