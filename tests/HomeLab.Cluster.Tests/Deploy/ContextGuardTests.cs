using FluentAssertions;
using HomeLab.Cluster.Deploy;
using HomeLab.Manifests.Environments;

namespace HomeLab.Cluster.Tests.Deploy;

/// <summary>The context guard: a promotion goes only to the cluster its environment declares.</summary>
public sealed class ContextGuardTests : IDisposable
{
    private const string Fingerprint = "3F:1A:00:FF:3F:1A:00:FF:3F:1A:00:FF:3F:1A:00:FF:3F:1A:00:FF:3F:1A:00:FF:3F:1A:00:FF:3F:1A:00:FF";
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "homelab-guard-" + Guid.NewGuid().ToString("N"), "k3s");

    public ContextGuardTests() => Directory.CreateDirectory(_directory);

    public void Dispose() => Directory.Delete(Path.GetDirectoryName(_directory)!, recursive: true);

    [Fact]
    public void The_declared_context_address_and_ca_pass()
    {
        var declared = Declare($"cluster:\n  context: homelab\n  server: https://192.168.1.10:6443\n  caFingerprint: \"sha256:3f1a00ff3f1a00ff3f1a00ff3f1a00ff3f1a00ff3f1a00ff3f1a00ff3f1a00ff\"\n");

        ContextGuard.Check(declared, new ClusterIdentity("homelab", new Uri("https://192.168.1.10:6443/"), Fingerprint)).Should().BeNull();
    }

    [Fact]
    public void A_wrong_context_is_refused_naming_what_was_expected_and_found()
    {
        var declared = Declare("cluster:\n  context: homelab\n  server: https://192.168.1.10:6443\n");

        var refuse = () => ContextGuard.Check(declared, new ClusterIdentity("staging", new Uri("https://192.168.1.10:6443/"), null));

        refuse.Should().Throw<DeployRefusedException>().WithMessage("*expected context 'homelab'*environment.yaml:*found 'staging'*--kube-context homelab*");
    }

    [Fact]
    public void A_context_pointing_at_another_address_is_refused()
    {
        var declared = Declare("cluster:\n  context: homelab\n  server: https://192.168.1.10:6443\n");

        var refuse = () => ContextGuard.Check(declared, new ClusterIdentity("homelab", new Uri("https://10.0.0.5:6443/"), null));

        refuse.Should().Throw<DeployRefusedException>().WithMessage("*points at https://10.0.0.5:6443/, expected https://192.168.1.10:6443/*");
    }

    [Fact]
    public void A_server_with_another_ca_is_refused()
    {
        var declared = Declare($"cluster:\n  context: homelab\n  server: https://192.168.1.10:6443\n  caFingerprint: \"{Fingerprint}\"\n");

        var refuse = () => ContextGuard.Check(declared, new ClusterIdentity("homelab", new Uri("https://192.168.1.10:6443/"), "AA:BB:CC:DD"));

        refuse.Should().Throw<DeployRefusedException>().WithMessage($"*CA of https://192.168.1.10:6443/ is AA:BB:CC:DD, expected {Fingerprint}*");
    }

    [Fact]
    public void A_k3d_context_is_never_a_deploy_target_even_when_declared()
    {
        var declared = Declare("cluster:\n  context: k3d-homelab\n  server: https://127.0.0.1:6443\n");

        var refuse = () => ContextGuard.Check(declared, new ClusterIdentity("k3d-homelab", new Uri("https://127.0.0.1:6443/"), null));

        refuse.Should().Throw<DeployRefusedException>().WithMessage("*a k3d context is never a DeployProd target*");
    }

    [Fact]
    public void The_hardware_context_is_never_a_cluster_up_target()
    {
        var declared = Declare("cluster:\n  context: k3d-homelab\n  server: https://192.168.1.10:6443\n");

        var refuse = () => ContextGuard.CheckNotProduction(declared, "homelab");

        refuse.Should().Throw<DeployRefusedException>().WithMessage("*k3s context is never a ClusterUp target*");
        ContextGuard.CheckNotProduction(declared, "dev");
    }

    [Fact]
    public void A_cluster_up_run_that_reaches_the_hardware_by_context_or_address_is_refused()
    {
        var declared = Declare("cluster:\n  context: homelab\n  server: https://192.168.1.10:6443\n");

        var byContext = () => ContextGuard.CheckNotProduction(declared, new ClusterIdentity("homelab", new Uri("https://10.9.9.9:6443/"), null));
        var byAddress = () => ContextGuard.CheckNotProduction(declared, new ClusterIdentity("k3d-homelab", new Uri("https://192.168.1.10:6443/"), null));
        var byFlag = () => ContextGuard.CheckNotProductionContext(declared, "homelab");

        byContext.Should().Throw<DeployRefusedException>().WithMessage("refusing to use context 'homelab': it is k3s's (*environment.yaml:2), and a k3s context is never a ClusterUp or StackUp target; hint: *");
        byAddress.Should().Throw<DeployRefusedException>().WithMessage("refusing to use https://192.168.1.10:6443/ (context 'k3d-homelab'): it is k3s's API server*");
        byFlag.Should().Throw<DeployRefusedException>();
        ContextGuard.CheckNotProduction(declared, new ClusterIdentity("k3d-homelab", new Uri("https://127.0.0.1:41234/"), null));
    }

    [Theory]
    [InlineData("context: <kubeconfig context>\n  server: https://192.168.1.10:6443", "cluster.context is a placeholder ('<kubeconfig context>'); hint: fill it with the context name*")]
    [InlineData("context: homelab\n  server: https://<address>:6443", "cluster.server is a placeholder ('https://<address>:6443'); hint: fill it with the server: line*")]
    [InlineData("context: CHANGEME\n  server: https://192.168.1.10:6443", "cluster.context is a placeholder ('CHANGEME')*")]
    [InlineData("context: homelab\n  server: https://192.168.1.10:6443\n  caFingerprint: \"3F:1A:…\"", "cluster.caFingerprint is a placeholder ('3F:1A:…'); hint: fill it with the fingerprint*")]
    [InlineData("context: homelab\n  server: https://192.168.1.10:6443\n  caFingerprint: \"3F:1A:00\"", "cluster.caFingerprint '3F:1A:00' is not a SHA-256 fingerprint (64 hex digits)*")]
    public void A_placeholder_left_in_the_declaration_is_refused_naming_the_key_to_fill(string cluster, string message)
    {
        var read = () => Declare($"cluster:\n  {cluster}\n");

        read.Should().Throw<DeployRefusedException>().WithMessage("*environment.yaml:*: " + message);
    }

    [Fact]
    public void The_committed_k3s_declaration_has_no_placeholder_left()
    {
        var file = Path.Combine(Tools.RepositoryRoot.Find(AppContext.BaseDirectory)!, "clusters", "k3s", "environment.yaml");
        var (environment, findings) = EnvironmentFile.Load(file);
        environment.Should().NotBeNull(string.Join("; ", findings));

        var declared = ClusterDeclaration.Read(environment!);

        declared.Context.Should().Be("homelab");
        declared.Server.Should().Be(new Uri("https://192.168.1.10:6443"));
    }

    [Fact]
    public void An_undeclared_ca_passes_with_the_fingerprint_to_pin()
    {
        var declared = Declare("cluster:\n  context: homelab\n  server: https://192.168.1.10:6443\n");

        ContextGuard.Check(declared, new ClusterIdentity("homelab", new Uri("https://192.168.1.10:6443"), Fingerprint)).Should().Contain($"caFingerprint: {Fingerprint}");
    }

    [Fact]
    public void An_environment_without_a_cluster_section_is_refused_at_its_file()
    {
        var read = () => Declare("name: k3s\n");

        read.Should().Throw<DeployRefusedException>().WithMessage("*environment.yaml:1: k3s declares no cluster; hint: add cluster:*");
    }

    private ClusterDeclaration Declare(string yaml)
    {
        var file = Path.Combine(_directory, "environment.yaml");
        File.WriteAllText(file, yaml);
        var (environment, findings) = EnvironmentFile.Load(file);
        environment.Should().NotBeNull(string.Join("; ", findings));
        return ClusterDeclaration.Read(environment!);
    }
}
