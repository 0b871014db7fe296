using HomeLab.Manifests.Environments;
using HomeLab.Stack.Tests.Platform;
using HomeLab.Testing;
using k8s;

namespace HomeLab.Stack.Tests.Clusters;

/// <summary>The cluster matches its environment file (./build.sh ClusterUp Test).</summary>
[Trait(Tier.Name, Tier.Live)]
public sealed class ClusterLiveTests : LiveTests
{
    [ClusterFact]
    [Trait(Component.Name, Component.Stack)]
    public async Task Every_node_of_the_environment_is_ready_with_its_labels()
    {
        var root = HomeLab.Tools.RepositoryRoot.Find()!;
        var (environment, findings) = EnvironmentFile.Load(Path.Combine(root, "clusters", LiveStack.Environment, "environment.yaml"));
        findings.Should().BeEmpty();

        var nodes = (await Connection!.Kubernetes.CoreV1.ListNodeAsync()).Items.ToDictionary(n => n.Metadata.Name, StringComparer.Ordinal);

        nodes.Keys.Should().BeEquivalentTo(environment!.Nodes.Select(n => n.Name), "the cluster has exactly the nodes environment.yaml lists");
        foreach (var expected in environment.Nodes)
        {
            var node = nodes[expected.Name];
            node.Status.Conditions.Should().Contain(c => c.Type == "Ready" && c.Status == "True", $"{expected.Name} is Ready");
            node.Metadata.Labels.Should().Contain(expected.Labels, $"{expected.Name} carries the labels environment.yaml gives it");
        }
    }
}
