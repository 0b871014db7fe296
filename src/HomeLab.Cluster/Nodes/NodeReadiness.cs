using HomeLab.Manifests.Environments;
using k8s;
using k8s.Models;

namespace HomeLab.Cluster.Nodes;

/// <summary>
/// Waits, by a watch on nodes, until a cluster has the nodes an environment declares and every one is Ready,
/// then says which declared labels a node lacks (the simulated hardware of k3d, the real one of k3s).
/// </summary>
public sealed class NodeReadiness
{
    private readonly IKubernetes _kubernetes;
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates the wait over a cluster.</summary>
    /// <param name="kubernetes">The KubernetesClient client (not disposed).</param>
    /// <param name="timeProvider">The clock for the timeout.</param>
    public NodeReadiness(IKubernetes kubernetes, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(kubernetes);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _kubernetes = kubernetes;
        _timeProvider = timeProvider;
    }

    /// <summary>Called with a node's name and readiness whenever it changes.</summary>
    public Action<string, bool>? OnChange { get; init; }

    /// <summary>Waits until at least <paramref name="expectedCount"/> nodes exist and all are Ready.</summary>
    /// <param name="expectedCount">How many nodes the environment declares.</param>
    /// <param name="timeout">How long to wait.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>The nodes, all Ready.</returns>
    /// <exception cref="TimeoutException">The nodes were not all Ready in time; the message names those that were not.</exception>
    public async Task<IReadOnlyList<V1Node>> WaitReadyAsync(int expectedCount, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var nodes = new Dictionary<string, V1Node>(StringComparer.Ordinal);
        using var timeoutSource = new CancellationTokenSource(timeout, _timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutSource.Token);
        try
        {
            var list = await _kubernetes.CoreV1.ListNodeAsync(cancellationToken: linked.Token).ConfigureAwait(false);
            foreach (var node in list.Items)
            {
                Record(nodes, node);
            }

            while (!AllReady(nodes, expectedCount))
            {
                await foreach (var (type, node) in _kubernetes.CoreV1.WatchListNodeAsync(resourceVersion: list.Metadata?.ResourceVersion, cancellationToken: linked.Token).ConfigureAwait(false))
                {
                    if (type == WatchEventType.Deleted)
                    {
                        nodes.Remove(node.Metadata.Name);
                    }
                    else if (type != WatchEventType.Bookmark)
                    {
                        Record(nodes, node);
                    }

                    if (AllReady(nodes, expectedCount))
                    {
                        break;
                    }
                }
            }

            return [.. nodes.Values.OrderBy(n => n.Metadata.Name, StringComparer.Ordinal)];
        }
        catch (OperationCanceledException) when (timeoutSource.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            var waiting = nodes.Values.Where(n => !IsReady(n)).Select(n => n.Metadata.Name).Order(StringComparer.Ordinal).ToList();
            throw new TimeoutException(
                $"the nodes were not Ready within {timeout.TotalSeconds:0} s: {nodes.Count} of {expectedCount} exist"
                + (waiting.Count == 0 ? string.Empty : $", not Ready: {string.Join(", ", waiting)}")
                + "; hint: `kubectl describe nodes` shows why");
        }
    }

    /// <summary>Compares the nodes' labels with the environment's declaration.</summary>
    /// <param name="nodes">The cluster's nodes.</param>
    /// <param name="declared">The environment's nodes and their labels.</param>
    /// <param name="source">The declaration's file, for messages.</param>
    /// <returns>One message per missing node or missing or different label; empty when all match.</returns>
    public static IReadOnlyList<string> CheckLabels(IEnumerable<V1Node> nodes, IEnumerable<ClusterNode> declared, string source)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        ArgumentNullException.ThrowIfNull(declared);
        var byName = nodes.ToDictionary(n => n.Metadata.Name, StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var want in declared)
        {
            if (!byName.TryGetValue(want.Name, out var node))
            {
                problems.Add($"{source}: node {want.Name} is declared but the cluster has no such node (it has {string.Join(", ", byName.Keys.Order(StringComparer.Ordinal))})");
                continue;
            }

            foreach (var (label, value) in want.Labels.OrderBy(l => l.Key, StringComparer.Ordinal))
            {
                var labels = node.Metadata.Labels;
                if (labels is null || !labels.TryGetValue(label, out var actual))
                {
                    problems.Add($"{source}: node {want.Name} lacks label {label}={value}; hint: the node labels of clusters/k3d/k3d.yaml and the environment must agree (--recreate applies a changed k3d.yaml)");
                }
                else if (actual != value)
                {
                    problems.Add($"{source}: node {want.Name} has label {label}={actual}, declared {value}");
                }
            }
        }

        return problems;
    }

    private static bool IsReady(V1Node node) =>
        node.Status?.Conditions?.Any(c => c.Type == "Ready" && c.Status == "True") == true;

    private static bool AllReady(Dictionary<string, V1Node> nodes, int expectedCount) =>
        nodes.Count >= expectedCount && nodes.Values.All(IsReady);

    private void Record(Dictionary<string, V1Node> nodes, V1Node node)
    {
        var before = nodes.TryGetValue(node.Metadata.Name, out var previous) ? IsReady(previous) : (bool?)null;
        nodes[node.Metadata.Name] = node;
        if (before != IsReady(node))
        {
            OnChange?.Invoke(node.Metadata.Name, IsReady(node));
        }
    }
}
