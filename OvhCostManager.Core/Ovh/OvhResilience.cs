using System.Globalization;
using System.Net;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace OvhCostManager.Core.Ovh;

/// <summary>
/// What happens to a GET that fails: retried on 429/5xx/network errors/incomplete bodies with jittered exponential
/// back-off honouring <c>Retry-After</c> (capped at <see cref="OvhClientOptions.MaxRetryAfter"/>), each attempt under
/// <see cref="OvhClientOptions.RequestTimeout"/>, and failing fast while the circuit breaker is open.
/// </summary>
internal sealed class OvhResilience
{
    /// <summary>The request's path and endpoint template, for the retry log and the request counter.</summary>
    internal static readonly ResiliencePropertyKey<string> PathKey = new("ovh.path");
    internal static readonly ResiliencePropertyKey<string> TemplateKey = new("ovh.template");

    private readonly OvhClientOptions _options;
    private readonly OvhRequestCounter _counter;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public OvhResilience(OvhClientOptions options, OvhRequestCounter counter, TimeProvider time, ILogger logger)
    {
        _options = options;
        _counter = counter;
        _time = time;
        _logger = logger;
        Pipeline = BuildPipeline();
        AttemptTimeout = new ResiliencePipelineBuilder { TimeProvider = time }.AddTimeout(options.RequestTimeout).Build();
    }

    /// <summary>Retries and circuit breaker around the attempts of one request.</summary>
    public ResiliencePipeline<HttpResponseMessage> Pipeline { get; }

    /// <summary>The time limit of one attempt.</summary>
    public ResiliencePipeline AttemptTimeout { get; }

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

    internal static bool IsTransient(HttpStatusCode status) => status is HttpStatusCode.TooManyRequests
        or HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;
}
