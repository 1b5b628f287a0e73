using System.Globalization;

namespace OvhCostManager.Simulator;

/// <summary>
/// The simulator's "now": an inner provider (ticking) shifted by a settable offset, or a frozen instant.
/// Tests move it with <see cref="SetNow"/> / <see cref="Advance"/>; the account follows (consumption, new bills).
/// </summary>
public sealed class SimulatorClock : TimeProvider
{
    private readonly TimeProvider inner;
    private readonly object sync = new();
    private TimeSpan offset;
    private DateTimeOffset? frozenAt;

    public SimulatorClock(TimeProvider? inner = null, DateTimeOffset? start = null)
    {
        this.inner = inner ?? System;
        if (start is { } s) offset = s - this.inner.GetUtcNow();
    }

    /// <summary>A clock that does not move by itself.</summary>
    public static SimulatorClock Frozen(DateTimeOffset now)
    {
        var clock = new SimulatorClock();
        clock.frozenAt = now.ToUniversalTime();
        return clock;
    }

    public bool IsFrozen => frozenAt is not null;

    private const string InstantFormat = "yyyy-MM-dd'T'HH:mm:sszzz";

    /// <summary>Reads an instant written with its offset (<c>2026-11-18T10:00:00+01:00</c> or <c>…Z</c>), as settings give it.</summary>
    public static bool TryParseInstant(string text, out DateTimeOffset instant) =>
        DateTimeOffset.TryParseExact(text, [InstantFormat, "yyyy-MM-dd'T'HH:mm:ss'Z'"], CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal, out instant);

    /// <summary>An instant as <see cref="TryParseInstant"/> reads it (the <c>Demo:Now</c> and <c>--now</c> settings).</summary>
    public static string FormatInstant(DateTimeOffset instant) => instant.ToString(InstantFormat, CultureInfo.InvariantCulture);

    public override DateTimeOffset GetUtcNow()
    {
        lock (sync)
        {
            return frozenAt ?? inner.GetUtcNow() + offset;
        }
    }

    public override TimeZoneInfo LocalTimeZone => ParisTime.Zone;

    public void SetNow(DateTimeOffset now)
    {
        lock (sync)
        {
            if (frozenAt is not null) frozenAt = now.ToUniversalTime();
            else offset = now - inner.GetUtcNow();
        }
    }

    public void Advance(TimeSpan delta)
    {
        lock (sync)
        {
            if (frozenAt is { } f) frozenAt = f + delta;
            else offset += delta;
        }
    }
}
