using System.Diagnostics;
using System.Net.Http.Json;
using System.Net.Sockets;
using OvhCostManager.Simulator;

namespace OvhCostManager.Benchmarks;

/// <summary>
/// The simulator in its own process, so its memory does not count against the import's. Its clock stands still at
/// <see cref="BenchHost.Now"/>; <see cref="Clock"/> is the same clock on this side, for the host that imports from it.
/// </summary>
public sealed class SimulatorProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly HttpClient control;

    private SimulatorProcess(Process process, int port)
    {
        this.process = process;
        Port = port;
        control = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/_simulator/") };
    }

    public int Port { get; }

    public SimulatorClock Clock { get; } = SimulatorClock.Frozen(BenchHost.Now);

    public Uri BaseUrl => new($"http://127.0.0.1:{Port}/1.0");

    public static async Task<SimulatorProcess> StartAsync(string size, int seed = 42)
    {
        var port = FreePort();
        var executable = Path.Combine(AppContext.BaseDirectory, "OvhCostManager.Simulator");
        var info = new ProcessStartInfo(executable, $"--port {port} --size {size} --seed {seed} --now {BenchHost.NowSetting} --http") { RedirectStandardOutput = true, RedirectStandardError = true };
        var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start the simulator");
        var simulator = new SimulatorProcess(process, port);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var response = await simulator.control.GetAsync("info");
                if (response.IsSuccessStatusCode)
                {
                    return simulator;
                }
            }
            catch (HttpRequestException)
            {
                await Task.Delay(200);
            }
        }

        throw new TimeoutException("The simulator did not start within 60 s");
    }

    public async Task SetFaultsAsync(object faults)
    {
        using var response = await control.PostAsJsonAsync("faults", faults);
        response.EnsureSuccessStatusCode();
    }

    public async Task<T> GetAsync<T>(string path) => (await control.GetFromJsonAsync<T>(path))!;

    /// <summary>Moves the simulator's clock and <see cref="Clock"/> together.</summary>
    public async Task AdvanceClockAsync(TimeSpan delta)
    {
        using var response = await control.PostAsync(FormattableString.Invariant($"clock/advance?hours={delta.TotalHours}"), null);
        response.EnsureSuccessStatusCode();
        Clock.Advance(delta);
    }

    public async ValueTask DisposeAsync()
    {
        control.Dispose();
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
