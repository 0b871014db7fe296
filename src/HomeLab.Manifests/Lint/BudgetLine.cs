namespace HomeLab.Manifests.Lint;

/// <summary>One line of a <see cref="BudgetSum"/>: one container of one group of pods, times its replicas.</summary>
/// <param name="Pods">The pods, as <c>namespace/name</c> of their workload (or of the resource an operator creates them for).</param>
/// <param name="Container">The container's name, such as <c>prometheus</c> or <c>istio-proxy</c>.</param>
/// <param name="Kind">What it is: a workload's container, an injected sidecar, or an operator pod's container.</param>
/// <param name="PerPod">What one pod's container takes, in the measure's base unit (bytes or cores).</param>
/// <param name="Replicas">How many pods (a DaemonSet: one per node).</param>
public sealed record BudgetLine(string Pods, string Container, BudgetLineKind Kind, decimal PerPod, long Replicas)
{
    /// <summary>What the line adds to the sum: <see cref="PerPod"/> × <see cref="Replicas"/>.</summary>
    public decimal Amount => PerPod * Replicas;
}
