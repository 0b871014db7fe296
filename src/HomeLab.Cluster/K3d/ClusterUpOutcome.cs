namespace HomeLab.Cluster.K3d;

/// <summary>How ClusterUp ended: what it did and where the project-local kubeconfig is.</summary>
/// <param name="Action">What it did.</param>
/// <param name="ClusterName">The cluster's name.</param>
/// <param name="KubeconfigPath">The kubeconfig written for later targets.</param>
public sealed record ClusterUpOutcome(ClusterUpAction Action, string ClusterName, string KubeconfigPath)
{
    /// <summary>One line for the user.</summary>
    /// <returns>The line.</returns>
    public string Describe() => Action switch
    {
        ClusterUpAction.Reused => $"cluster {ClusterName} was already running; reused it",
        ClusterUpAction.Started => $"cluster {ClusterName} was stopped; started it",
        ClusterUpAction.Created => $"created cluster {ClusterName}",
        _ => $"deleted and re-created cluster {ClusterName}",
    } + $"; kubeconfig: {KubeconfigPath}";
}
