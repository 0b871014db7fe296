using HomeLab.Manifests.Objects;

namespace HomeLab.Manifests.Lint;

/// <summary>
/// What one cap of a budget adds up, line by line, so that a total can be explained: every container of every pod
/// the budget selects (injected sidecars and operator-created pods included) that takes something of the measure.
/// </summary>
/// <param name="Budget">The budget.</param>
/// <param name="Ceiling">The cap.</param>
/// <param name="Lines">The lines, grouped by pods (the largest group first), each group's largest line first.</param>
/// <param name="MemberCount">How many groups of pods the budget selects (some may take nothing of this measure).</param>
public sealed record BudgetSum(ResourceBudget Budget, BudgetCeiling Ceiling, IReadOnlyList<BudgetLine> Lines, int MemberCount)
{
    /// <summary>The sum of every line.</summary>
    public decimal Total => Lines.Sum(l => l.Amount);

    /// <summary>Whether the sum is over the cap.</summary>
    public bool IsExceeded => Total > Ceiling.Value;

    /// <summary>The measure in words, such as <c>memory limits</c>.</summary>
    public string MeasureText => Words(Ceiling.Measure);

    /// <summary>An amount of this sum's measure as a person reads it: <c>512Mi</c>, <c>250m</c>.</summary>
    /// <param name="amount">Bytes or cores.</param>
    /// <returns>The text.</returns>
    public string Format(decimal amount) => Format(Ceiling.Measure, amount);

    /// <summary>An amount of a measure as a person reads it: <c>512Mi</c>, <c>250m</c>.</summary>
    /// <param name="measure">The measure.</param>
    /// <param name="amount">Bytes or cores.</param>
    /// <returns>The text.</returns>
    public static string Format(BudgetMeasure measure, decimal amount) =>
        measure is BudgetMeasure.MemoryLimits or BudgetMeasure.MemoryRequests ? ResourceQuantity.FormatBytes(amount) : ResourceQuantity.FormatCores(amount);

    /// <summary>A measure in words, such as <c>memory limits</c>.</summary>
    /// <param name="measure">The measure.</param>
    /// <returns>The words.</returns>
    public static string Words(BudgetMeasure measure) => measure switch
    {
        BudgetMeasure.MemoryLimits => "memory limits",
        BudgetMeasure.CpuLimits => "CPU limits",
        BudgetMeasure.MemoryRequests => "memory requests",
        _ => "CPU requests",
    };

    /// <summary>
    /// The breakdown a person reads: a heading with the total and the cap, then one line per container, such as
    /// <c>  monitoring/prometheus-main  prometheus (operator pod)  512Mi × 1 = 512Mi</c>.
    /// </summary>
    /// <returns>The lines of text.</returns>
    public IReadOnlyList<string> Describe()
    {
        var text = new List<string>
        {
            $"budget '{Budget.Name}' {MeasureText}: {Format(Total)} of {Ceiling.Text}{(IsExceeded ? " (exceeded)" : string.Empty)}, {Lines.Count} lines from {MemberCount} workloads",
        };
        static string What(BudgetLine line) => line.Container + line.Kind switch
        {
            BudgetLineKind.Sidecar => " (Istio sidecar)",
            BudgetLineKind.OperatorPod => " (operator pod)",
            _ => string.Empty,
        };
        var pods = Lines.Count == 0 ? 0 : Lines.Max(l => l.Pods.Length);
        var what = Lines.Count == 0 ? 0 : Lines.Max(l => What(l).Length);
        foreach (var line in Lines)
        {
            text.Add($"  {line.Pods.PadRight(pods)}  {What(line).PadRight(what)}  {Format(line.PerPod)} × {line.Replicas} = {Format(line.Amount)}");
        }

        return text;
    }
}
