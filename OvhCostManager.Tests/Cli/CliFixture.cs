using OvhCostManager.Simulator;
using OvhCostManager.Tests.Infrastructure;

namespace OvhCostManager.Tests.Cli;

/// <summary>
/// The built <c>ocm</c> run as a process against a simulator started in the test, over one data folder. The simulator
/// is frozen at <see cref="Now"/> and every <c>ocm</c> process starts there too (libfaketime), so what "today" means
/// to the import window and the report does not depend on the day the tests run.
/// </summary>
public sealed class CliFixture : IAsyncLifetime
{
    public static readonly DateTimeOffset Now = ImportedAccountFixture.Now;

    private readonly TempDirectory folder = new();

    public SimulatorServer Simulator { get; private set; } = null!;

    public string DataDirectory => Path.Combine(folder.Path, "data");

    public string Scratch => folder.Path;

    /// <summary>The <c>ocm</c> executable built next to the tests.</summary>
    public static string Executable => Path.Combine(AppContext.BaseDirectory, "ocm");

    public (int ExitCode, string Output) ImportResult { get; private set; }

    public async Task InitializeAsync()
    {
        Simulator = await SimulatorServer.StartAsync(new SimulatorOptions { Seed = 42, Size = AccountSize.Medium, Clock = SimulatorClock.Frozen(Now) });
        ImportResult = await RunAsync($"import --mode full --data \"{DataDirectory}\"");
    }

    /// <summary>Runs <c>ocm</c> with the simulator's address and credentials in the environment (unless <paramref name="withCredentials"/> is false).</summary>
    public Task<(int ExitCode, string Output)> RunAsync(string arguments, bool withCredentials = true, IDictionary<string, string>? settings = null) =>
        PublishedApp.RunAsync("env", CommandLine(arguments), Scratch, TimeSpan.FromMinutes(3), EnvironmentFor(withCredentials, settings));

    /// <summary>Starts <c>ocm</c> without waiting for it, for a test that stops it half way.</summary>
    public System.Diagnostics.Process Start(string arguments)
    {
        var info = new System.Diagnostics.ProcessStartInfo("env", CommandLine(arguments))
        {
            WorkingDirectory = Scratch,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in EnvironmentFor(withCredentials: true, settings: null))
        {
            info.Environment[key] = value;
        }

        return System.Diagnostics.Process.Start(info)!;
    }

    private Dictionary<string, string> EnvironmentFor(bool withCredentials, IDictionary<string, string>? settings)
    {
        var environment = new Dictionary<string, string>
        {
            ["Ovh__RetryBaseDelay"] = "00:00:00.010",
            ["DOTNET_NOLOGO"] = "1",
        };
        if (withCredentials)
        {
            foreach (var (key, value) in PublishedApp.EnvironmentOf(Simulator))
            {
                environment[key] = value;
            }
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }

        return environment;
    }

    private static string CommandLine(string arguments)
    {
        // libfaketime preloaded by hand rather than through the faketime wrapper, which misreads an absolute date when
        // the tests themselves run under libfaketime (./test.sh's date-shifted step): the child must not share the
        // parent's faked clock (FAKETIME_SHARED) and reads "@…" in its own time zone.
        var start = Now.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
        return $"-u FAKETIME_SHARED TZ=UTC \"FAKETIME=@{start}\" \"LD_PRELOAD=/usr/$LIB/faketime/libfaketimeMT.so.1\" \"{Executable}\" {arguments}";
    }

    public async Task DisposeAsync()
    {
        await Simulator.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        folder.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class CliCollection : ICollectionFixture<CliFixture>
{
    public const string Name = "ocm against a simulator";
}
