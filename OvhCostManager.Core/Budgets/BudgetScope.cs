using OvhCostManager.Core.Classification;
using OvhCostManager.Core.Costs;
using OvhCostManager.Core.Data.Entities;

namespace OvhCostManager.Core.Budgets;

/// <summary>What a budget covers; <see cref="Key"/> is empty for the account, else a family, a project id or a service name.</summary>
public readonly record struct BudgetScope(BudgetScopeKind Kind, string Key)
{
    public static readonly BudgetScope Account = new(BudgetScopeKind.Account, "");

    public static BudgetScope Family(CostFamily family) => new(BudgetScopeKind.Family, family.ToString());

    /// <summary>Whether a cost of the month counts against this scope.</summary>
    public bool Covers(CostEntry entry) => Covers(entry.Type, entry.CloudProjectId, entry.ServiceName);

    /// <summary>Whether a recurring service still expected this month counts against this scope.</summary>
    internal bool Covers(ResourceType type, string? cloudProjectId, string serviceName) => Kind switch
    {
        BudgetScopeKind.Account => true,
        BudgetScopeKind.Family => string.Equals(CostFamilies.Of(type).ToString(), Key, StringComparison.Ordinal),
        BudgetScopeKind.Project => string.Equals(cloudProjectId, Key, StringComparison.Ordinal),
        _ => string.Equals(serviceName, Key, StringComparison.Ordinal),
    };

    /// <summary>A stable text for keys and URLs: <c>account</c>, <c>family:Cloud</c>, <c>project:abc</c>.</summary>
    public override string ToString() => Kind == BudgetScopeKind.Account ? "account" : $"{Kind.ToString().ToLowerInvariant()}:{Key}";
}

/// <summary>Percentages of the budget at which an alert is raised; 50 / 80 / 100 unless edited.</summary>
public static class BudgetThresholds
{
    public static readonly IReadOnlyList<int> Default = [50, 80, 100];

    public static string Format(IEnumerable<int> thresholds) => string.Join(',', thresholds);

    public static IReadOnlyList<int> Parse(string stored) =>
        stored.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(int.Parse).ToList();

    /// <summary>Reads what a user typed (<c>50, 80, 100</c>): whole percentages from 1 to 1000, sorted, without repeats.</summary>
    public static bool TryParse(string? text, out IReadOnlyList<int> thresholds)
    {
        thresholds = [];
        var parts = (text ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var values = new SortedSet<int>();
        foreach (var part in parts)
        {
            if (!int.TryParse(part.TrimEnd('%'), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value)
                || value is < 1 or > 1000)
            {
                return false;
            }

            values.Add(value);
        }

        thresholds = values.ToList();
        return values.Count > 0;
    }
}
