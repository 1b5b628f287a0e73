using OvhCostManager.Core.Costs;

namespace OvhCostManager.Core.Data.Entities;

/// <summary>
/// Something a person should know (a budget threshold crossed…), raised once: <see cref="Key"/> is unique, so the
/// same crossing seen by the next sync adds nothing. The text is rendered per reader from <see cref="Kind"/> and
/// <see cref="Parameters"/>.
/// </summary>
public sealed class Alert
{
    public long Id { get; set; }
    public string Key { get; set; } = "";
    public string Kind { get; set; } = "";

    /// <summary>What it is about, for display and filtering (e.g. <c>family:Cloud</c>); null when account-wide.</summary>
    public string? Scope { get; set; }

    /// <summary>JSON object of strings (invariant culture) the text is built from.</summary>
    public string Parameters { get; set; } = "{}";

    public Money? Impact { get; set; }
    public DateTimeOffset OccurredAtUtc { get; set; }
    public DateTimeOffset RaisedAtUtc { get; set; }

    /// <summary>Path in the dashboard (<c>/budgets?month=2026-11</c>).</summary>
    public string? Link { get; set; }

    public List<AlertDelivery> Deliveries { get; set; } = [];
}

public enum AlertChannel
{
    Webhook,
    Email,

    /// <summary>The alert waits for the next e-mail digest (<c>Alerts:Digest</c>).</summary>
    Digest,
}

public enum AlertDeliveryStatus
{
    Pending,
    Delivered,
    Failed,
}

/// <summary>The sending of one alert on one channel: every attempt is counted and its last error kept.</summary>
public sealed class AlertDelivery
{
    public long Id { get; set; }
    public long AlertId { get; set; }
    public AlertChannel Channel { get; set; }
    public AlertDeliveryStatus Status { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset? LastAttemptAtUtc { get; set; }
    public DateTimeOffset? DeliveredAtUtc { get; set; }
}

/// <summary>A reader has read an alert (reader: the signed-in user, or empty without sign-in).</summary>
public sealed class AlertRead
{
    public long AlertId { get; set; }
    public string Reader { get; set; } = "";
    public DateTimeOffset ReadAtUtc { get; set; }
}
