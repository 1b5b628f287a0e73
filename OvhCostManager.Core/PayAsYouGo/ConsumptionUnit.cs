namespace OvhCostManager.Core.PayAsYouGo;

/// <summary>
/// How a pay-as-you-go quantity is shown. One meaning per unit, in every table of the tab: <see cref="GbStored"/> is
/// the average volume stored over the hours elapsed in the month (GiB·hours ÷ hours), never raw GiB·hours.
/// </summary>
public enum ConsumptionUnit
{
    Units,
    Hours,
    GbStored,
    GbTransferred,
    Minutes,

    /// <summary>A plan billed in advance for the whole month (monthly instances...): no quantity to show.</summary>
    MonthlyPlan,
}

/// <summary>
/// Reads the unit of a consumption quantity, the same way for <c>/me/consumption</c> (plan family and plan code, no
/// unit) and for a project's billing view (resource type and a unit: <c>Hour</c>, <c>Minute</c>, <c>GiBh</c>,
/// <c>GiB</c>...), so a resource type has one unit on every table.
/// </summary>
/// <remarks>
/// OVH rules encoded: a plan code names its billing step (<c>registry.m.hour.consumption</c>,
/// <c>ai-training.l4-1-gpu.minute.consumption</c>); buckets, volumes and snapshots are billed by GiB·hour; traffic by GB;
/// monthly instances, instance options, savings plans and certifications are billed in advance, on the 1st.
/// </remarks>
public static class ConsumptionUnits
{
    public static ConsumptionUnit Of(string? unit, string? planFamily, string? planCode = null)
    {
        var family = planFamily?.Trim() ?? "";
        if (CloudUsageBilling.IsBilledInAdvance(family))
        {
            return ConsumptionUnit.MonthlyPlan;
        }

        family = family.ToLowerInvariant();
        switch (unit?.Trim().ToLowerInvariant())
        {
            case "hour" or "hours" or "h":
                return ConsumptionUnit.Hours;
            case "minute" or "minutes" or "min":
                return ConsumptionUnit.Minutes;
            case "gibh" or "gbh" or "gib.h" or "gb.h":
                return ConsumptionUnit.GbStored;
            case "gb" or "gib":
                return IsStorage(family) ? ConsumptionUnit.GbStored : ConsumptionUnit.GbTransferred;
            case "second" or "unit":
                return ConsumptionUnit.Units;
        }

        var code = planCode?.Trim().ToLowerInvariant() ?? "";
        if (code.Contains(".hour", StringComparison.Ordinal))
        {
            return ConsumptionUnit.Hours;
        }

        if (code.Contains(".minute", StringComparison.Ordinal))
        {
            return ConsumptionUnit.Minutes;
        }

        if (IsStorage(family))
        {
            return ConsumptionUnit.GbStored;
        }

        if (family.Contains("bandwidth", StringComparison.Ordinal) || family.Contains("traffic", StringComparison.Ordinal))
        {
            return ConsumptionUnit.GbTransferred;
        }

        return family.StartsWith("instance", StringComparison.Ordinal) || family.StartsWith("database", StringComparison.Ordinal)
            || family.StartsWith("ai", StringComparison.Ordinal)
            || family is "rancher" or "kubernetes" or "kube" or "notebook" or "registry" or "gateway" or "octavia-loadbalancer" or "loadbalancer"
            ? ConsumptionUnit.Hours
            : ConsumptionUnit.Units;
    }

    /// <summary>True when the raw quantity is GiB·hours: the shown figure is then the average GB stored over the hours elapsed.</summary>
    public static bool IsGibHours(string? unit, string? planFamily, string? planCode = null) =>
        Of(unit, planFamily, planCode) == ConsumptionUnit.GbStored
        && !string.Equals(unit, "GB", StringComparison.OrdinalIgnoreCase) && !string.Equals(unit, "GiB", StringComparison.OrdinalIgnoreCase);

    /// <summary>The shown quantity: GiB·hours become the average GB stored over <paramref name="elapsedHours"/> (one decimal).</summary>
    public static decimal Shown(decimal quantity, bool gibHours, decimal elapsedHours) =>
        gibHours ? decimal.Round(quantity / Math.Max(1m, elapsedHours), 1, MidpointRounding.AwayFromZero) : quantity;

    private static bool IsStorage(string family) =>
        family.Contains("storage", StringComparison.Ordinal) || family.Contains("volume", StringComparison.Ordinal)
        || family.Contains("snapshot", StringComparison.Ordinal) || family.Contains("archive", StringComparison.Ordinal)
        || family.Contains("bucket", StringComparison.Ordinal);
}

/// <summary>How OVH bills a resource type of a project's billing view (<c>/cloud/project/{id}/usage/current</c>).</summary>
public static class CloudUsageBilling
{
    /// <summary>
    /// OVH rule: the billing view's <c>monthlyUsage</c> (monthly instances and their options, savings plans,
    /// certifications) is billed in advance, on the consumption bill of the 1st, for the month in progress: it is
    /// already billed. Everything else (<c>hourlyUsage</c>, <c>resourcesUsage</c>) is billed at the start of next month.
    /// </summary>
    public static bool IsBilledInAdvance(string? resourceType) =>
        resourceType is not null
        && (resourceType.EndsWith("_monthly", StringComparison.OrdinalIgnoreCase)
            || resourceType.Equals("savingsPlan", StringComparison.OrdinalIgnoreCase)
            || resourceType.Equals("certification", StringComparison.OrdinalIgnoreCase));
}
