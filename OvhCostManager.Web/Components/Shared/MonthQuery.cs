using OvhCostManager.Core.Costs;

namespace OvhCostManager.Web.Components.Shared;

/// <summary>Reads <c>?month=</c>: a well-formed month (billed or not), the latest billed month when absent, or an error.</summary>
public static class MonthQuery
{
    public static bool TryResolve(string? query, IReadOnlyList<string> billedMonths, out string month, out bool malformed)
    {
        malformed = false;
        if (string.IsNullOrEmpty(query))
        {
            month = billedMonths.Count > 0 ? billedMonths[0] : "";
            return billedMonths.Count > 0;
        }

        if (BillingMonth.TryParse(query, out month, out _))
        {
            return true;
        }

        malformed = true;
        month = billedMonths.Count > 0 ? billedMonths[0] : "";
        return false;
    }
}
