using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace OvhCostManager.Web.Hosting.Authentication;

/// <summary>
/// Whether the OpenID Connect handler can read its provider's discovery document (through the handler's own
/// configuration manager, which caches it and refreshes the keys). While it cannot, the app is not
/// <see cref="IsReady"/> and serves nothing but <c>/health</c>: it fails closed, with a problem an operator can act on.
/// </summary>
public sealed class OidcProviderStatus(
    IOptionsMonitor<OpenIdConnectOptions> handlerOptions, IOptions<OidcOptions> options, TimeProvider time, ILogger<OidcProviderStatus> logger)
{
    /// <summary>A provider found down is asked again at most this often, so a burst of requests does not pile up on it.</summary>
    private static readonly TimeSpan RetryInterval = TimeSpan.FromSeconds(5);

    private readonly SemaphoreSlim asking = new(1, 1);
    private volatile OpenIdConnectConfiguration? configuration;
    private DateTimeOffset lastFailure = DateTimeOffset.MinValue;

    public bool IsReady => configuration is not null;

    /// <summary>Why the provider is not usable; null when ready.</summary>
    public string? Problem { get; private set; }

    /// <summary>Where the browser goes to end the provider's session too; null when the provider has none.</summary>
    public string? EndSessionEndpoint => configuration?.EndSessionEndpoint;

    /// <summary>True once the discovery document has been read; never throws, records the problem instead.</summary>
    public async Task<bool> EnsureReadyAsync(CancellationToken cancellationToken = default)
    {
        if (IsReady || time.GetUtcNow() - lastFailure < RetryInterval)
        {
            return IsReady;
        }

        await asking.WaitAsync(cancellationToken);
        try
        {
            if (IsReady)
            {
                return true;
            }

            var manager = handlerOptions.Get(OidcAuthentication.OidcScheme).ConfigurationManager!;
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(options.Value.DiscoveryTimeout);
            configuration = await manager.GetConfigurationAsync(timeout.Token);
            Problem = null;
            logger.LogInformation("OIDC provider {Issuer} discovered", configuration.Issuer);
            return true;
        }
        catch (Exception e) when (e is InvalidOperationException or HttpRequestException or OperationCanceledException or IOException)
        {
            lastFailure = time.GetUtcNow();
            Problem = $"OIDC is enabled but the provider at {options.Value.Authority} could not be reached or is misconfigured: {Describe(e)}";
            logger.LogError("{Problem}", Problem);
            return false;
        }
        finally
        {
            asking.Release();
        }
    }

    private static string Describe(Exception e)
    {
        var innermost = e;
        while (innermost.InnerException is { } inner)
        {
            innermost = inner;
        }

        return innermost is OperationCanceledException ? "no answer in time (Oidc:DiscoveryTimeout)" : innermost.Message;
    }
}
