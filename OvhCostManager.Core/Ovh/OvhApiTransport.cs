using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using OvhCostManager.Core.Ovh.Json;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace OvhCostManager.Core.Ovh;

/// <summary>How a list route is asked to return full objects (README §5 "Iceberg").</summary>
public enum OvhListMode
{
    /// <summary><c>X-Pagination-Mode: CachedObjectList-Pages</c>, pages numbered from 1, total in <c>X-Pagination-Elements</c>.</summary>
    Pages,

    /// <summary><c>X-Pagination-Mode: CachedObjectList-Cursor</c>, next page named by <c>X-Pagination-Cursor-Next</c>.</summary>
    Cursor,
}

/// <summary>
/// Read-only HTTP access to the OVH API v1: it can only send GET. Every call is signed (application key) or carries a
/// bearer token (OAuth2), goes through the process-wide limiter, is retried on 429/5xx/network errors with jittered
/// exponential back-off honouring <c>Retry-After</c>, and fails fast while the circuit breaker is open.
/// </summary>
public sealed class OvhApiTransport
{
    internal const string PaginationModeHeader = "X-Pagination-Mode";
    internal const string PaginationSizeHeader = "X-Pagination-Size";
    internal const string PaginationNumberHeader = "X-Pagination-Number";
    internal const string PaginationCursorHeader = "X-Pagination-Cursor";
    internal const string PaginationElementsHeader = "X-Pagination-Elements";
    internal const string PaginationCursorNextHeader = "X-Pagination-Cursor-Next";

    private static readonly ResiliencePropertyKey<string> PathKey = new("ovh.path");
    private static readonly ResiliencePropertyKey<string> TemplateKey = new("ovh.template");

    private readonly OvhWire _wire;
    private readonly OvhClientOptions _options;
    private readonly OvhServerClock _clock;
    private readonly OvhOAuth2TokenSource? _oauth;
    private readonly OvhRequestLimiter _limiter;
    private readonly OvhRequestCounter _counter;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
    private readonly ResiliencePipeline _attemptTimeout;

    internal OvhApiTransport(OvhWire wire, OvhClientOptions options, OvhServerClock clock, OvhOAuth2TokenSource? oauth,
        OvhRequestLimiter limiter, OvhRequestCounter counter, TimeProvider time, ILogger<OvhApiTransport> logger)
    {
        _wire = wire;
        _options = options;
        _clock = clock;
        _oauth = oauth;
        _limiter = limiter;
        _counter = counter;
        _time = time;
        _logger = logger;
        _pipeline = BuildPipeline();
        _attemptTimeout = new ResiliencePipelineBuilder { TimeProvider = time }.AddTimeout(options.RequestTimeout).Build();
    }

    /// <summary>GETs <paramref name="pathAndQuery"/> (relative to the base URL, starting with <c>/</c>, query already encoded) and reads it as <typeparamref name="T"/>.</summary>
    public async Task<T> GetAsync<T>(string pathAndQuery, CancellationToken cancellationToken = default)
    {
        var response = await SendAsync(pathAndQuery, [], cancellationToken).ConfigureAwait(false);
        return Deserialize<T>(response.Body, pathAndQuery);
    }

    /// <summary>
    /// Lists a route as full objects. Asks for CachedObjectList pages (or cursor) of <see cref="OvhClientOptions.PageSize"/>;
    /// if OVH answers with bare ids (headers ignored) or refuses the headers with 400, falls back to the id list and one
    /// GET per item at <c>{list path}/{id}</c>, with bounded concurrency. Items gone (404) between the two are skipped.
    /// </summary>
    public async Task<IReadOnlyList<T>> ListAsync<T>(string listPathAndQuery, OvhListMode mode = OvhListMode.Pages,
        CancellationToken cancellationToken = default)
    {
        var items = new List<T>();
        var page = 1;
        string? cursor = null;
        while (true)
        {
            var headers = new List<KeyValuePair<string, string>>
            {
                new(PaginationModeHeader, mode == OvhListMode.Pages ? "CachedObjectList-Pages" : "CachedObjectList-Cursor"),
                new(PaginationSizeHeader, _options.PageSize.ToString(CultureInfo.InvariantCulture)),
            };
            if (mode == OvhListMode.Pages)
            {
                headers.Add(new(PaginationNumberHeader, page.ToString(CultureInfo.InvariantCulture)));
            }
            else if (cursor is not null)
            {
                headers.Add(new(PaginationCursorHeader, cursor));
            }

            OvhResponse response;
            try
            {
                response = await SendAsync(listPathAndQuery, headers, cancellationToken).ConfigureAwait(false);
            }
            catch (OvhApiException e) when (e.StatusCode == HttpStatusCode.BadRequest && items.Count == 0)
            {
                _logger.LogInformation("OVH GET {Path} refused list expansion; fetching ids then items", OvhEndpointTemplate.PathOnly(listPathAndQuery));
                return await ListItemByItemAsync<T>(listPathAndQuery, null, cancellationToken).ConfigureAwait(false);
            }

            using var document = Parse(response.Body, listPathAndQuery);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Array)
            {
                throw new OvhApiException($"OVH GET {OvhEndpointTemplate.PathOnly(listPathAndQuery)} did not answer a list.",
                    OvhEndpointTemplate.PathOnly(listPathAndQuery));
            }

            if (root.GetArrayLength() == 0)
            {
                break;
            }

            if (root[0].ValueKind != JsonValueKind.Object)
            {
                if (items.Count > 0)
                {
                    throw new OvhApiException($"OVH GET {OvhEndpointTemplate.PathOnly(listPathAndQuery)} switched from objects to ids mid-list.",
                        OvhEndpointTemplate.PathOnly(listPathAndQuery));
                }

                return await ListItemByItemAsync<T>(listPathAndQuery, root, cancellationToken).ConfigureAwait(false);
            }

            foreach (var element in root.EnumerateArray())
            {
                items.Add(Deserialize<T>(element, listPathAndQuery));
            }

            if (mode == OvhListMode.Cursor)
            {
                cursor = response.CursorNext;
                if (string.IsNullOrEmpty(cursor))
                {
                    break;
                }
            }
            else
            {
                var complete = response.TotalElements is { } total ? items.Count >= total : root.GetArrayLength() < _options.PageSize;
                if (complete)
                {
                    break;
                }

                page++;
            }
        }

        return items;
    }

    /// <summary>GETs a list-of-ids route without expansion (ids as text: strings as-is, numbers as written).</summary>
    public async Task<IReadOnlyList<string>> ListIdsAsync(string listPathAndQuery, CancellationToken cancellationToken = default)
    {
        var response = await SendAsync(listPathAndQuery, [], cancellationToken).ConfigureAwait(false);
        using var document = Parse(response.Body, listPathAndQuery);
        return IdsOf(document.RootElement, listPathAndQuery);
    }

    private async Task<IReadOnlyList<T>> ListItemByItemAsync<T>(string listPathAndQuery, JsonElement? idsAlreadyRead, CancellationToken cancellationToken)
    {
        var ids = idsAlreadyRead is { } read
            ? IdsOf(read, listPathAndQuery)
            : await ListIdsAsync(listPathAndQuery, cancellationToken).ConfigureAwait(false);
        var itemBase = OvhEndpointTemplate.PathOnly(listPathAndQuery).TrimEnd('/');
        var results = new T?[ids.Count];
        var found = new bool[ids.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, ids.Count),
            new ParallelOptions { MaxDegreeOfParallelism = _options.MaxConcurrentRequests, CancellationToken = cancellationToken },
            async (index, token) =>
            {
                try
                {
                    results[index] = await GetAsync<T>($"{itemBase}/{Uri.EscapeDataString(ids[index])}", token).ConfigureAwait(false);
                    found[index] = true;
                }
                catch (OvhApiException e) when (e.StatusCode == HttpStatusCode.NotFound)
                {
                    _logger.LogInformation("OVH {Path} listed an item that no longer exists; skipped", itemBase);
                }
            }).ConfigureAwait(false);
        return results.Where((_, index) => found[index]).Select(item => item!).ToList();
    }

    private static List<string> IdsOf(JsonElement root, string pathAndQuery)
    {
        if (root.ValueKind != JsonValueKind.Array)
        {
            throw new OvhApiException($"OVH GET {OvhEndpointTemplate.PathOnly(pathAndQuery)} did not answer a list of ids.",
                OvhEndpointTemplate.PathOnly(pathAndQuery));
        }

        return root.EnumerateArray()
            .Select(id => id.ValueKind == JsonValueKind.String ? id.GetString()! : id.GetRawText())
            .ToList();
    }

    private async Task<OvhResponse> SendAsync(string pathAndQuery, IReadOnlyList<KeyValuePair<string, string>> headers,
        CancellationToken cancellationToken)
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
        context.Properties.Set(PathKey, path);
        context.Properties.Set(TemplateKey, template);
        HttpResponseMessage response;
        try
        {
            response = await _pipeline.ExecuteAsync(
                static (ctx, state) => state.Self.AttemptAsync(state.Url, state.Path, state.Template, state.Headers, ctx.CancellationToken),
                context, (Self: this, Url: url, Path: path, Template: template, Headers: headers)).ConfigureAwait(false);
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
                Header(response, PaginationElementsHeader) is { } total && long.TryParse(total, CultureInfo.InvariantCulture, out var count) ? count : null,
                Header(response, PaginationCursorNextHeader));
        }
    }

    private async ValueTask<HttpResponseMessage> AttemptAsync(string url, string path, string template,
        IReadOnlyList<KeyValuePair<string, string>> headers, CancellationToken cancellationToken)
    {
        using var slot = await _limiter.AcquireAsync(cancellationToken).ConfigureAwait(false);
        return await _attemptTimeout.ExecuteAsync(async token =>
        {
            var response = await SendSignedAsync(url, path, template, headers, token).ConfigureAwait(false);
            if (_oauth is not null && response.StatusCode == HttpStatusCode.Unauthorized)
            {
                response.Dispose();
                response = await SendSignedAsync(url, path, template, headers, token, renewToken: true).ConfigureAwait(false);
            }
            else if (_oauth is null && await IsTimestampRefusalAsync(response, token).ConfigureAwait(false))
            {
                _logger.LogWarning("OVH refused the timestamp of GET {Path}; measuring the server clock again", path);
                response.Dispose();
                await _clock.RemeasureAsync(token).ConfigureAwait(false);
                response = await SendSignedAsync(url, path, template, headers, token).ConfigureAwait(false);
            }

            if (response.IsSuccessStatusCode)
            {
                var body = await response.Content.ReadAsByteArrayAsync(token).ConfigureAwait(false);
                if (!IsCompleteJson(body))
                {
                    response.Dispose();
                    throw new OvhInvalidBodyException($"{body.Length} bytes received");
                }
            }

            return response;
        }, cancellationToken).ConfigureAwait(false);
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

    private ResiliencePipeline<HttpResponseMessage> BuildPipeline()
    {
        var transient = new PredicateBuilder<HttpResponseMessage>()
            .Handle<HttpRequestException>()
            .Handle<IOException>()
            .Handle<TimeoutRejectedException>()
            .Handle<OvhInvalidBodyException>()
            .HandleResult(response => IsTransient(response.StatusCode));
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = _time };
        if (_options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                ShouldHandle = transient,
                MaxRetryAttempts = _options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = _options.RetryBaseDelay,
                MaxDelay = TimeSpan.FromMinutes(1),
                DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result)),
                OnRetry = args =>
                {
                    var template = args.Context.Properties.GetValue(TemplateKey, "?");
                    _counter.RecordRetry(template);
                    _logger.LogWarning("OVH GET {Path} attempt {Attempt} failed ({Reason}); retrying in {DelayMs} ms",
                        args.Context.Properties.GetValue(PathKey, "?"), args.AttemptNumber + 1,
                        args.Outcome.Result is { } result ? ((int)result.StatusCode).ToString(CultureInfo.InvariantCulture) : args.Outcome.Exception?.GetType().Name,
                        (long)args.RetryDelay.TotalMilliseconds);
                    return ValueTask.CompletedTask;
                },
            });
        }

        builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
        {
            ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                .Handle<HttpRequestException>()
                .Handle<IOException>()
                .Handle<TimeoutRejectedException>()
                .Handle<OvhInvalidBodyException>()
                .HandleResult(response => (int)response.StatusCode >= 500),
            FailureRatio = 1.0,
            MinimumThroughput = _options.CircuitBreakerFailures,
            SamplingDuration = TimeSpan.FromMinutes(1),
            BreakDuration = _options.CircuitBreakDuration,
            OnOpened = args =>
            {
                _logger.LogError("OVH API circuit opened for {BreakSeconds} s after repeated failures", args.BreakDuration.TotalSeconds);
                return ValueTask.CompletedTask;
            },
        });
        return builder.Build();
    }

    private TimeSpan? RetryAfter(HttpResponseMessage? response)
    {
        if (response?.Headers.RetryAfter is not { } retryAfter)
        {
            return null;
        }

        var delay = retryAfter.Delta ?? (retryAfter.Date is { } date ? date - _time.GetUtcNow() : null);
        if (delay is not { } value)
        {
            return null;
        }

        // Timers may fire a millisecond early; a small margin keeps the retry after the moment OVH named.
        value += RetryAfterMargin;
        return value < TimeSpan.Zero ? TimeSpan.Zero : value > _options.MaxRetryAfter ? _options.MaxRetryAfter : value;
    }

    private static readonly TimeSpan RetryAfterMargin = TimeSpan.FromMilliseconds(20);

    private static bool IsTransient(HttpStatusCode status) => status is HttpStatusCode.TooManyRequests
        or HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

    private static OvhApiException ErrorOf(string path, HttpResponseMessage response, byte[] body)
    {
        var error = OvhError.Parse(body);
        var queryId = Header(response, "X-Ovh-Queryid");
        var status = (int)response.StatusCode;
        var said = string.Join(": ", new[] { error.Class ?? error.ErrorCode, error.Message }.Where(part => !string.IsNullOrWhiteSpace(part)));
        var message = $"OVH GET {path} answered {status} {response.ReasonPhrase}" +
                      (said.Length > 0 ? $" — {said}" : "") +
                      (queryId is not null ? $" (query id {queryId})" : "") + ".";
        return IsTransient(response.StatusCode)
            ? new OvhApiUnavailableException(message, path, response.StatusCode, error.Class, error.ErrorCode, error.Message, queryId)
            : new OvhApiException(message, path, response.StatusCode, error.Class, error.ErrorCode, error.Message, queryId);
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private static bool IsCompleteJson(byte[] body)
    {
        if (body.Length == 0)
        {
            return false;
        }

        try
        {
            var reader = new Utf8JsonReader(body, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
            reader.Read();
            reader.Skip();
            return !reader.Read();
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static JsonDocument Parse(byte[] body, string pathAndQuery)
    {
        try
        {
            return JsonDocument.Parse(body);
        }
        catch (JsonException e)
        {
            var path = OvhEndpointTemplate.PathOnly(pathAndQuery);
            throw new OvhApiException($"OVH GET {path} answered invalid JSON.", path, inner: e);
        }
    }

    private static T Deserialize<T>(byte[] body, string pathAndQuery)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(body, OvhJson.Options) ?? throw new JsonException("null document");
        }
        catch (JsonException e)
        {
            var path = OvhEndpointTemplate.PathOnly(pathAndQuery);
            throw new OvhApiException($"OVH GET {path} answered JSON that does not fit {typeof(T).Name}: {e.Message}", path, inner: e);
        }
    }

    private static T Deserialize<T>(JsonElement element, string pathAndQuery)
    {
        try
        {
            return element.Deserialize<T>(OvhJson.Options) ?? throw new JsonException("null item");
        }
        catch (JsonException e)
        {
            var path = OvhEndpointTemplate.PathOnly(pathAndQuery);
            throw new OvhApiException($"OVH GET {path} listed an item that does not fit {typeof(T).Name}: {e.Message}", path, inner: e);
        }
    }

    /// <summary>
    /// The signed URL must be the URL sent, byte for byte: canonicalisation is disabled so nothing is re-encoded.
    /// </summary>
    internal static Uri ExactUri(string absoluteUrl) =>
        new(absoluteUrl, new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });

    private sealed record OvhResponse(byte[] Body, long? TotalElements, string? CursorNext);
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
