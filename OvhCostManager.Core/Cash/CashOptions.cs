using System.ComponentModel.DataAnnotations;

namespace OvhCostManager.Core.Cash;

/// <summary>Settings of the cash view (section <c>Cash</c>).</summary>
public sealed record CashOptions
{
    public const string SectionName = "Cash";

    /// <summary>Days before an unpaid bill's due date from which it is flagged.</summary>
    [Range(0, 90, ErrorMessage = "Cash:DueWarningDays must be between 0 and 90 days.")]
    public int DueWarningDays { get; init; } = 7;
}
