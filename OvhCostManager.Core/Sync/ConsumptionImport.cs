using OvhCostManager.Core.Costs;
using OvhCostManager.Core.Data;
using OvhCostManager.Core.Data.Entities;
using OvhCostManager.Core.Ovh;
using OvhCostManager.Core.Ovh.Models;

namespace OvhCostManager.Core.Sync;

/// <summary>
/// Reads the month's pay-as-you-go consumption: a current and a forecast snapshot on every run (kept, so the month's
/// curve can be drawn) and the history of the last closed months (replaced month by month).
/// </summary>
/// <remarks>
/// OVH rule: a consumption transaction's price is the sum of its elements (one per plan code); a transaction without
/// elements is stored as one item of its own price so that the snapshot total equals OVH's.
/// </remarks>
public sealed class ConsumptionImport(IOvhApi ovh, ConsumptionStore store, TimeProvider clock)
{
    public const string StepName = "consumption";

    /// <summary>Closed months whose history each run refreshes.</summary>
    private const int HistoryMonths = 3;

    public async Task RunAsync(SyncRunRecorder run, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        var failures = 0;
        run.Report(StepName, 0, 3);
        var now = TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone);
        var thisMonth = new DateOnly(now.Year, now.Month, 1);
        var first = thisMonth.AddMonths(-HistoryMonths);

        // The three reads go out together; the readings are stored in this order.
        var current = ovh.GetConsumptionCurrentAsync(cancellationToken);
        var forecast = ovh.GetConsumptionForecastAsync(cancellationToken);
        var history = ovh.GetConsumptionHistoryAsync(StartOf(first, zone), StartOf(thisMonth, zone).AddSeconds(-1), cancellationToken);
        foreach (var (kind, read) in new (ConsumptionKind, Task<IReadOnlyList<ConsumptionTransaction>>)[]
                 {
                     (ConsumptionKind.Current, current),
                     (ConsumptionKind.Forecast, forecast),
                 })
        {
            try
            {
                var transactions = await read;
                await run.Writes.WriteAsync(() => store.AddSnapshotAsync(ToSnapshot(kind, transactions), cancellationToken), cancellationToken);
                if (kind == ConsumptionKind.Current)
                {
                    run.ConsumptionSnapshotStored = true;
                    run.CurrentConsumption = transactions;
                }
            }
            catch (Exception e) when (SyncRunRecorder.IsOvhFailure(e))
            {
                failures++;
                run.ItemFailed(StepName, $"{kind.ToString().ToLowerInvariant()} consumption", e);
            }

            run.Report(StepName, 1 + (int)kind, 3);
        }

        try
        {
            var transactions = await history;
            // The store keeps one row per month, service and plan code: OVH may split a service's month in several
            // transactions or elements, which are summed.
            var entries = transactions
                .SelectMany(t => Elements(t).Select(e => (Transaction: t, Element: e)))
                .GroupBy(x => (Month: BillingMonth.Of(x.Transaction.BeginDate, zone), x.Transaction.ServiceId, x.Element.PlanCode))
                .Select(g => new ConsumptionHistoryEntry
                {
                    ServiceId = g.Key.ServiceId,
                    PlanFamily = g.First().Element.PlanFamily,
                    PlanCode = g.Key.PlanCode,
                    Quantity = g.Sum(x => x.Element.Quantity),
                    Amount = Money.Sum(g.Select(x => x.Element.Price.Money)),
                    Currency = g.Select(x => x.Element.Price.CurrencyCode).FirstOrDefault(c => !string.IsNullOrWhiteSpace(c)) ?? "EUR",
                    PeriodStartUtc = g.Min(x => x.Transaction.BeginDate).ToUniversalTime(),
                    PeriodEndUtc = g.Max(x => x.Transaction.EndDate)?.ToUniversalTime(),
                })
                .ToList();
            var months = Enumerable.Range(0, HistoryMonths).Select(i => BillingMonth.Of(first.AddMonths(i))).ToList();
            await run.Writes.WriteAsync(() => store.ReplaceHistoryAsync(entries, months, cancellationToken), cancellationToken);
        }
        catch (Exception e) when (SyncRunRecorder.IsOvhFailure(e))
        {
            failures++;
            run.ItemFailed(StepName, "consumption history", e);
        }

        run.Report(StepName, 3, 3);
        if (failures == 3)
        {
            run.StepFailed(StepName, new OvhApiException("No consumption could be read; nothing was stored.", "/me/consumption"));
        }

        run.StepDone(StepName);
    }

    private static ConsumptionSnapshot ToSnapshot(ConsumptionKind kind, IReadOnlyList<ConsumptionTransaction> transactions)
    {
        var snapshot = new ConsumptionSnapshot
        {
            Kind = kind,
            PeriodStartUtc = transactions.Count == 0 ? null : transactions.Min(t => t.BeginDate).ToUniversalTime(),
            PeriodEndUtc = transactions.Select(t => t.EndDate).Where(d => d is not null).Max()?.ToUniversalTime(),
            Currency = transactions.Select(t => t.Price.CurrencyCode).FirstOrDefault(c => !string.IsNullOrWhiteSpace(c)) ?? "EUR",
        };
        foreach (var transaction in transactions)
        {
            foreach (var element in Elements(transaction))
            {
                snapshot.Items.Add(new ConsumptionSnapshotItem
                {
                    ServiceId = transaction.ServiceId,
                    PlanFamily = element.PlanFamily,
                    PlanCode = element.PlanCode,
                    Quantity = element.Quantity,
                    Amount = element.Price.Money,
                });
            }
        }

        return snapshot;
    }

    private static IReadOnlyList<ConsumptionElement> Elements(ConsumptionTransaction transaction) =>
        transaction.Elements.Count > 0
            ? transaction.Elements
            : [new ConsumptionElement { PlanCode = "", PlanFamily = "", Price = transaction.Price, Quantity = 0 }];

    private static DateTimeOffset StartOf(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}
