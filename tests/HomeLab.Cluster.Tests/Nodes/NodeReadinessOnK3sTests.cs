using FluentAssertions;
using HomeLab.Cluster.Nodes;
using HomeLab.Manifests.Environments;
using HomeLab.Testing;
using k8s;
using k8s.Models;

namespace HomeLab.Cluster.Tests.Nodes;

/// <summary>
/// ClusterUp's cluster-facing part — the watch until every node is Ready, then the label check — against a real
/// k3s (Testcontainers); skipped with the reason where Docker does not answer.
/// </summary>
public sealed class NodeReadinessOnK3sTests(K3sClusterFixture k3s) : IClassFixture<K3sClusterFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    [SkippableFact]
    public async Task The_watch_returns_the_k3s_node_once_it_is_Ready()
    {
        Skip.If(k3s.SkipReason is not null, k3s.SkipReason);
        using var connection = k3s.CreateConnection();
        var changes = new List<(string Node, bool Ready)>();

        var nodes = await new NodeReadiness(connection.Kubernetes, TimeProvider.System) { OnChange = (node, ready) => changes.Add((node, ready)) }
            .WaitReadyAsync(1, Patience, CancellationToken.None);

        nodes.Should().ContainSingle();
        nodes[0].Status.Conditions.Should().Contain(c => c.Type == "Ready" && c.Status == "True");
        changes.Should().NotBeEmpty().And.EndWith((nodes[0].Metadata.Name, true));
    }

    [SkippableFact]
    public async Task A_declared_label_the_node_lacks_is_named_until_the_node_carries_it()
    {
        Skip.If(k3s.SkipReason is not null, k3s.SkipReason);
        using var connection = k3s.CreateConnection();
        var readiness = new NodeReadiness(connection.Kubernetes, TimeProvider.System);
        var node = (await readiness.WaitReadyAsync(1, Patience, CancellationToken.None))[0].Metadata.Name;
        ClusterNode[] declared = [new(node, ["server"], new Dictionary<string, string> { ["hardware/zigbee"] = "true" }, new Dictionary<string, string>())];

        var before = NodeReadiness.CheckLabels(await Nodes(connection.Kubernetes), declared, "clusters/k3d/environment.yaml");
        await connection.Kubernetes.CoreV1.PatchNodeAsync(
            new V1Patch("""{"metadata":{"labels":{"hardware/zigbee":"true"}}}""", V1Patch.PatchType.MergePatch), node);
        var after = NodeReadiness.CheckLabels(await Nodes(connection.Kubernetes), declared, "clusters/k3d/environment.yaml");

        before.Should().ContainSingle().Which.Should().StartWith($"clusters/k3d/environment.yaml: node {node} lacks label hardware/zigbee=true");
        after.Should().BeEmpty();
    }

    private static async Task<IList<V1Node>> Nodes(IKubernetes kubernetes) => (await kubernetes.CoreV1.ListNodeAsync()).Items;
}
