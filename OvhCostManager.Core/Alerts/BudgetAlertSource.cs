using System.Globalization;
using OvhCostManager.Core.Budgets;
using OvhCostManager.Core.Costs;
using OvhCostManager.Core.Data;
using OvhCostManager.Core.Overview;
using OvhCostManager.Core.Sync;

namespace OvhCostManager.Core.Alerts;

/// <summary>
/// Budget thresholds reached, on the actual amount or on the forecast, per scope and month. One alert per crossing:
/// only the highest threshold reached is raised (a budget passed at once is one alert, not three), and a forecast
/// alert only when the forecast reaches a higher threshold than the actual amount already has. The previous month is
/// checked too during the first days of a month, while its last bills arrive.
/// </summary>
public sealed class BudgetAlertSource(BudgetProgressQuery budgets, AccountSettingsStore settings, TimeProvider time) : IAlertSource
{
    public const string ActualKind = "BudgetActual";
    public const string ForecastKind = "BudgetForecast";

    public async Task<IReadOnlyList<AlertCandidate>> GetCandidatesAsync(SyncOutcome finished, CancellationToken cancellationToken)
    {
        var today = OverviewQueries.Today(time, await settings.GetTimeZoneAsync(cancellationToken));
        var month = BillingMonth.Of(today);
        var months = today.Day <= OverviewQueries.TurnOfMonthDays ? new[] { BillingMonth.Previous(month), month } : [month];
        var candidates = new List<AlertCandidate>();
        foreach (var m in months)
        {
            var report = await budgets.GetAsync(m, cancellationToken);
            foreach (var budget in report.Budgets)
            {
                var actual = budget.ActualThreshold;
                if (actual is { } a)
                {
                    candidates.Add(Candidate(ActualKind, "actual", budget, budget.Status.Consumed, a, report));
                }

                if (budget is { ForecastThreshold: { } f, Status.Forecast: { } forecast } && f > (actual ?? 0))
                {
                    candidates.Add(Candidate(ForecastKind, "forecast", budget, forecast, f, report));
                }
            }
        }

        return candidates;
    }

    private AlertCandidate Candidate(string kind, string measure, BudgetProgress budget, Money amount, int threshold, BudgetReport report)
    {
        var scope = budget.Budget.Scope.ToString();
        var percent = budget.Budget.Amount > Money.Zero ? decimal.Round(amount.Amount / budget.Budget.Amount.Amount * 100m, 1, MidpointRounding.AwayFromZero) : 0m;
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["scope"] = scope,
            ["scopeName"] = budget.ScopeName,
            ["month"] = report.Month,
            ["amount"] = amount.Amount.ToString(CultureInfo.InvariantCulture),
            ["budget"] = budget.Budget.Amount.Amount.ToString(CultureInfo.InvariantCulture),
            ["percent"] = percent.ToString(CultureInfo.InvariantCulture),
            ["threshold"] = threshold.ToString(CultureInfo.InvariantCulture),
            ["currency"] = report.Currency,
        };
        return new AlertCandidate(kind, $"budget:{scope}:{report.Month}:{measure}:{threshold}", scope, amount - budget.Budget.Amount,
            time.GetUtcNow(), $"/budgets?month={report.Month}", parameters);
    }
}
