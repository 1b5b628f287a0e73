using System.ComponentModel.DataAnnotations;

namespace OvhCostManager.Web;

/// <summary>Settings of the dashboard pages (section <c>Dashboard</c>).</summary>
public sealed record DashboardOptions
{
    public const string SectionName = "Dashboard";

    /// <summary>Days after the last successful import before the stale-data banner shows.</summary>
    [Range(1, 365, ErrorMessage = "Dashboard:StaleAfterDays must be between 1 and 365 days.")]
    public int StaleAfterDays { get; init; } = 2;
}
