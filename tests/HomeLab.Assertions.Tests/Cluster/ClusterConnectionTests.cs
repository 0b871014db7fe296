using System.Net;
using System.Net.Sockets;
using HomeLab.Assertions.Cluster;

using HomeLab.Cluster.Client;
using HomeLab.Testing;

namespace HomeLab.Assertions.Tests.Cluster;

/// <summary>Connecting and the quick reachability probe the live tests skip on.</summary>
public sealed class ClusterConnectionTests : IAsyncLifetime
{
    private readonly FakeApiServer _server = FakeApiServer.Start();
    private readonly string _kubeconfig = Path.Combine(Path.GetTempPath(), $"homelab-kubeconfig-{Guid.NewGuid():N}.yaml");

    public async Task InitializeAsync()
    {
        var template = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Cluster", "kubeconfig-fake.yaml"));
        await File.WriteAllTextAsync(_kubeconfig, template.Replace("SERVER_URL", _server.Url.ToString().TrimEnd('/')).Replace("CLOSED_URL", $"http://127.0.0.1:{ClosedPort()}"));
    }

    public async Task DisposeAsync()
    {
        File.Delete(_kubeconfig);
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task A_kubeconfig_whose_server_answers_is_reachable_with_its_version()
    {
        var result = await ClusterConnection.TryConnectAsync(ClusterConnectionOptions.Default.WithKubeconfig(_kubeconfig), TestObjects.Within(10));

        result.IsReachable.Should().BeTrue(result.Reason);
        result.ServerVersion.Should().Be("v1.32.0-fake");
        _server.RequestsTo("GET", "/version").Single().Should().NotBeNull();
    }

    [Fact]
    public async Task The_context_option_chooses_the_cluster_and_its_namespace()
    {
        using var connection = ClusterConnection.Connect(ClusterConnectionOptions.Default.WithKubeconfig(_kubeconfig));
        var closed = await ClusterConnection.TryConnectAsync(ClusterConnectionOptions.Default.WithKubeconfig(_kubeconfig).WithContext("closed"), TestObjects.Within(10));

        connection.DefaultNamespace.Should().Be("lab");
        connection.Context.Should().Be("fake");
        closed.IsReachable.Should().BeFalse();
        closed.Reason.Should().StartWith("cannot reach http://127.0.0.1:").And.Contain("ConnectionRefused");
    }

    [Fact]
    public async Task A_missing_kubeconfig_is_unreachable_naming_the_file()
    {
        var missing = Path.Combine(Path.GetTempPath(), "no-such-kubeconfig.yaml");

        var result = await ClusterConnection.TryConnectAsync(ClusterConnectionOptions.Default.WithKubeconfig(missing), TestObjects.Within(10));

        result.IsReachable.Should().BeFalse();
        result.Reason.Should().Contain(missing).And.Contain("not found");
    }

    [Fact]
    public void An_injected_environment_is_searched_instead_of_the_processs_and_KUBECONFIG_may_list_files()
    {
        var missing = Path.Combine(Path.GetTempPath(), "no-such-kubeconfig.yaml");
        var listed = new Dictionary<string, string> { ["KUBECONFIG"] = missing + Path.PathSeparator + _kubeconfig };

        using var connection = ClusterConnection.Connect(ClusterConnectionOptions.Default.WithEnvironment(listed));

        connection.KubeconfigPath.Should().Be(_kubeconfig);
        connection.Context.Should().Be("fake");
    }

    [Fact]
    public void With_no_kubeconfig_anywhere_the_message_is_one_line_with_the_callers_hint()
    {
        var home = Path.Combine(Path.GetTempPath(), $"homelab-home-{Guid.NewGuid():N}");
        var options = ClusterConnectionOptions.Default.WithEnvironment(new Dictionary<string, string> { ["HOME"] = home }).WithMissingKubeconfigHint("fetch the hardware's kubeconfig");

        var connect = () => ClusterConnection.Connect(options);

        connect.Should().Throw<ClusterConnectionException>().Which.Message.Should()
            .Be($"no kubeconfig: KUBECONFIG is unset, {Path.Combine(home, ".kube", "config")} does not exist and this is not a pod (KUBERNETES_SERVICE_HOST unset); hint: fetch the hardware's kubeconfig");
    }

    [Fact]
    public async Task An_unknown_context_is_unreachable_with_a_hint()
    {
        var result = await ClusterConnection.TryConnectAsync(ClusterConnectionOptions.Default.WithKubeconfig(_kubeconfig).WithContext("nope"), TestObjects.Within(10));

        result.IsReachable.Should().BeFalse();
        result.Reason.Should().Contain("context 'nope'").And.Contain("kubectl config get-contexts");
    }

    [Fact]
    public async Task A_server_that_does_not_answer_in_time_is_unreachable_quickly()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var port = ((IPEndPoint)silent.LocalEndpoint).Port;
        using var connection = ClusterConnection.FromConfiguration(new k8s.KubernetesClientConfiguration { Host = $"http://127.0.0.1:{port}" });

        var result = await connection.ProbeAsync(TimeSpan.FromMilliseconds(200), TestObjects.Within(10));

        result.IsReachable.Should().BeFalse();
        result.Reason.Should().Contain("did not answer within 0.2 s");
    }

    [ClusterFact]
    public async Task The_kubeconfig_cluster_answers_with_its_version()
    {
        var result = await ClusterConnection.TryConnectAsync(LiveCluster.Options, TestObjects.Within(10));

        result.IsReachable.Should().BeTrue();
        result.ServerVersion.Should().StartWith("v1.");
    }

    [ClusterTheory]
    [InlineData("v1", "Namespace", false)]
    [InlineData("apps/v1", "Deployment", true)]
    [InlineData("apiextensions.k8s.io/v1", "CustomResourceDefinition", false)]
    public async Task The_kubeconfig_cluster_serves_the_built_in_kinds(string apiVersion, string kind, bool namespaced)
    {
        using var connection = LiveCluster.Connect();

        var resource = await new ClusterSource(connection).Discovery.ResolveAsync(apiVersion, kind, TestObjects.Within(10));

        resource.Namespaced.Should().Be(namespaced);
    }

    private static int ClosedPort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
