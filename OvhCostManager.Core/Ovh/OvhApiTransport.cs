using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace OvhCostManager.Core.Ovh;

/// <summary>
/// Read-only HTTP access to the OVH API v1: it can only send GET. Every call is signed (application key) or carries a
/// bearer token (OAuth2), except the public catalogue's (<see cref="GetPublicAsync{T}"/>), goes through the process-wide limiter and the resilience pipeline (<see cref="OvhResilience"/>);
/// lists are read page by page by <see cref="OvhPagination"/>.
/// </summary>
public sealed class OvhApiTransport
{
    private readonly OvhWire _wire;
    private readonly OvhClientOptions _options;
    private readonly OvhServerClock _clock;
    private readonly OvhOAuth2TokenSource? _oauth;
    private readonly OvhRequestLimiter _limiter;
    private readonly ILogger _logger;
    private readonly OvhResilience _resilience;
    private readonly OvhPagination _pagination;

    internal OvhApiTransport(OvhWire wire, OvhClientOptions options, OvhServerClock clock, OvhOAuth2TokenSource? oauth,
        OvhRequestLimiter limiter, OvhRequestCounter counter, TimeProvider time, ILogger<OvhApiTransport> logger)
    {
        _wire = wire;
        _options = options;
        _clock = clock;
        _oauth = oauth;
        _limiter = limiter;
        _logger = logger;
        _resilience = new OvhResilience(options, counter, time, logger);
        _pagination = new OvhPagination(this, options, logger);
    }

    /// <summary>GETs <paramref name="pathAndQuery"/> (relative to the base URL, starting with <c>/</c>, query already encoded) and reads it as <typeparamref name="T"/>.</summary>
    public async Task<T> GetAsync<T>(string pathAndQuery, CancellationToken cancellationToken = default)
    {
        var response = await SendAsync(pathAndQuery, [], cancellationToken).ConfigureAwait(false);
        return OvhJsonBody.Deserialize<T>(response.Body, pathAndQuery);
    }

    /// <summary>
    /// GETs a route OVH serves without authentication (<c>/order/catalog/public/…</c>) unsigned: no key is sent where none
    /// is needed, and the consumer key's access rules need not cover it. Same limiter and resilience as signed calls.
    /// </summary>
    public async Task<T> GetPublicAsync<T>(string pathAndQuery, CancellationToken cancellationToken = default)
    {
        var response = await SendAsync(pathAndQuery, [], cancellationToken, signed: false).ConfigureAwait(false);
        return OvhJsonBody.Deserialize<T>(response.Body, pathAndQuery);
    }

    /// <summary>
    /// Lists a route as full objects. Asks for CachedObjectList pages (or cursor) of <see cref="OvhClientOptions.PageSize"/>;
    /// if OVH answers with bare ids (headers ignored) or refuses the headers with 400, falls back to the id list and one
    /// GET per item at <c>{list path}/{id}</c>, with bounded concurrency. Items gone (404) between the two are skipped.
    /// </summary>
    public Task<IReadOnlyList<T>> ListAsync<T>(string listPathAndQuery, OvhListMode mode = OvhListMode.Pages, CancellationToken cancellationToken = default) =>
        _pagination.ListAsync<T>(listPathAndQuery, mode, cancellationToken);

    /// <summary>GETs a list-of-ids route without expansion (ids as text: strings as-is, numbers as written).</summary>
    public Task<IReadOnlyList<string>> ListIdsAsync(string listPathAndQuery, CancellationToken cancellationToken = default) =>
        _pagination.ListIdsAsync(listPathAndQuery, cancellationToken);

    /// <summary>One signed GET through the limiter and the resilience pipeline, with the extra request headers given.</summary>
    internal async Task<OvhResponse> SendAsync(string pathAndQuery, IReadOnlyList<KeyValuePair<string, string>> headers,
        CancellationToken cancellationToken, bool signed = true)
    {
        if (!pathAndQuery.StartsWith('/'))
        {
            throw new ArgumentException("An OVH API path starts with '/'.", nameof(pathAndQuery));
        }

        if (!_options.HasCredentials)
        {
            throw new OvhApiException("No OVH credentials are configured: set Ovh:ApplicationKey, Ovh:ApplicationSecret and " +
                                      "Ovh:ConsumerKey, or Ovh:ClientId and Ovh:ClientSecret.", OvhEndpointTemplate.PathOnly(pathAndQuery));
        }

        var path = OvhEndpointTemplate.PathOnly(pathAndQuery);
        var template = OvhEndpointTemplate.Of(pathAndQuery);
        var url = _wire.BaseUrl + pathAndQuery;
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(OvhResilience.PathKey, path);
        context.Properties.Set(OvhResilience.TemplateKey, template);
        HttpResponseMessage response;
        try
        {
            response = await _resilience.Pipeline.ExecuteAsync(
                static (ctx, state) => state.Self.AttemptAsync(state.Url, state.Path, state.Template, state.Headers, state.Signed, ctx.CancellationToken),
                context, (Self: this, Url: url, Path: path, Template: template, Headers: headers, Signed: signed)).ConfigureAwait(false);
        }
        catch (BrokenCircuitException e)
        {
            throw new OvhApiUnavailableException(
                $"OVH API is failing repeatedly; GET {path} was not sent (circuit open, retry in {e.RetryAfter?.TotalSeconds ?? _options.CircuitBreakDuration.TotalSeconds:0} s).",
                path, inner: e);
        }
        catch (OvhInvalidBodyException e)
        {
            throw new OvhApiException($"OVH answered GET {path} with an incomplete or invalid JSON body ({e.Message}), " +
                                      $"even after {_options.MaxRetries} retries.", path, inner: e);
        }
        catch (Exception e) when (e is HttpRequestException or IOException or TimeoutRejectedException)
        {
            throw new OvhApiUnavailableException($"OVH API could not be reached for GET {path} after {_options.MaxRetries} retries: {e.Message}",
                path, inner: e);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }

        using (response)
        {
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw ErrorOf(path, response, body);
            }

            return new OvhResponse(body,
                Header(response, OvhPagination.PaginationElementsHeader) is { } total && long.TryParse(total, CultureInfo.InvariantCulture, out var count) ? count : null,
                Header(response, OvhPagination.PaginationCursorNextHeader));
        }
    }

    private async ValueTask<HttpResponseMessage> AttemptAsync(string url, string path, string template,
        IReadOnlyList<KeyValuePair<string, string>> headers, bool signed, CancellationToken cancellationToken)
    {
        using var slot = await _limiter.AcquireAsync(cancellationToken).ConfigureAwait(false);
        return await _resilience.AttemptTimeout.ExecuteAsync(async token =>
        {
            var response = signed
                ? await SendSignedAsync(url, path, template, headers, token).ConfigureAwait(false)
                : await SendUnsignedAsync(url, path, template, token).ConfigureAwait(false);
            if (signed && _oauth is not null && response.StatusCode == HttpStatusCode.Unauthorized)
            {
                response.Dispose();
                response = await SendSignedAsync(url, path, template, headers, token, renewToken: true).ConfigureAwait(false);
            }
            else if (signed && _oauth is null && await IsTimestampRefusalAsync(response, token).ConfigureAwait(false))
            {
                _logger.LogWarning("OVH refused the timestamp of GET {Path}; measuring the server clock again", path);
                response.Dispose();
                await _clock.RemeasureAsync(token).ConfigureAwait(false);
                response = await SendSignedAsync(url, path, template, headers, token).ConfigureAwait(false);
            }

            if (response.IsSuccessStatusCode)
            {
                var body = await response.Content.ReadAsByteArrayAsync(token).ConfigureAwait(false);
                if (!OvhJsonBody.IsCompleteJson(body))
                {
                    response.Dispose();
                    throw new OvhInvalidBodyException($"{body.Length} bytes received");
                }
            }

            return response;
        }, cancellationToken).ConfigureAwait(false);
    }

    private async Task<HttpResponseMessage> SendUnsignedAsync(string url, string path, string template, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, ExactUri(url));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return await _wire.SendAsync(request, path, template, cancellationToken).ConfigureAwait(false);
    }

    private async Task<HttpResponseMessage> SendSignedAsync(string url, string path, string template,
        IReadOnlyList<KeyValuePair<string, string>> headers, CancellationToken cancellationToken, bool renewToken = false)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, ExactUri(url));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        if (_oauth is not null)
        {
            var token = await _oauth.GetTokenAsync(cancellationToken).ConfigureAwait(false);
            if (renewToken)
            {
                _oauth.Invalidate(token);
                token = await _oauth.GetTokenAsync(cancellationToken).ConfigureAwait(false);
            }

            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        else
        {
            var timestamp = await _clock.GetServerTimeAsync(cancellationToken).ConfigureAwait(false);
            request.Headers.TryAddWithoutValidation("X-Ovh-Application", _options.ApplicationKey);
            request.Headers.TryAddWithoutValidation("X-Ovh-Consumer", _options.ConsumerKey);
            request.Headers.TryAddWithoutValidation("X-Ovh-Timestamp", timestamp.ToString(CultureInfo.InvariantCulture));
            request.Headers.TryAddWithoutValidation("X-Ovh-Signature",
                OvhRequestSigner.Sign(_options.ApplicationSecret!, _options.ConsumerKey!, "GET", url, "", timestamp));
        }

        return await _wire.SendAsync(request, path, template, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// OVH's wording for a refused timestamp is not documented; a signature or credential refusal may also come from a
    /// drifted clock (README §3), so any such 400/401 — or a message that mentions the time — triggers one re-measure.
    /// </summary>
    private static async Task<bool> IsTimestampRefusalAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.StatusCode is not (HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden))
        {
            return false;
        }

        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var error = OvhError.Parse(body);
        var code = error.ErrorCode ?? "";
        var message = error.Message ?? "";
        return code is "QUERY_TIME_OUT" or "INVALID_TIMESTAMP" or "TIMESTAMP_OUT_OF_RANGE" or "INVALID_SIGNATURE"
               || message.Contains("timestamp", StringComparison.OrdinalIgnoreCase)
               || message.Contains("out of time", StringComparison.OrdinalIgnoreCase)
               || message.Contains("Invalid signature", StringComparison.OrdinalIgnoreCase);
    }

    private static OvhApiException ErrorOf(string path, HttpResponseMessage response, byte[] body)
    {
        var error = OvhError.Parse(body);
        var queryId = Header(response, "X-Ovh-Queryid");
        var status = (int)response.StatusCode;
        var said = string.Join(": ", new[] { error.Class ?? error.ErrorCode, error.Message }.Where(part => !string.IsNullOrWhiteSpace(part)));
        var message = $"OVH GET {path} answered {status} {response.ReasonPhrase}" +
                      (said.Length > 0 ? $" — {said}" : "") +
                      (queryId is not null ? $" (query id {queryId})" : "") + ".";
        return OvhResilience.IsTransient(response.StatusCode)
            ? new OvhApiUnavailableException(message, path, response.StatusCode, error.Class, error.ErrorCode, error.Message, queryId)
            : new OvhApiException(message, path, response.StatusCode, error.Class, error.ErrorCode, error.Message, queryId);
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    /// <summary>
    /// The signed URL must be the URL sent, byte for byte: canonicalisation is disabled so nothing is re-encoded.
    /// </summary>
    internal static Uri ExactUri(string absoluteUrl) =>
        new(absoluteUrl, new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });

    internal sealed record OvhResponse(byte[] Body, long? TotalElements, string? CursorNext);
}

/// <summary>An OVH error body; <c>class</c> (current shape) and <c>errorCode</c> (legacy shape) are read independently.</summary>
internal sealed record OvhError(string? Class, string? ErrorCode, string? Message)
{
    public static OvhError Parse(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return new OvhError(null, null, null);
            }

            return new OvhError(Text(root, "class"), Text(root, "errorCode"), Text(root, "message"));
        }
        catch (JsonException)
        {
            return new OvhError(null, null, null);
        }

        static string? Text(JsonElement root, string name) =>
            root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
    }
}
