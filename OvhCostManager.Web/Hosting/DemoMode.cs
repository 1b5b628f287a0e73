using OvhCostManager.Core.Ovh;
using OvhCostManager.Simulator;

namespace OvhCostManager.Web;

/// <summary>
/// With no OVH credentials configured, the dashboard runs on a simulated account: the built-in simulator starts
/// in-process on a loopback port over HTTPS (Medium account unless <c>Demo:Size</c> says otherwise, seed <c>Demo:Seed</c>, port <c>Demo:SimulatorPort</c>, 0 = any free
/// one) and the OVH client is pointed at it, trusting its self-signed certificate by fingerprint, before the container is built, so the first sync fills the dashboard
/// through the real client. The app reads the simulator's clock, so both live at the same instant: the real time, or
/// with <c>Demo:Now</c> (an instant with its offset) a clock that stands still there until the simulator's control API
/// moves it (reproducible screenshots and tests).
/// </summary>
public sealed class DemoMode : IAsyncDisposable
{
    private DemoMode(SimulatorServer simulator) => Simulator = simulator;

    public SimulatorServer Simulator { get; }

    public string Announcement =>
        $"Demo mode: no OVH credentials configured, using the built-in simulated account at {Simulator.BaseUrl} " +
        $"(self-signed certificate, SHA-256 {Simulator.ClientSettings["Ovh:TrustedCertificateThumbprint"]})";

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

        var sizeText = configuration.GetValue("Demo:Size", nameof(AccountSize.Medium))!;
        if (!Enum.TryParse<AccountSize>(sizeText, ignoreCase: true, out var size))
        {
            throw new InvalidDataException($"Demo:Size must be one of {string.Join(", ", Enum.GetNames<AccountSize>())} (was '{sizeText}').");
        }

        var nowText = configuration["Demo:Now"];
        DateTimeOffset? start = null;
        if (!string.IsNullOrEmpty(nowText))
        {
            start = SimulatorClock.TryParseInstant(nowText, out var now)
                ? now
                : throw new InvalidDataException($"Demo:Now must be an instant with its offset, e.g. 2026-11-18T10:00:00+01:00 (was '{nowText}').");
        }

        var clock = start is { } frozen ? SimulatorClock.Frozen(frozen) : new SimulatorClock();
        var simulator = await SimulatorServer.StartAsync(new SimulatorOptions { Seed = seed, Size = size, Port = port, Clock = clock }, cancellationToken);
        services.AddSingleton<TimeProvider>(clock);
        configuration.AddInMemoryCollection(simulator.ClientSettings);
        var demo = new DemoMode(simulator);
        services.AddSingleton(_ => demo);
        return demo;
    }

    public ValueTask DisposeAsync() => Simulator.DisposeAsync();
}
