using HomeLab.Assertions.Cluster;
using HomeLab.Assertions.Sources;
using HomeLab.Cluster.Client;
using HomeLab.Stack.Tests.Observability;
using Newtonsoft.Json.Linq;

namespace HomeLab.Stack.Tests.Platform;

/// <summary>What the platform's and backup's live tests share: the environment under test, throw-away namespaces,
/// and one-shot pods whose log says what they saw.</summary>
/// <param name="connection">The live cluster.</param>
public sealed class LiveStack(ClusterConnection connection)
{
    /// <summary>How long a live check waits for the cluster to get there.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromMinutes(5);

    /// <summary>The environment the cluster is (<c>HOMELAB_ENVIRONMENT</c>, k3d by default).</summary>
    public static string Environment { get; } = System.Environment.GetEnvironmentVariable("HOMELAB_ENVIRONMENT") is { Length: > 0 } name ? name : "k3d";

    /// <summary>The cluster as a source of objects.</summary>
    public ClusterSource Source { get; } = new(connection);

    /// <summary>Reads and writes the cluster.</summary>
    public ClusterOperations Operations => field ??= new ClusterOperations(Source);

    /// <summary>A new namespace with a unique name, optionally in the mesh.</summary>
    /// <param name="prefix">The start of the name.</param>
    /// <param name="mesh">Whether pods get sidecars.</param>
    /// <param name="cancellationToken">Stops the call.</param>
    /// <returns>The namespace's name.</returns>
    public async Task<string> NamespaceAsync(string prefix, bool mesh, CancellationToken cancellationToken)
    {
        var name = $"{prefix}-{Guid.NewGuid().ToString("N")[..8]}";
        var labels = new JObject { ["homelab.dev/live-test"] = "true" };
        if (mesh)
        {
            labels["istio-injection"] = "enabled";
        }

        await Operations.ApplyAsync(new JObject { ["apiVersion"] = "v1", ["kind"] = "Namespace", ["metadata"] = new JObject { ["name"] = name, ["labels"] = labels } }, null, cancellationToken);
        return name;
    }

    /// <summary>Runs a pod to completion and returns its log.</summary>
    /// <param name="ns">The namespace.</param>
    /// <param name="name">The pod's name.</param>
    /// <param name="image">The image.</param>
    /// <param name="script">A shell script.</param>
    /// <param name="cancellationToken">Stops the wait.</param>
    /// <param name="configure">Changes the pod before it is created (volumes, for example).</param>
    /// <returns>The main container's log.</returns>
    public async Task<string> RunAsync(string ns, string name, string image, string script, CancellationToken cancellationToken, Action<JObject>? configure = null)
    {
        var pod = ObservabilityLiveTests.Pod(ns, name, image, script);
        pod["spec"]!["restartPolicy"] = "Never";
        configure?.Invoke(pod);
        await Operations.CreateAsync(pod, ns, cancellationToken);
        await Operations.WaitAsync(new ResourceQuery("v1", "Pod", ns, name), HomeLab.Assertions.Operations.WaitCondition.ForJsonPath("{.status.phase}", "Succeeded"), Patience, cancellationToken);
        return await Operations.CollectPodLogsAsync(new ResourceQuery("v1", "Pod", ns, name), name, null, cancellationToken);
    }

    /// <summary>Deletes namespaces the test made, even when the test failed.</summary>
    /// <param name="namespaces">The namespaces.</param>
    /// <returns>A task.</returns>
    public async Task CleanUpAsync(params string[] namespaces)
    {
        foreach (var ns in namespaces)
        {
            await Operations.DeleteNamespaceAsync(ns, CancellationToken.None);
        }
    }
}
