using System.ComponentModel.DataAnnotations;

namespace OvhCostManager.Core.Sync;

/// <summary>How often the hosted service refreshes each part of the store. Bound from the <c>Sync</c> section.</summary>
public sealed class SyncOptions
{
    public const string SectionName = "Sync";

    /// <summary>Off: no timer runs (the CLI and "sync now" still work).</summary>
    public bool Enabled { get; set; } = true;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ErrorMessage = "Sync:ConsumptionInterval must be between 1 second and 1 day.")]
    public TimeSpan ConsumptionInterval { get; set; } = TimeSpan.FromMinutes(10);

    [Range(typeof(TimeSpan), "00:00:01", "31.00:00:00", ErrorMessage = "Sync:DifferentialInterval must be between 1 second and 31 days.")]
    public TimeSpan DifferentialInterval { get; set; } = TimeSpan.FromHours(6);

    [Range(typeof(TimeSpan), "00:00:01", "31.00:00:00", ErrorMessage = "Sync:InventoryInterval must be between 1 second and 31 days.")]
    public TimeSpan InventoryInterval { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How many months a first import goes back when the store is empty.</summary>
    [Range(1, 120, ErrorMessage = "Sync:InitialMonths must be between 1 and 120.")]
    public int InitialMonths { get; set; } = 36;
}
