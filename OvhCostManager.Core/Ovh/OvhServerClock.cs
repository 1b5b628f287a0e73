using System.Globalization;
using Microsoft.Extensions.Logging;

namespace OvhCostManager.Core.Ovh;

/// <summary>
/// OVH's clock as seen from here. Signed requests carry OVH's time, not ours: the offset to <c>GET /auth/time</c> is
/// measured once, lazily, and measured again when OVH rejects a request's timestamp.
/// </summary>
public sealed class OvhServerClock
{
    public const string TimePath = "/auth/time";

    private readonly OvhWire _wire;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _measuring = new(1, 1);
    private long? _offsetSeconds;

    internal OvhServerClock(OvhWire wire, TimeProvider time, ILogger<OvhServerClock> logger)
    {
        _wire = wire;
        _time = time;
        _logger = logger;
    }

    /// <summary>OVH time minus local time, once measured.</summary>
    public TimeSpan? Offset => _offsetSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : null;

    /// <summary>OVH's current time in Unix seconds, measuring the offset first if needed.</summary>
    public async ValueTask<long> GetServerTimeAsync(CancellationToken cancellationToken)
    {
        if (_offsetSeconds is not { } offset)
        {
            await _measuring.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                offset = _offsetSeconds ?? await MeasureCoreAsync(cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                _measuring.Release();
            }
        }

        return _time.GetUtcNow().ToUnixTimeSeconds() + offset;
    }

    /// <summary>Reads <c>/auth/time</c> again (after OVH refused a timestamp).</summary>
    public async Task RemeasureAsync(CancellationToken cancellationToken)
    {
        await _measuring.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await MeasureCoreAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _measuring.Release();
        }
    }

    private async Task<long> MeasureCoreAsync(CancellationToken cancellationToken)
    {
        var body = await _wire.GetUnauthenticatedAsync(TimePath, cancellationToken).ConfigureAwait(false);
        if (!long.TryParse(body.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var serverTime))
        {
            throw new OvhInvalidBodyException("GET /auth/time did not answer a number of seconds.");
        }

        var offset = serverTime - _time.GetUtcNow().ToUnixTimeSeconds();
        _offsetSeconds = offset;
        _logger.LogInformation("OVH server clock offset measured: {OffsetSeconds} s", offset);
        return offset;
    }
}
