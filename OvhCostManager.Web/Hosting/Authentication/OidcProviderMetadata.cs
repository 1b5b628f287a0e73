using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace OvhCostManager.Web.Hosting.Authentication;

/// <summary>
/// The provider's discovery document and signing keys, fetched at start-up and cached.
/// While they are missing the app is not <see cref="IsReady"/> and serves nothing but <c>/health</c>: it fails closed.
/// </summary>
public sealed class OidcProviderMetadata(IOptions<OidcOptions> options, IHttpClientFactory httpClients, TimeProvider time, ILogger<OidcProviderMetadata> logger)
{
    public const string HttpClientName = "oidc";
    private static readonly TimeSpan RetryInterval = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim loading = new(1, 1);
    private DateTimeOffset lastAttempt = DateTimeOffset.MinValue;
    private DateTimeOffset lastKeyRefresh = DateTimeOffset.MinValue;
    private volatile Endpoints? endpoints;
    private volatile IReadOnlyList<SigningKey> keys = [];

    public sealed record Endpoints(string Issuer, string Authorization, string Token, string UserInfo, string? EndSession, string JwksUri);

    public sealed record SigningKey(string? KeyId, RSAParameters Rsa);

    public bool IsReady => endpoints is not null;

    /// <summary>Why the provider is not usable, in words an operator can act on; null when ready.</summary>
    public string? Problem { get; private set; }

    public Endpoints Current => endpoints ?? throw new InvalidOperationException(Problem ?? "OIDC discovery has not run.");

    public IReadOnlyList<SigningKey> Keys => keys;

    /// <summary>Reads the discovery document and the JWKS; never throws, records the problem instead.</summary>
    public async Task LoadAsync(CancellationToken cancellationToken = default)
    {
        await loading.WaitAsync(cancellationToken);
        try
        {
            if (IsReady)
            {
                return;
            }

            lastAttempt = time.GetUtcNow();
            var authority = options.Value.Authority!.TrimEnd('/');
            try
            {
                using var client = CreateClient();
                using var document = await GetJsonAsync(client, authority + "/.well-known/openid-configuration", cancellationToken);
                var root = document.RootElement;
                var issuer = Required(root, "issuer");
                if (!string.Equals(issuer.TrimEnd('/'), authority, StringComparison.Ordinal))
                {
                    throw new InvalidDataException($"its discovery document names the issuer '{issuer}', not the configured Oidc:Authority");
                }

                var discovered = new Endpoints(
                    issuer,
                    RequiredUrl(root, "authorization_endpoint"),
                    RequiredUrl(root, "token_endpoint"),
                    RequiredUrl(root, "userinfo_endpoint"),
                    root.TryGetProperty("end_session_endpoint", out var endSession) ? endSession.GetString() : null,
                    RequiredUrl(root, "jwks_uri"));
                keys = await FetchKeysAsync(client, discovered.JwksUri, cancellationToken);
                lastKeyRefresh = time.GetUtcNow();
                endpoints = discovered;
                Problem = null;
                logger.LogInformation("OIDC provider {Issuer} discovered", issuer);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException or InvalidDataException or KeyNotFoundException or InvalidOperationException or FormatException)
            {
                Problem = $"OIDC is enabled but the provider at {authority} could not be reached or is misconfigured: {Describe(e)}";
                logger.LogError("{Problem}", Problem);
            }
        }
        finally
        {
            loading.Release();
        }
    }

    /// <summary>Retries discovery at most every 30 seconds, so a provider that comes back is picked up without a restart.</summary>
    public async Task<bool> EnsureReadyAsync(CancellationToken cancellationToken)
    {
        if (!IsReady && time.GetUtcNow() - lastAttempt >= RetryInterval)
        {
            await LoadAsync(cancellationToken);
        }

        return IsReady;
    }

    /// <summary>Keys rotate: an unknown key id refreshes the JWKS, at most once a minute.</summary>
    public async Task<IReadOnlyList<SigningKey>> RefreshKeysAsync(CancellationToken cancellationToken)
    {
        if (time.GetUtcNow() - lastKeyRefresh < TimeSpan.FromMinutes(1))
        {
            return keys;
        }

        lastKeyRefresh = time.GetUtcNow();
        using var client = CreateClient();
        keys = await FetchKeysAsync(client, Current.JwksUri, cancellationToken);
        return keys;
    }

    private HttpClient CreateClient()
    {
        var client = httpClients.CreateClient(HttpClientName);
        client.Timeout = options.Value.DiscoveryTimeout;
        return client;
    }

    private static async Task<JsonDocument> GetJsonAsync(HttpClient client, string url, CancellationToken cancellationToken)
    {
        using var response = await client.GetAsync(url, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidDataException($"GET {url} answered {(int)response.StatusCode}");
        }

        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        return await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
    }

    private static async Task<IReadOnlyList<SigningKey>> FetchKeysAsync(HttpClient client, string jwksUri, CancellationToken cancellationToken)
    {
        using var jwks = await GetJsonAsync(client, jwksUri, cancellationToken);
        var found = new List<SigningKey>();
        foreach (var key in jwks.RootElement.GetProperty("keys").EnumerateArray())
        {
            var use = key.TryGetProperty("use", out var u) ? u.GetString() : "sig";
            if (key.TryGetProperty("kty", out var kty) && kty.GetString() == "RSA" && use == "sig")
            {
                found.Add(new SigningKey(
                    key.TryGetProperty("kid", out var kid) ? kid.GetString() : null,
                    new RSAParameters { Modulus = System.Buffers.Text.Base64Url.DecodeFromChars(Required(key, "n")), Exponent = System.Buffers.Text.Base64Url.DecodeFromChars(Required(key, "e")) }));
            }
        }

        return found.Count > 0 ? found : throw new InvalidDataException($"{jwksUri} holds no RSA signing key");
    }

    private static string Required(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : throw new InvalidDataException($"'{name}' is missing");

    private static string RequiredUrl(JsonElement element, string name)
    {
        var url = Required(element, name);
        return Uri.TryCreate(url, UriKind.Absolute, out _) ? url : throw new InvalidDataException($"'{name}' is not an absolute URL");
    }

    private static string Describe(Exception e) => e switch
    {
        TaskCanceledException => "no answer within Oidc:DiscoveryTimeout",
        HttpRequestException http => http.Message,
        JsonException => "the discovery document is not valid JSON",
        _ => e.Message,
    };
}
