using System.Collections.Concurrent;
using System.Diagnostics;

namespace OvhCostManager.Tests.Infrastructure;

/// <summary>
/// The npm package <c>oidc-provider</c> (pinned in <c>Oidc/provider/package-lock.json</c>, installed by <c>./test.sh</c>)
/// running as a real OpenID Connect provider on a loopback port, with one confidential client.
/// </summary>
public sealed class TestOidcProvider : IAsyncDisposable
{
    public const string ClientId = "ocm-dashboard";
    public const string ClientSecret = "test-client-secret-7f3a";

    private readonly Process process;
    private readonly ConcurrentQueue<string> output = new();

    private TestOidcProvider(Process process, Uri issuer)
    {
        this.process = process;
        Issuer = issuer;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) output.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) output.Enqueue(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>Issuer URL, without a trailing slash: what <c>Oidc:Authority</c> must be.</summary>
    public Uri Issuer { get; }

    public string Authority => Issuer.ToString().TrimEnd('/');

    public string Output => string.Join('\n', output);

    public static string Directory => Path.Combine(RepositoryPaths.Root, "OvhCostManager.Tests", "Oidc", "provider");

    /// <summary>
    /// Starts the provider for a dashboard that will listen on <paramref name="appBaseUrl"/>, and waits for its discovery
    /// document. <paramref name="idTokens"/> other than "honest" makes every ID token carry one flaw (see provider.mjs).
    /// </summary>
    public static async Task<TestOidcProvider> StartAsync(Uri appBaseUrl, string idTokens = "honest")
    {
        if (!System.IO.Directory.Exists(Path.Combine(Directory, "node_modules", "oidc-provider")))
        {
            throw new InvalidOperationException($"{Directory}/node_modules is missing: run ./test.sh, which runs `npm ci` there.");
        }

        var port = FreePort.Next();
        var app = appBaseUrl.ToString().TrimEnd('/');
        var info = new ProcessStartInfo("node")
        {
            WorkingDirectory = Directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "provider.mjs", port.ToString(), ClientId, ClientSecret, app + "/signin-oidc", app + "/account/signed-out", idTokens })
        {
            info.ArgumentList.Add(argument);
        }

        var provider = new TestOidcProvider(Process.Start(info)!, new Uri($"http://127.0.0.1:{port}"));
        await provider.WaitForDiscoveryAsync(TimeSpan.FromSeconds(30));
        return provider;
    }

    /// <summary>Fills the provider's development login form; any password is accepted.</summary>
    public static async Task SignInAsync(Microsoft.Playwright.IPage page, string login)
    {
        await page.WaitForSelectorAsync("input[name='login']");
        await page.FillAsync("input[name='login']", login);
        await page.FillAsync("input[name='password']", "any password");
        await page.ClickAsync("button[type='submit']");
    }

    private async Task WaitForDiscoveryAsync(TimeSpan timeout)
    {
        using var client = new HttpClient();
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"oidc-provider exited with {process.ExitCode}:\n{Output}");
            }

            try
            {
                using var response = await client.GetAsync(Authority + "/.well-known/openid-configuration");
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

        throw new TimeoutException($"oidc-provider did not answer within {timeout}:\n{Output}");
    }

    /// <summary>Stops the provider, as an outage would.</summary>
    public async Task StopAsync()
    {
        if (!process.HasExited)
        {
            // One process without children: a plain SIGKILL. Killing "the tree" first stops it (SIGSTOP) to list its
            // children, and a failure there would leave it stopped.
            process.Kill();
            await process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        process.Dispose();
    }
}
