using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace OvhCostManager.Core.Ovh;

/// <summary>
/// OAuth2 client-credentials token of an OVH service account (README §4): fetched from the region's token URL,
/// cached until it expires, dropped when the API answers 401. This is the only non-GET call, and it goes to the
/// token URL, never to the API.
/// </summary>
internal sealed class OvhOAuth2TokenSource(OvhWire wire, OvhClientOptions options, TimeProvider time)
{
    private static readonly TimeSpan ExpiryMargin = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _token;
    private DateTimeOffset _expiresAt;

    public async ValueTask<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        if (_token is { } cached && time.GetUtcNow() < _expiresAt)
        {
            return cached;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_token is { } again && time.GetUtcNow() < _expiresAt)
            {
                return again;
            }

            var (token, lifetime) = await FetchAsync(cancellationToken).ConfigureAwait(false);
            _token = token;
            _expiresAt = time.GetUtcNow() + lifetime - ExpiryMargin;
            return token;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Invalidate(string token) => Interlocked.CompareExchange(ref _token, null, token);

    private async Task<(string Token, TimeSpan Lifetime)> FetchAsync(CancellationToken cancellationToken)
    {
        var tokenUrl = options.ResolvedTokenUrl;
        using var request = new HttpRequestMessage(HttpMethod.Post, tokenUrl)
        {
            Content = new FormUrlEncodedContent([new("grant_type", "client_credentials"), new("scope", "all")]),
        };
        // RFC 6749 §2.3.1: id and secret are form-encoded, then joined for HTTP Basic.
        var basic = Uri.EscapeDataString(options.ClientId!) + ":" + Uri.EscapeDataString(options.ClientSecret!);
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(basic)));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

        var path = new Uri(tokenUrl).AbsolutePath;
        using var response = await wire.SendAsync(request, path, "/auth/oauth2/token", cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if ((int)response.StatusCode >= 500)
        {
            throw new HttpRequestException($"OVH OAuth2 token endpoint answered {(int)response.StatusCode}.", null, response.StatusCode);
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (!response.IsSuccessStatusCode)
            {
                var error = root.TryGetProperty("error", out var e) ? e.GetString() : null;
                var description = root.TryGetProperty("error_description", out var d) ? d.GetString() : null;
                throw new OvhApiException(
                    $"OVH OAuth2 token request (POST {path}) was refused: {(int)response.StatusCode} {error} {description}".TrimEnd() +
                    ". Check Ovh:ClientId and Ovh:ClientSecret.",
                    path, response.StatusCode, errorCode: error, ovhMessage: description);
            }

            var token = root.GetProperty("access_token").GetString();
            if (string.IsNullOrEmpty(token))
            {
                throw new OvhInvalidBodyException("The OAuth2 token response has no access_token.");
            }

            var lifetime = root.TryGetProperty("expires_in", out var expires) && expires.TryGetInt64(out var seconds)
                ? TimeSpan.FromSeconds(seconds)
                : TimeSpan.FromHours(1);
            return (token, lifetime);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new OvhApiException($"OVH OAuth2 token endpoint (POST {path}) answered {(int)response.StatusCode} without a readable token.",
                path, response.StatusCode, inner: e);
        }
    }
}
