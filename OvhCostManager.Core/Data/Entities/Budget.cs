using OvhCostManager.Core.Costs;

namespace OvhCostManager.Core.Data.Entities;

/// <summary>What a budget covers: the whole account, a cost family, a cloud project or one service.</summary>
public enum BudgetScopeKind
{
    Account,
    Family,
    Project,
    Service,
}

/// <summary>
/// One saved budget: from <see cref="FromMonth"/> on, the scope's monthly budget is <see cref="Amount"/> (none when
/// null), until a later row of the same scope takes over. Rows are never changed or deleted, so a past month is judged
/// with the budget that was in force then.
/// </summary>
public sealed class BudgetRecord
{
    public long Id { get; set; }
    public BudgetScopeKind ScopeKind { get; set; }

    /// <summary>Empty for the account; the family's name, the project id or the service name otherwise.</summary>
    public string ScopeKey { get; set; } = "";

    /// <summary><c>YYYY-MM</c>: the first month the row applies to.</summary>
    public string FromMonth { get; set; } = "";

    public Money? Amount { get; set; }

    /// <summary>Percentages of the budget, ascending, comma-separated (<c>50,80,100</c>).</summary>
    public string Thresholds { get; set; } = "";

    public DateTimeOffset SavedAtUtc { get; set; }

    public string? SavedBy { get; set; }
}
