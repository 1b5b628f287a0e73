using System.Collections.Concurrent;
using System.Diagnostics;

namespace OvhCostManager.Tests.Infrastructure;

/// <summary>
/// The dashboard as production runs it: the output of the same <c>dotnet publish</c> the README and the Dockerfile use,
/// started as its own process (Production environment) on a free loopback port.
/// </summary>
public static class PublishedApp
{
    public const string PublishArguments = "publish OvhCostManager.Web/OvhCostManager.Web.csproj -c Release -o";

    /// <summary>A folder holding the published app already; the tests then start it without publishing.</summary>
    public const string PublishedDirectoryVariable = "OCM_PUBLISHED_APP";

    private static readonly SemaphoreSlim PublishLock = new(1, 1);
    private static string? publishedDirectory;

    /// <summary>A simulator's client settings (<c>Ovh:*</c>, its certificate included) as environment variables of a process.</summary>
    public static Dictionary<string, string> EnvironmentOf(OvhCostManager.Simulator.SimulatorServer simulator) =>
        simulator.ClientSettings.Where(s => s.Value is not null).ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value!);

    public static async Task<string> PublishAsync()
    {
        await PublishLock.WaitAsync();
        try
        {
            if (publishedDirectory is not null)
            {
                return publishedDirectory;
            }

            // ./test.sh publishes once before its date-shifted runs: a publish under a moved clock would stamp the
            // output with that date and make later builds at the real date skip it as newer than its sources.
            if (Environment.GetEnvironmentVariable(PublishedDirectoryVariable) is { Length: > 0 } given)
            {
                return publishedDirectory = given;
            }

            var output = Path.Combine(RepositoryPaths.Root, "artifacts", "test-publish");
            var (exitCode, log) = await RunAsync("dotnet", $"{PublishArguments} \"{output}\" --nologo", RepositoryPaths.Root, TimeSpan.FromMinutes(8));
            if (exitCode != 0)
            {
                throw new InvalidOperationException($"dotnet publish failed ({exitCode}):\n{log}");
            }

            publishedDirectory = output;
            return output;
        }
        finally
        {
            PublishLock.Release();
        }
    }

    /// <summary>
    /// Starts the published app; <paramref name="environment"/> adds or overrides settings (e.g. <c>Data__Directory</c>).
    /// Pass <paramref name="port"/> when another party must know the URL beforehand (an OIDC provider's redirect URIs).
    /// </summary>
    public static async Task<RunningApp> StartAsync(IDictionary<string, string>? environment = null, string? workingDirectory = null, int? port = null)
    {
        var directory = await PublishAsync();
        port ??= FreePort.Next();
        var info = new ProcessStartInfo(Path.Combine(directory, "OvhCostManager.Web"))
        {
            // Started away from its folder on purpose: the app must find its own wwwroot.
            WorkingDirectory = workingDirectory ?? Path.GetTempPath(),
            // A pipe, not the terminal: a background process that sets terminal modes is stopped (SIGTTOU).
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["Logging__Console__FormatterName"] = "simple";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        var app = new RunningApp(Process.Start(info)!, new Uri($"http://127.0.0.1:{port}"));
        await app.WaitUntilHealthyAsync(TimeSpan.FromSeconds(90));
        return app;
    }

    public static async Task<(int ExitCode, string Output)> RunAsync(string fileName, string arguments, string workingDirectory, TimeSpan timeout, IDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo(fileName, arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {arguments} did not finish within {timeout}.");
        }

        return (process.ExitCode, await stdout + await stderr);
    }
}

/// <summary>A started dashboard process; its console output is kept for assertions and failure messages.</summary>
public sealed class RunningApp : IAsyncDisposable
{
    private readonly Process process;
    private readonly ConcurrentQueue<string> output = new();

    private bool disposed;

    public RunningApp(Process process, Uri baseUrl)
    {
        this.process = process;
        BaseUrl = baseUrl;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) output.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) output.Enqueue(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Uri BaseUrl { get; }

    public string Output => string.Join('\n', output);

    public HttpClient CreateClient(bool followRedirects = true) =>
        new(new HttpClientHandler { AllowAutoRedirect = followRedirects, UseCookies = false }) { BaseAddress = BaseUrl };

    public async Task WaitUntilHealthyAsync(TimeSpan timeout)
    {
        using var client = CreateClient();
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The dashboard exited with {process.ExitCode}:\n{Output}");
            }

            try
            {
                using var response = await client.GetAsync("/health");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"The dashboard did not become healthy within {timeout}:\n{Output}");
    }

    public async ValueTask DisposeAsync()
    {
        // A test that restarts the app stops it before the end of its scope.
        if (disposed)
        {
            return;
        }

        disposed = true;
        if (!process.HasExited)
        {
            // One process without children: a plain SIGKILL. Killing "the tree" first stops it (SIGSTOP) to list its
            // children, and a failure there would leave it stopped.
            process.Kill();
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }
}
