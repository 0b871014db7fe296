namespace HomeLab.Manifests.Lint;

/// <summary>What one cap of a budget is filled with (see <see cref="BudgetUsage"/>).</summary>
/// <param name="Budget">The budget's name.</param>
/// <param name="Ceiling">The cap.</param>
/// <param name="Amount">The members' sum, in the cap's base units.</param>
/// <param name="Members">How many workloads the budget selects.</param>
public sealed record BudgetTotal(string Budget, BudgetCeiling Ceiling, decimal Amount, int Members);
