using OvhCostManager.Core.Costs;
using OvhCostManager.Core.Sync;

namespace OvhCostManager.Core.Alerts;

/// <summary>
/// Something an <see cref="IAlertSource"/> found worth telling people. <see cref="Key"/> identifies the event, not the
/// sync that saw it (e.g. <c>budget:account:2026-11:actual:100</c>): a candidate whose key was raised before is
/// dropped, so a source may return the same candidate after every sync.
/// </summary>
/// <param name="Kind">Names the text: <c>Alert.{Kind}</c> in <c>AlertResource</c>, with <c>{name}</c> placeholders filled from <paramref name="Parameters"/>.</param>
/// <param name="Scope">What it is about (<c>account</c>, <c>family:Cloud</c>, <c>project:{id}</c>, <c>service:{name}</c>), or null.</param>
/// <param name="Impact">The amount at stake, in the account currency, when there is one.</param>
/// <param name="Link">A path of the dashboard that shows it (<c>/budgets?month=2026-11</c>).</param>
/// <param name="Parameters">
/// Invariant-culture strings. <see cref="AlertText"/> formats by name: <c>month</c> (YYYY-MM) as the month's name, <c>day</c> and names ending in <c>On</c> (YYYY-MM-DD) as a short date,
/// <c>scope</c> as the scope's name, <c>amount</c>, <c>budget</c> and names ending in <c>Amount</c> as money in
/// <c>currency</c>, <c>percent</c> as a number; anything else as given.
/// </param>
public sealed record AlertCandidate(
    string Kind,
    string Key,
    string? Scope,
    Money? Impact,
    DateTimeOffset OccurredAtUtc,
    string? Link,
    IReadOnlyDictionary<string, string> Parameters);

/// <summary>
/// A kind of alert (budget thresholds, changes, anomalies…). After every sync, <see cref="AlertDispatcher"/> asks each
/// registered source for its candidates, stores the new ones and sends them; register a source with
/// <c>services.AddSingleton&lt;IAlertSource, MySource&gt;()</c>. A source only reads: it never sends nor stores.
/// </summary>
public interface IAlertSource
{
    Task<IReadOnlyList<AlertCandidate>> GetCandidatesAsync(SyncOutcome finished, CancellationToken cancellationToken);
}
