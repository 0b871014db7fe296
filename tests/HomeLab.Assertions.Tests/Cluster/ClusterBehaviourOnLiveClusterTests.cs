
using HomeLab.Cluster.Client;
using HomeLab.Testing;

namespace HomeLab.Assertions.Tests.Cluster;

/// <summary>The cluster behaviours against the cluster of the kubeconfig; skipped with the reason when none answers.</summary>
public sealed class ClusterBehaviourOnLiveClusterTests : ClusterBehaviourTests
{
    private protected override Task<ClusterConnection> ConnectAsync()
    {
        Skip.If(LiveCluster.SkipReason is not null, LiveCluster.SkipReason);
        return Task.FromResult(LiveCluster.Connect());
    }

    // A real server gives no sign that a watch is open; the watch resumes from its list's resourceVersion,
    // so this only has to outlast the list request.
    private protected override Task WatchOpenedAsync(CancellationToken cancellationToken) => Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
}
