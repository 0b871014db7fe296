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

    /// <summary>
    /// The kubeconfig file (or a list of them, as <c>KUBECONFIG</c> writes it: the first that exists is used), or null
    /// to look in <c>KUBECONFIG</c>, <c>~/.kube/config</c> and in-cluster in that order.
    /// </summary>
    public string? KubeconfigPath { get; init; }

    /// <summary>The kubeconfig context to use, or null for its current context.</summary>
    public string? Context { get; init; }

    /// <summary>
    /// The environment variables the search reads — <c>KUBECONFIG</c> (one file or a list, the first that exists wins),
    /// <c>HOME</c> or <c>USERPROFILE</c> for <c>~/.kube/config</c>, <c>KUBERNETES_SERVICE_HOST</c> for in-cluster — or
    /// null for this process's own. A build passes the environment it was started with, so a test can inject one.
    /// </summary>
    public IReadOnlyDictionary<string, string>? Environment { get; init; }

    /// <summary>What the one-line error says to do when no kubeconfig is found at all (the target that connects knows best).</summary>
    public string MissingKubeconfigHint { get; init; } = "start one with `./build.sh ClusterUp Test` or point KUBECONFIG at a cluster";

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

    /// <summary>Searches these environment variables instead of the process's.</summary>
    /// <param name="environment">The variables, or null for the process's.</param>
    /// <returns>New options.</returns>
    public ClusterConnectionOptions WithEnvironment(IReadOnlyDictionary<string, string>? environment) => this with { Environment = environment };

    /// <summary>Says this when no kubeconfig is found.</summary>
    /// <param name="hint">What to do, without the leading <c>hint:</c>.</param>
    /// <returns>New options.</returns>
    public ClusterConnectionOptions WithMissingKubeconfigHint(string hint) => this with { MissingKubeconfigHint = hint };

    /// <summary>Waits this long for the reachability probe.</summary>
    /// <param name="timeout">The timeout.</param>
    /// <returns>New options.</returns>
    public ClusterConnectionOptions WithProbeTimeout(TimeSpan timeout) => this with { ProbeTimeout = timeout };
}
