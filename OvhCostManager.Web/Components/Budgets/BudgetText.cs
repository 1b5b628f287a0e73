using Microsoft.Extensions.Localization;
using OvhCostManager.Core.Budgets;
using OvhCostManager.Core.Data.Entities;

namespace OvhCostManager.Web.Components.Budgets;

/// <summary>A budget's scope in the reader's language: "Compte", "Famille : Stockage", "Projet : web-prod".</summary>
public static class BudgetText
{
    public static string Scope(IStringLocalizer l, IStringLocalizer billing, BudgetScope scope, string? name = null) => scope.Kind switch
    {
        BudgetScopeKind.Account => l["BudgetScopeAccount"],
        BudgetScopeKind.Family => l["BudgetScopeFamily", billing["Family" + scope.Key].Value],
        BudgetScopeKind.Project => l["BudgetScopeProject", string.IsNullOrEmpty(name) ? scope.Key : name],
        _ => l["BudgetScopeService", scope.Key],
    };

    public static string Thresholds(IEnumerable<int> thresholds) => string.Join(" / ", thresholds.Select(t => t + " %"));
}
