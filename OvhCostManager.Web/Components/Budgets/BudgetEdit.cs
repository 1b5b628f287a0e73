using OvhCostManager.Core.Budgets;

namespace OvhCostManager.Web.Components.Budgets;

/// <summary>What the editor asks to save, as typed: the page checks the month and the thresholds and the user's right.</summary>
public sealed record BudgetEdit(BudgetScope Scope, string FromMonth, decimal? Amount, string Thresholds);
