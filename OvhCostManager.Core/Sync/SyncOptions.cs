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

    /// <summary>
    /// How many recent months a differential import re-checks (new bills, changed totals, incomplete lines, pending
    /// payments); the current month counts as one.
    /// </summary>
    [Range(1, 24, ErrorMessage = "Sync:RepairMonths must be between 1 and 24.")]
    public int RepairMonths { get; set; } = 3;

    /// <summary>
    /// Payments still unknown (a failed read, or a store imported before payments were read with the lines) filled in
    /// per differential run, newest first, one request each; the first import reads every bill's payment anyway.
    /// </summary>
    [Range(0, 10_000, ErrorMessage = "Sync:PaymentBackfillPerRun must be between 0 and 10000.")]
    public int PaymentBackfillPerRun { get; set; } = 150;

    /// <summary>
    /// Bills of the repair window whose lines a differential import re-reads even though their totals did not change,
    /// in rotation, to catch corrections that keep the totals (a reworded line).
    /// </summary>
    [Range(0, 100, ErrorMessage = "Sync:VerifiedBillsPerRun must be between 0 and 100.")]
    public int VerifiedBillsPerRun { get; set; } = 2;

    /// <summary>
    /// Bills fetched at the same time (lines and payment side by side; saved in order, oldest first). Their requests
    /// queue at the process-wide limiter, which keeps to OVH's fair-use guidance of at most 10 calls at once
    /// (<c>Ovh:MaxConcurrentRequests</c>); more bills than slots keep every slot busy while some bills wait on a retry.
    /// </summary>
    [Range(1, 64, ErrorMessage = "Sync:BillConcurrency must be between 1 and 64.")]
    public int BillConcurrency { get; set; } = 16;
}
