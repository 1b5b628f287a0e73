using System.Globalization;
using Microsoft.Extensions.Options;
using OvhCostManager.Core.Changes;
using OvhCostManager.Core.Costs;
using OvhCostManager.Core.Sync;

namespace OvhCostManager.Core.Alerts;

/// <summary>
/// The day's changes whose effect reaches <see cref="AlertOptions.MinimumChangeImpact"/> a month (either way): instances,
/// usage jumps, new or vanished bill lines, services renewed, expiring or expired (at their price; unpriced ones stay
/// on the Changes page only), and every anomaly of the day (the anomaly rule has its own € floor). Keys are the
/// changes' own, one per change and day, so a change seen by every sync of its day raises one alert.
/// </summary>
public sealed class ChangeAlertSource(DailyChangesQuery changes, IOptions<AlertOptions> options, TimeProvider time) : IAlertSource
{
    public const string AnomalyKind = "CostAnomaly";

    public async Task<IReadOnlyList<AlertCandidate>> GetCandidatesAsync(SyncOutcome finished, CancellationToken cancellationToken)
    {
        var report = await changes.AtAsync(time.GetUtcNow(), cancellationToken);
        if (report.Day is not { } day)
        {
            return [];
        }

        var minimum = Money.FromDecimal(options.Value.MinimumChangeImpact);
        var candidates = new List<AlertCandidate>();
        var link = $"/changes?since={report.ComparedWith:yyyy-MM-dd}";
        foreach (var change in report.Changes.Where(c => c.PerMonth is { } perMonth && Abs(perMonth) >= minimum))
        {
            candidates.Add(Candidate("Change" + change.Kind, change.Key, $"project:{change.ProjectId}", change.ProjectName, change.PerMonth!.Value, day,
                report.Currency, link, new()
                {
                    ["name"] = change.Name,
                    ["from"] = change.FromFlavour ?? "",
                    ["to"] = change.ToFlavour ?? "",
                }));
        }

        foreach (var jump in report.UsageJumps.Where(j => Abs(j.PerMonth) >= minimum))
        {
            var scope = jump.ProjectId is { } project ? $"project:{project}" : $"service:{jump.ServiceId}";
            candidates.Add(Candidate("UsageJumped", jump.Key, scope, jump.ProjectName, jump.PerMonth, day, report.Currency, link, new()
            {
                ["plan"] = jump.PlanCode,
                ["dayAmount"] = jump.DayCost.Amount.ToString(CultureInfo.InvariantCulture),
                ["previousAmount"] = jump.Previous.Amount.ToString(CultureInfo.InvariantCulture),
            }));
        }

        foreach (var line in report.BillLines.Where(l => Abs(l.PerMonth) >= minimum))
        {
            candidates.Add(Candidate("BillLine" + line.Kind, line.Key, $"service:{line.Domain}", null, line.PerMonth, day, report.Currency, link,
                new() { ["month"] = line.Month, ["service"] = line.Domain }));
        }

        foreach (var service in report.Services.Where(s => s.Price is { } price && Abs(price) >= minimum))
        {
            candidates.Add(Candidate("Service" + service.Kind, service.Key, $"service:{service.ServiceName}", null, service.Price!.Value, day,
                report.Currency, link, new()
                {
                    ["service"] = service.ServiceName,
                    ["expiresOn"] = service.ExpiresOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
                }));
        }

        foreach (var anomaly in report.Anomalies)
        {
            var scope = anomaly.Scope == AnomalyScope.Project ? $"project:{anomaly.Subject}" : $"family:{anomaly.Subject}";
            candidates.Add(Candidate(AnomalyKind, anomaly.Key, scope, anomaly.Name, anomaly.PerMonth, day, report.Currency, link, new()
            {
                ["dayAmount"] = anomaly.Judgement.DayCost.Amount.ToString(CultureInfo.InvariantCulture),
                ["medianAmount"] = anomaly.Judgement.Median.Amount.ToString(CultureInfo.InvariantCulture),
                ["days"] = anomaly.Judgement.DaysInWindow.ToString(CultureInfo.InvariantCulture),
            }));
        }

        return candidates;
    }

    private static Money Abs(Money amount) => amount < Money.Zero ? -amount : amount;

    private AlertCandidate Candidate(string kind, string key, string scope, string? scopeName, Money perMonth, DateOnly day, string currency, string link,
        Dictionary<string, string> parameters)
    {
        parameters["scope"] = scope;
        parameters["scopeName"] = scopeName ?? "";
        parameters["day"] = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        parameters["perMonthAmount"] = perMonth.Amount.ToString(CultureInfo.InvariantCulture);
        parameters["currency"] = currency;
        return new AlertCandidate(kind, key, scope, perMonth, time.GetUtcNow(), link, parameters);
    }
}
