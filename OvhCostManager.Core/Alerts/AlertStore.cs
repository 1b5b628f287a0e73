using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OvhCostManager.Core.Data;
using OvhCostManager.Core.Data.Entities;

namespace OvhCostManager.Core.Alerts;

/// <summary>An alert as a reader sees it: read or not by that reader, and how each channel's delivery went.</summary>
public sealed record AlertView(
    long Id, string Kind, string? Scope, string Parameters, Costs.Money? Impact, DateTimeOffset OccurredAtUtc, DateTimeOffset RaisedAtUtc,
    string? Link, bool Read, IReadOnlyList<DeliveryView> Deliveries);

public sealed record DeliveryView(AlertChannel Channel, AlertDeliveryStatus Status, int Attempts, string? LastError, DateTimeOffset? DeliveredAtUtc);

/// <summary>
/// Stores alerts once per key with a pending delivery per configured channel, records each delivery attempt, and
/// keeps who has read what. A reader is the signed-in user's name, or the empty string when there is no sign-in.
/// </summary>
public sealed class AlertStore(IDbContextFactory<CostDbContext> contexts, TimeProvider time, AlertNotifier notifier)
{
    /// <summary>Stores the candidates whose key is new; returns how many were.</summary>
    public async Task<int> RaiseAsync(IEnumerable<AlertCandidate> candidates, IReadOnlyList<AlertChannel> channels, CancellationToken cancellationToken = default)
    {
        var list = candidates.DistinctBy(c => c.Key, StringComparer.Ordinal).ToList();
        if (list.Count == 0)
        {
            return 0;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var keys = list.Select(c => c.Key).ToList();
        var known = (await db.Alerts.Where(a => keys.Contains(a.Key)).Select(a => a.Key).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var now = time.GetUtcNow();
        var fresh = list.Where(c => !known.Contains(c.Key)).Select(c => new Alert
        {
            Key = c.Key,
            Kind = c.Kind,
            Scope = c.Scope,
            Parameters = JsonSerializer.Serialize(c.Parameters),
            Impact = c.Impact,
            OccurredAtUtc = c.OccurredAtUtc,
            RaisedAtUtc = now,
            Link = c.Link,
            Deliveries = channels.Select(ch => new AlertDelivery { Channel = ch, Status = AlertDeliveryStatus.Pending }).ToList(),
        }).ToList();
        db.Alerts.AddRange(fresh);
        await db.SaveChangesAsync(cancellationToken);
        if (fresh.Count > 0)
        {
            await notifier.PublishAsync();
        }

        return fresh.Count;
    }

    /// <summary>The newest alerts first, each marked read or unread for <paramref name="reader"/>.</summary>
    public async Task<IReadOnlyList<AlertView>> ListAsync(string reader, int take = 500, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var alerts = await db.Alerts.Include(a => a.Deliveries).OrderByDescending(a => a.Id).Take(take).ToListAsync(cancellationToken);
        var ids = alerts.Select(a => a.Id).ToList();
        var read = (await db.AlertReads.Where(r => r.Reader == reader && ids.Contains(r.AlertId)).Select(r => r.AlertId).ToListAsync(cancellationToken)).ToHashSet();
        return alerts.Select(a => new AlertView(a.Id, a.Kind, a.Scope, a.Parameters, a.Impact, a.OccurredAtUtc, a.RaisedAtUtc, a.Link, read.Contains(a.Id),
            a.Deliveries.OrderBy(d => d.Channel).Select(d => new DeliveryView(d.Channel, d.Status, d.Attempts, d.LastError, d.DeliveredAtUtc)).ToList())).ToList();
    }

    public async Task<int> UnreadCountAsync(string reader, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Alerts.CountAsync(a => !db.AlertReads.Any(r => r.AlertId == a.Id && r.Reader == reader), cancellationToken);
    }

    /// <summary>Marks the given alerts (every alert when null) read for <paramref name="reader"/>.</summary>
    public async Task MarkReadAsync(string reader, IReadOnlyCollection<long>? ids, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var unread = await db.Alerts
            .Where(a => (ids == null || ids.Contains(a.Id)) && !db.AlertReads.Any(r => r.AlertId == a.Id && r.Reader == reader))
            .Select(a => a.Id).ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        db.AlertReads.AddRange(unread.Select(id => new AlertRead { AlertId = id, Reader = reader, ReadAtUtc = now }));
        await db.SaveChangesAsync(cancellationToken);
        await notifier.PublishAsync();
    }

    /// <summary>Deliveries still to send (a restart resumes those a stopped process left), oldest first.</summary>
    internal async Task<IReadOnlyList<(AlertDelivery Delivery, Alert Alert)>> PendingAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.AlertDeliveries.Where(d => d.Status == AlertDeliveryStatus.Pending)
            .Join(db.Alerts, d => d.AlertId, a => a.Id, (d, a) => new { d, a })
            .OrderBy(x => x.d.Id).ToListAsync(cancellationToken);
        return rows.Select(r => (r.d, r.a)).ToList();
    }

    /// <summary>Records one attempt: delivered, or failed with its error (final once no attempt is left).</summary>
    internal async Task RecordAttemptAsync(long deliveryId, string? error, bool final, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var delivery = await db.AlertDeliveries.AsTracking().SingleAsync(d => d.Id == deliveryId, cancellationToken);
        var now = time.GetUtcNow();
        delivery.Attempts++;
        delivery.LastAttemptAtUtc = now;
        if (error is null)
        {
            delivery.Status = AlertDeliveryStatus.Delivered;
            delivery.DeliveredAtUtc = now;
        }
        else
        {
            delivery.LastError = error.Length > 1000 ? error[..1000] : error;
            delivery.Status = final ? AlertDeliveryStatus.Failed : AlertDeliveryStatus.Pending;
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
