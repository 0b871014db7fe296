using HomeLab.Manifests.Environments;
using HomeLab.Manifests.Findings;

namespace HomeLab.Manifests.Tests.Environments;

public sealed class EnvironmentCatalogTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("homelab-env-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Write(string environment, string text)
    {
        var directory = Directory.CreateDirectory(Path.Combine(_root, "clusters", environment)).FullName;
        var file = Path.Combine(directory, "environment.yaml");
        File.WriteAllText(file, text);
        return file;
    }

    private static string FixtureRepo => Path.Combine(AppContext.BaseDirectory, "Fixtures", "Rendering", "repo");

    [Fact]
    public void Every_directory_under_clusters_is_an_environment_named_after_it()
    {
        var catalog = EnvironmentCatalog.Discover(FixtureRepo);

        catalog.Findings.Should().BeEmpty();
        catalog.Names.Should().Equal("k3d", "k3s");
        var k3d = catalog.Find("k3d")!;
        k3d.KubernetesVersion.Should().Be("v1.32.4");
        k3d.Nodes.Select(n => n.Name).Should().Equal("server-0", "agent-0");
        k3d.Nodes[1].Labels.Should().Contain("hardware/zigbee", "true");
        k3d.Nodes[1].Capacity.Should().Contain("memory", "4Gi");
        k3d.StorageClasses.Should().ContainSingle().Which.Should().Be(new StorageClassDefinition("local-path", "rancher.io/local-path", true));
        k3d.Render.Kustomizations.Should().ContainSingle().Which.Path.Should().Be(Path.Combine(FixtureRepo, "clusters", "k3d"));
    }

    [Fact]
    public void A_new_directory_is_a_new_environment_and_one_without_a_file_is_reported()
    {
        Write("edge", "kubernetesVersion: v1.31.0\n");
        Directory.CreateDirectory(Path.Combine(_root, "clusters", "lab"));

        var catalog = EnvironmentCatalog.Discover(_root);

        catalog.Names.Should().Equal("edge");
        var finding = catalog.Findings.Should().ContainSingle().Subject;
        finding.RuleId.Should().Be(EnvironmentRuleIds.MissingFile);
        finding.Message.Should().Contain("lab");
    }

    [Theory]
    [InlineData("small", "10.42.0.0/24")]
    [InlineData("medium", "10.42.0.0/20")]
    [InlineData("large", "10.42.0.0/16")]
    public void A_size_preset_sizes_the_default_pod_and_service_ranges(string size, string pods)
    {
        Write("lab", $"network:\n  size: {size}\n");

        var network = EnvironmentCatalog.Discover(_root).Environments.Single().Network;

        network.PodCidr.Text.Should().Be(pods);
        network.ServiceCidr.PrefixLength.Should().Be(network.PodCidr.PrefixLength);
    }

    [Fact]
    public void Without_a_preset_the_ranges_are_slash_16()
    {
        Write("lab", "nodes: []\n");

        var network = EnvironmentCatalog.Discover(_root).Environments.Single().Network;

        network.Size.Should().Be(NetworkSize.Large);
        network.PodCidr.Text.Should().Be("10.42.0.0/16");
        network.ServiceCidr.Text.Should().Be("10.43.0.0/16");
    }

    [Fact]
    public void A_range_that_does_not_parse_is_an_error_at_its_line()
    {
        var file = Write("lab", "network:\n  podCidr: 10.42.0.0/16\n  serviceCidr: 10.43.0.300/16\n  lanCidr: 192.168.1.7/24\n");

        var findings = EnvironmentCatalog.Discover(_root).Findings;

        findings.Select(f => (f.RuleId, f.Span!.Value.Line)).Should().Equal((EnvironmentRuleIds.InvalidRange, 3), (EnvironmentRuleIds.InvalidRange, 4));
        findings[0].Span!.Value.File.Should().Be(file);
        findings[1].Message.Should().Contain("host bits").And.Contain("192.168.1.0/24");
    }

    [Fact]
    public void Pod_and_service_ranges_that_overlap_are_an_error_at_the_later_line()
    {
        Write("lab", "network:\n  podCidr: 10.42.0.0/16\n  serviceCidr: 10.42.128.0/17\n");

        var finding = EnvironmentCatalog.Discover(_root).Findings.Should().ContainSingle().Subject;

        finding.RuleId.Should().Be(EnvironmentRuleIds.OverlappingRanges);
        finding.Severity.Should().Be(Severity.Error);
        finding.Span!.Value.Line.Should().Be(3);
        finding.Message.Should().Be("podCidr 10.42.0.0/16 overlaps serviceCidr 10.42.128.0/17");
    }

    [Fact]
    public void A_pod_range_that_overlaps_the_lan_or_the_load_balancer_pool_is_an_error()
    {
        Write("lab", "network:\n  podCidr: 192.168.0.0/16\n  lanCidr: 192.168.1.0/24\n  loadBalancerPool: 192.168.1.240-192.168.1.250\n");

        var findings = EnvironmentCatalog.Discover(_root).Findings;

        findings.Select(f => (f.RuleId, f.Span!.Value.Line)).Should().Equal((EnvironmentRuleIds.OverlappingRanges, 3), (EnvironmentRuleIds.OverlappingRanges, 4));
    }

    [Fact]
    public void A_default_range_that_overlaps_the_lan_is_reported_at_the_lan_line_and_called_the_default()
    {
        Write("lab", "network:\n  lanCidr: 10.43.0.0/24\n");

        var finding = EnvironmentCatalog.Discover(_root).Findings.Should().ContainSingle().Subject;

        finding.Span!.Value.Line.Should().Be(2);
        finding.Message.Should().Contain("serviceCidr 10.43.0.0/16 (the default)");
    }

    [Fact]
    public void A_load_balancer_pool_outside_the_lan_is_a_warning()
    {
        Write("lab", "network:\n  lanCidr: 192.168.1.0/24\n  loadBalancerPool: 192.168.2.240/28\n");

        var finding = EnvironmentCatalog.Discover(_root).Findings.Should().ContainSingle().Subject;

        finding.RuleId.Should().Be(EnvironmentRuleIds.PoolOutsideLan);
        finding.Severity.Should().Be(Severity.Warning);
        finding.Span!.Value.Line.Should().Be(3);
    }

    [Fact]
    public void An_unknown_preset_a_misnamed_environment_and_a_missing_render_path_are_errors_at_their_lines()
    {
        Write("lab", "name: prod\nnetwork:\n  size: huge\nrender:\n  kustomizations: [./missing]\n");

        var findings = EnvironmentCatalog.Discover(_root).Findings;

        findings.Select(f => (f.RuleId, f.Span!.Value.Line)).Should().BeEquivalentTo(new[]
        {
            (EnvironmentRuleIds.InvalidField, 1),
            (EnvironmentRuleIds.InvalidField, 3),
            (EnvironmentRuleIds.RenderPathNotFound, 5),
        });
    }

    [Fact]
    public void Ipv6_ranges_parse_and_overlap_only_within_their_family()
    {
        Write("lab", "network:\n  podCidr: fd00:42::/56\n  serviceCidr: fd00:43::/112\n  lanCidr: 10.42.0.0/24\n");

        var catalog = EnvironmentCatalog.Discover(_root);

        catalog.Findings.Should().BeEmpty();
        catalog.Environments.Single().Network.PodCidr.PrefixLength.Should().Be(56);
    }
}
