namespace OvhCostManager.Core.PayAsYouGo;

/// <summary>How a pay-as-you-go quantity is shown: hours of use, GB stored, GB transferred or plain units.</summary>
public enum ConsumptionUnit
{
    Units,
    Hours,
    GbStored,
    GbTransferred,
}

/// <summary>
/// Reads the unit of a consumption quantity. OVH's <c>/me/consumption</c> transactions carry no unit: the plan family
/// decides it (instances count hours, buckets/volumes/snapshots count GiB·hours, bandwidth counts GB). The cloud
/// billing view does carry one (<c>Hour</c>, <c>GiBh</c>, <c>GiB</c>, ...), which wins when present.
/// </summary>
public static class ConsumptionUnits
{
    public static ConsumptionUnit Of(string? unit, string? planFamily)
    {
        switch (unit?.Trim().ToLowerInvariant())
        {
            case "hour" or "hours" or "h":
                return ConsumptionUnit.Hours;
            case "gibh" or "gbh" or "gib.h" or "gb.h":
                return ConsumptionUnit.GbStored;
            case "gb" or "gib":
                return IsStorage(planFamily) ? ConsumptionUnit.GbStored : ConsumptionUnit.GbTransferred;
            case "minute" or "second" or "unit":
                return ConsumptionUnit.Units;
        }

        var family = planFamily?.Trim().ToLowerInvariant() ?? "";
        if (family.StartsWith("instance", StringComparison.Ordinal) || family.StartsWith("database", StringComparison.Ordinal)
            || family.StartsWith("ai", StringComparison.Ordinal) || family is "rancher" or "kubernetes" or "notebook")
        {
            return ConsumptionUnit.Hours;
        }

        if (IsStorage(family))
        {
            return ConsumptionUnit.GbStored;
        }

        return family.Contains("bandwidth", StringComparison.Ordinal) || family.Contains("traffic", StringComparison.Ordinal)
            ? ConsumptionUnit.GbTransferred
            : ConsumptionUnit.Units;
    }

    /// <summary>True when the raw quantity is GiB·hours: the shown figure is then the average GB stored over the hours elapsed.</summary>
    public static bool IsGibHours(string? unit, string? planFamily) =>
        Of(unit, planFamily) == ConsumptionUnit.GbStored
        && !string.Equals(unit, "GB", StringComparison.OrdinalIgnoreCase) && !string.Equals(unit, "GiB", StringComparison.OrdinalIgnoreCase);

    private static bool IsStorage(string? family) =>
        (family?.ToLowerInvariant() ?? "") is var f
        && (f.Contains("storage", StringComparison.Ordinal) || f.Contains("volume", StringComparison.Ordinal)
            || f.Contains("snapshot", StringComparison.Ordinal) || f.Contains("archive", StringComparison.Ordinal)
            || f.Contains("objectstorage", StringComparison.Ordinal) || f.Contains("bucket", StringComparison.Ordinal));
}
