namespace HomeLab.Cluster.Client;

/// <summary>
/// Where to find a cluster's credentials: a kubeconfig file (by default <c>KUBECONFIG</c>, then
/// <c>~/.kube/config</c>, then the in-cluster service account) and the context in it. Immutable; the
/// <c>With…</c> methods return new instances.
/// </summary>
public sealed record ClusterConnectionOptions
{
    /// <summary>The options that look everywhere in the usual order and use the kubeconfig's current context.</summary>
    public static ClusterConnectionOptions Default { get; } = new();

    /// <summary>The kubeconfig file, or null to look in <c>KUBECONFIG</c>, <c>~/.kube/config</c> and in-cluster in that order.</summary>
    public string? KubeconfigPath { get; init; }

    /// <summary>The kubeconfig context to use, or null for its current context.</summary>
    public string? Context { get; init; }

    /// <summary>How long <see cref="ClusterConnection.TryConnectAsync"/> waits for the API server's answer.</summary>
    public TimeSpan ProbeTimeout { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Uses this kubeconfig file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>New options.</returns>
    public ClusterConnectionOptions WithKubeconfig(string? path) => this with { KubeconfigPath = path };

    /// <summary>Uses this kubeconfig context.</summary>
    /// <param name="context">The context name, or null for the current context.</param>
    /// <returns>New options.</returns>
    public ClusterConnectionOptions WithContext(string? context) => this with { Context = context };

    /// <summary>Waits this long for the reachability probe.</summary>
    /// <param name="timeout">The timeout.</param>
    /// <returns>New options.</returns>
    public ClusterConnectionOptions WithProbeTimeout(TimeSpan timeout) => this with { ProbeTimeout = timeout };
}
