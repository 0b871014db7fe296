
using HomeLab.Cluster.Client;
using HomeLab.Testing;

namespace HomeLab.Assertions.Tests.Cluster;

/// <summary>The cluster behaviours against a Testcontainers k3s; skipped with the reason where Docker is not available.</summary>
public sealed class ClusterBehaviourOnK3sTests(K3sClusterFixture k3s) : ClusterBehaviourTests, IClassFixture<K3sClusterFixture>
{
    private protected override Task<ClusterConnection> ConnectAsync()
    {
        Skip.If(k3s.SkipReason is not null, k3s.SkipReason);

        // The fixture owns its connection; each test gets its own over the same kubeconfig.
        return Task.FromResult(k3s.CreateConnection());
    }

    private protected override Task WatchOpenedAsync(CancellationToken cancellationToken) => Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
}
