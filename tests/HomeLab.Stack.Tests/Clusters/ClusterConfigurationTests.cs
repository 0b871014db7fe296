using HomeLab.Manifests.Environments;
using HomeLab.Manifests.Yaml;
using HomeLab.Stack.Tests.Platform;

namespace HomeLab.Stack.Tests.Clusters;

[Collection(RenderedEnvironments.Collection)]
[Trait(Tier.Name, Tier.Offline)]
public class ClusterConfigurationTests(RenderedEnvironments fixture)
{
    private static readonly string[] HardwareLabels = ["hardware/usb", "hardware/zigbee", "hardware/nvidia", "storage/nas"];

    /// <summary>Applications for hardware only k3s has: the NAS' CSI driver and the GPU's device plugin.</summary>
    private static readonly string[] K3sOnlyApplications = ["csi-driver-nfs", "nvidia-device-plugin"];

    /// <summary>Applications that stand in on k3d for hardware it lacks: the mock Zigbee adapter for the coordinator stick.</summary>
    private static readonly string[] K3dOnlyApplications = ["zigbee-adapter"];

    [Fact]
    public void The_k3d_cluster_has_one_server_and_two_agents_behind_ports_8080_and_8443()
    {
        var config = K3dConfig();

        config.GetString("apiVersion").Should().Be("k3d.io/v1alpha5");
        config.GetString("kind").Should().Be("Simple");
        config.GetString("servers").Should().Be("1");
        config.GetString("agents").Should().Be("2");
        var ports = config.GetList("ports")!.Items.OfType<YamlMap>().ToList();
        ports.Select(p => p.GetString("port")).Should().BeEquivalentTo("8080:80", "8443:443");
        ports.Should().OnlyContain(p => Applications.Strings(p["nodeFilters"]).SequenceEqual(new[] { "loadbalancer" }));
    }

    [Fact]
    public void The_k3d_cluster_has_a_local_registry_and_no_traefik()
    {
        var config = K3dConfig();
        var registry = config.GetMap("registries")!.GetMap("create")!;

        registry.GetString("name").Should().Be("registry.localhost");
        registry.GetString("hostPort").Should().Be("5111");
        ServerArgs(config).Should().Contain("--disable=traefik", "Istio's gateway serves ingress");
    }

    [Fact]
    public void The_k3d_cluster_uses_the_networks_its_environment_declares()
    {
        var environment = Load("k3d");
        var args = ServerArgs(K3dConfig());

        args.Should().Contain($"--cluster-cidr={environment.Network.PodCidr}");
        args.Should().Contain($"--service-cidr={environment.Network.ServiceCidr}");
    }

    [Fact]
    public void The_k3d_node_labels_match_the_environment_file()
    {
        var config = K3dConfig();
        var environment = Load("k3d");
        var agents = environment.Nodes.Where(n => n.Roles.Contains("agent")).ToList();
        agents.Should().HaveCount(2);

        var applied = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (var item in config.GetMap("options")!.GetMap("k3s")!.GetList("nodeLabels")!.Items.OfType<YamlMap>())
        {
            var (key, value) = Split(item.GetString("label")!);
            foreach (var filter in Applications.Strings(item["nodeFilters"]))
            {
                var node = filter.StartsWith("agent:", StringComparison.Ordinal) ? $"k3d-homelab-agent-{filter["agent:".Length..]}" : $"k3d-homelab-server-{filter["server:".Length..]}";
                (applied.TryGetValue(node, out var labels) ? labels : applied[node] = new(StringComparer.Ordinal))[key] = value;
            }
        }

        foreach (var node in environment.Nodes)
        {
            applied.GetValueOrDefault(node.Name, []).Should().BeEquivalentTo(node.Labels, $"k3d labels {node.Name} as environment.yaml says");
        }
    }

    [Theory]
    [InlineData("k3d")]
    [InlineData("k3s")]
    public void Every_hardware_label_is_on_some_node(string name)
    {
        var environment = Load(name);

        foreach (var label in HardwareLabels)
        {
            environment.Nodes.Should().Contain(n => n.Labels.GetValueOrDefault(label) == "true", $"a {name} node carries {label}");
        }
    }

    [Theory]
    [InlineData("k3d")]
    [InlineData("k3s")]
    public void The_networks_parse_and_do_not_overlap(string name)
    {
        var (environment, findings) = EnvironmentFile.Load(System.IO.Path.Combine(fixture.Root, "clusters", name, "environment.yaml"));

        findings.Should().BeEmpty();
        var network = environment!.Network;
        network.PodCidr.Overlaps(network.ServiceCidr).Should().BeFalse();
        foreach (var other in new[] { network.LanCidr, network.LoadBalancerPool }.OfType<AddressRange>())
        {
            network.PodCidr.Overlaps(other).Should().BeFalse();
            network.ServiceCidr.Overlaps(other).Should().BeFalse();
        }
    }

    [Fact]
    public void The_hardware_is_data_with_roles_capacity_and_a_load_balancer_pool_on_the_lan()
    {
        var environment = Load("k3s");

        environment.KubernetesVersion.Should().MatchRegex(@"^v1\.\d+\.\d+$");
        environment.Nodes.Should().Contain(n => n.Roles.Contains("server"));
        environment.Nodes.Should().OnlyContain(n => n.Capacity.ContainsKey("cpu") && n.Capacity.ContainsKey("memory"));
        environment.Network.LanCidr.Should().NotBeNull();
        environment.Network.LoadBalancerPool.Should().NotBeNull();
        environment.Network.LanCidr!.Contains(environment.Network.LoadBalancerPool!).Should().BeTrue();
    }

    [Fact]
    public void Both_environments_deploy_the_same_applications_except_those_for_k3s_hardware()
    {
        var k3d = Applications.In(fixture, "k3d").Select(a => a.Name!).ToHashSet();
        var k3s = Applications.In(fixture, "k3s").Select(a => a.Name!).ToHashSet();

        k3s.Except(k3d).Should().BeEquivalentTo(K3sOnlyApplications, "an environment is an overlay, never a copy: only hardware k3d lacks adds Applications");
        k3d.Except(k3s).Should().BeEquivalentTo(K3dOnlyApplications, "k3d runs nothing the hardware does not, except stand-ins for hardware it lacks");
    }

    private YamlMap K3dConfig()
    {
        var loaded = YamlLoader.Default.LoadFile(System.IO.Path.Combine(fixture.Root, "clusters/k3d/k3d.yaml"));
        loaded.Findings.Should().BeEmpty();
        return (YamlMap)loaded.Documents[0].Root!;
    }

    private EnvironmentDefinition Load(string name)
    {
        var (environment, findings) = EnvironmentFile.Load(System.IO.Path.Combine(fixture.Root, "clusters", name, "environment.yaml"));
        findings.Should().BeEmpty();
        return environment!;
    }

    private static List<string> ServerArgs(YamlMap config) =>
        [.. config.GetMap("options")!.GetMap("k3s")!.GetList("extraArgs")!.Items.OfType<YamlMap>()
            .Where(a => Applications.Strings(a["nodeFilters"]).Any(f => f.StartsWith("server", StringComparison.Ordinal)))
            .Select(a => a.GetString("arg")!)];

    private static (string Key, string Value) Split(string label)
    {
        var equals = label.IndexOf('=', StringComparison.Ordinal);
        return equals < 0 ? (label, string.Empty) : (label[..equals], label[(equals + 1)..]);
    }
}
