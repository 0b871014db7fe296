namespace HomeLab.Manifests.Lint;

/// <summary>What a <see cref="BudgetLine"/> counts.</summary>
public enum BudgetLineKind
{
    /// <summary>A container of a workload's pod template.</summary>
    Container,

    /// <summary>The Istio sidecar injected beside a workload's (or an operator pod's) containers.</summary>
    Sidecar,

    /// <summary>A container of a pod an operator creates (a Prometheus or Alertmanager, with its config reloader).</summary>
    OperatorPod,
}
