namespace OvhCostManager.Web.Components.Shared;

/// <summary>How a KPI's text line reads: neutral, bad news (costs up, in the error colour) or good news.</summary>
public enum KpiTone
{
    Neutral,
    Bad,
    Good,
}
