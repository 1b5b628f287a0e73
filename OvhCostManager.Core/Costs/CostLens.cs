namespace OvhCostManager.Core.Costs;

/// <summary>
/// How a month's costs are read. OVHcloud bills monthly and yearly services in advance on their renewal date and
/// pay-as-you-go consumption in arrears at the start of the next month, so "what the invoices of December say" and
/// "what December cost" are two different sums of the same bill lines.
/// </summary>
public enum CostLens
{
    /// <summary>By bill date: each line in the month of its bill, as the invoices say (reconciles with each bill).</summary>
    Invoiced,

    /// <summary>
    /// By service period: each line spread over the days its <c>periodStart</c>–<c>periodEnd</c> covers, plus the
    /// consumption of the month not billed yet. The current month under this lens is the live month to date.
    /// </summary>
    Incurred,
}

public static class CostLenses
{
    public const CostLens Default = CostLens.Invoiced;

    /// <summary>The lens as written in URLs and on the command line: <c>invoiced</c> or <c>incurred</c>.</summary>
    public static string ToQuery(this CostLens lens) => lens == CostLens.Incurred ? "incurred" : "invoiced";

    /// <summary>Reads <c>invoiced</c> / <c>incurred</c> (any case); anything else is refused with <paramref name="error"/>.</summary>
    public static bool TryParse(string? text, out CostLens lens, out string error)
    {
        lens = Default;
        error = "";
        if (string.Equals(text, "invoiced", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (string.Equals(text, "incurred", StringComparison.OrdinalIgnoreCase))
        {
            lens = CostLens.Incurred;
            return true;
        }

        error = $"'{text}' is not a lens: expected invoiced or incurred.";
        return false;
    }
}
