using HomeLab.Manifests.Yaml;

namespace HomeLab.Manifests.Lint;

/// <summary>One cap of a <see cref="ResourceBudget"/>, such as memory limits within <c>1.5Gi</c>.</summary>
/// <param name="Measure">What is capped.</param>
/// <param name="Value">The cap in base units: bytes for memory, cores for CPU.</param>
/// <param name="Text">The cap as written, such as <c>1.5Gi</c>.</param>
/// <param name="Span">Where the cap was written; findings point there.</param>
public sealed record BudgetCeiling(BudgetMeasure Measure, decimal Value, string Text, SourceSpan Span);
