using HomeLab.Cluster.Client;

namespace HomeLab.Testing;

/// <summary>
/// The cluster live tests run against: the kubeconfig's current context (or <c>HOMELAB_KUBE_CONTEXT</c>),
/// probed once per test run so that every [ClusterFact] skips with the same reason when none answers.
/// </summary>
public static class LiveCluster
{
    private static readonly Lazy<ClusterReachability> Probe = new(() =>
        Task.Run(() => ClusterConnection.TryConnectAsync(Options, CancellationToken.None)).GetAwaiter().GetResult());

    /// <summary>The connection options: default kubeconfig lookup, context from <c>HOMELAB_KUBE_CONTEXT</c> when set.</summary>
    public static ClusterConnectionOptions Options { get; } =
        ClusterConnectionOptions.Default.WithContext(Environment.GetEnvironmentVariable("HOMELAB_KUBE_CONTEXT") is { Length: > 0 } context ? context : null);

    /// <summary>Whether a cluster answered, and why not (cached for the test run).</summary>
    public static ClusterReachability Reachability => Probe.Value;

    /// <summary>The reason a live test is skipped, or null when a cluster is reachable.</summary>
    public static string? SkipReason => Reachability.IsReachable ? null : $"needs a reachable Kubernetes cluster: {Reachability.Reason}";

    /// <summary>The display name of a skipped live test: its name and why it did not run, so the default <c>dotnet test</c> output shows the reason.</summary>
    /// <param name="test">The test method's name.</param>
    /// <returns>The display name.</returns>
    public static string SkippedName(string test) =>
        $"{test} [skipped: {SkipReason}]";

    /// <summary>Connects to the cluster (call only when <see cref="SkipReason"/> is null).</summary>
    public static ClusterConnection Connect() => ClusterConnection.Connect(Options);
}
