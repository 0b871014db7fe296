using HomeLab.Cluster.Client;
using HomeLab.Testing;

namespace HomeLab.Assertions.Tests.Cluster;

/// <summary>The cluster behaviours against the loopback <see cref="FakeApiServer"/> (client logic only).</summary>
public sealed class ClusterBehaviourOnFakeApiServerTests : ClusterBehaviourTests
{
    private readonly FakeApiServer _server = FakeApiServer.Start();

    private protected override Task<ClusterConnection> ConnectAsync() => Task.FromResult(_server.Connect());

    private protected override Task WatchOpenedAsync(CancellationToken cancellationToken) => _server.WaitForWatchersAsync(1, cancellationToken);

    private protected override async Task DisposeServerAsync() => await _server.DisposeAsync();
}
