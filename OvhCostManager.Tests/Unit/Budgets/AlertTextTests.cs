using System.Globalization;
using OvhCostManager.Core.Alerts;

namespace OvhCostManager.Tests.Unit.Budgets;

public sealed class AlertTextTests
{
    private static readonly Dictionary<string, string> Storage = new()
    {
        ["scope"] = "family:Storage", ["scopeName"] = "Storage", ["month"] = "2026-11", ["amount"] = "1234.5", ["budget"] = "1000",
        ["percent"] = "123.5", ["threshold"] = "100", ["currency"] = "EUR",
    };

    [Fact]
    public void A_budget_alert_reads_in_french_with_french_numbers_and_months()
    {
        // Spaces compared as plain spaces: which no-break space .NET's French culture uses is ICU's choice.
        Assert.Equal("Budget de la famille Stockage : novembre 2026 en est à 1 234,50 €, soit 123,5 % du budget de 1 000,00 € (seuil de 100 % atteint).",
            AlertText.Render(BudgetAlertSource.ActualKind, Storage, CultureInfo.GetCultureInfo("fr")).Replace('\u00A0', ' ').Replace('\u202F', ' '));
    }

    [Fact]
    public void The_same_alert_reads_in_english()
    {
        Assert.Equal("Budget of the Storage family: the end-of-month forecast of November 2026 is €1,234.50, 123.5% of the €1,000.00 budget (100% threshold reached by the forecast).",
            AlertText.Render(BudgetAlertSource.ForecastKind, Storage, CultureInfo.GetCultureInfo("en")));
    }

    [Fact]
    public void A_kind_without_a_text_yet_is_named_rather_than_lost()
    {
        Assert.Equal("Alert Anomaly", AlertText.Render("Anomaly", new Dictionary<string, string>(), CultureInfo.GetCultureInfo("en")));
    }
}
