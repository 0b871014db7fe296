using HomeLab.Manifests.Lint;

namespace HomeLab.Pipeline.Updates;

/// <summary>One budget cap that moves with an update: its limit (the budgets file) or what its members sum to.</summary>
/// <param name="Environment">The environment.</param>
/// <param name="Budget">The budget's name.</param>
/// <param name="Measure">What the cap counts.</param>
/// <param name="CapBefore">The cap on the base, as written; null when the base has no such cap.</param>
/// <param name="CapAfter">The cap on the head, as written; null when the head has no such cap.</param>
/// <param name="Before">What the rendered members sum to on the base.</param>
/// <param name="After">What they sum to on the head.</param>
/// <param name="Over">Whether the head's sum is over the head's cap.</param>
public sealed record BudgetChange(string Environment, string Budget, BudgetMeasure Measure, string? CapBefore, string? CapAfter, decimal Before, decimal After, bool Over);
