using FluentAssertions;
using HomeLab.Cluster.K3d;
using HomeLab.Tools.K3d;

namespace HomeLab.Cluster.Tests.K3d;

/// <summary>ClusterUp and ClusterDown against a fake k3d that records its arguments and keeps the cluster's state.</summary>
public sealed class K3dClusterLifecycleTests : IDisposable
{
    private readonly FakeK3d _k3d = new();
    private readonly List<string> _messages = [];

    public void Dispose() => _k3d.Dispose();

    [SkippableFact]
    public async Task An_absent_cluster_is_created_from_the_config_without_touching_the_users_kubeconfig()
    {
        Skip.If(OperatingSystem.IsWindows(), "the fake k3d is a bash script");

        var outcome = await Lifecycle().UpAsync(_k3d.KubeconfigPath, recreate: false, mergeKubeconfig: false, CancellationToken.None);

        outcome.Action.Should().Be(ClusterUpAction.Created);
        _k3d.Calls.Should().Equal(
            "cluster list -o json",
            $"cluster create --config {_k3d.ConfigPath} --kubeconfig-update-default=false --kubeconfig-switch-context=false",
            "kubeconfig get homelab");
        File.ReadAllText(_k3d.KubeconfigPath).Should().Contain("current-context: k3d-homelab");
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(_k3d.KubeconfigPath).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite, "it holds admin credentials");
        }

        outcome.Describe().Should().Be($"created cluster homelab; kubeconfig: {_k3d.KubeconfigPath}");
    }

    [SkippableFact]
    public async Task A_running_cluster_that_matches_is_reused_and_a_second_ClusterUp_creates_nothing()
    {
        Skip.If(OperatingSystem.IsWindows(), "the fake k3d is a bash script");

        await Lifecycle().UpAsync(_k3d.KubeconfigPath, false, false, CancellationToken.None);
        var second = await Lifecycle().UpAsync(_k3d.KubeconfigPath, false, false, CancellationToken.None);

        second.Action.Should().Be(ClusterUpAction.Reused);
        _k3d.Calls.Count(c => c.StartsWith("cluster create", StringComparison.Ordinal)).Should().Be(1);
    }

    [SkippableFact]
    public async Task A_stopped_cluster_is_started_not_created()
    {
        Skip.If(OperatingSystem.IsWindows(), "the fake k3d is a bash script");
        _k3d.State = "stopped";

        var outcome = await Lifecycle().UpAsync(_k3d.KubeconfigPath, false, false, CancellationToken.None);

        outcome.Action.Should().Be(ClusterUpAction.Started);
        _k3d.Calls.Should().Equal("cluster list -o json", "cluster start homelab --wait", "kubeconfig get homelab");
    }

    [SkippableFact]
    public async Task A_cluster_that_differs_from_the_config_is_left_alone_with_a_message_saying_what_differs_and_how_to_recreate()
    {
        Skip.If(OperatingSystem.IsWindows(), "the fake k3d is a bash script");
        _k3d.State = "drifted";

        var act = () => Lifecycle().UpAsync(_k3d.KubeconfigPath, false, false, CancellationToken.None);

        var thrown = await act.Should().ThrowAsync<ClusterDriftException>();
        thrown.Which.Differences.Should().Equal(
            $"agents: the cluster has 1, {_k3d.ConfigPath} asks for 2",
            $"image: the cluster runs docker.io/rancher/k3s:v1.31.0-k3s1, {_k3d.ConfigPath} asks for docker.io/rancher/k3s:v1.32.4-k3s1");
        thrown.Which.Message.Should().Contain("nothing was changed").And.Contain("./build.sh ClusterUp --recreate");
        _k3d.Calls.Should().Equal(["cluster list -o json"], "nothing is created, started or deleted half-way");
        File.Exists(_k3d.KubeconfigPath).Should().BeFalse();
    }

    [SkippableFact]
    public async Task Recreate_deletes_and_creates_a_cluster_that_differs()
    {
        Skip.If(OperatingSystem.IsWindows(), "the fake k3d is a bash script");
        _k3d.State = "drifted";

        var outcome = await Lifecycle().UpAsync(_k3d.KubeconfigPath, recreate: true, false, CancellationToken.None);

        outcome.Action.Should().Be(ClusterUpAction.Recreated);
        _k3d.Calls.Should().ContainInOrder("cluster delete homelab", $"cluster create --config {_k3d.ConfigPath} --kubeconfig-update-default=false --kubeconfig-switch-context=false");
        _messages.Should().Contain(m => m.Contains("--recreate", StringComparison.Ordinal));
        _k3d.State.Should().Be("running");
    }

    [SkippableFact]
    public async Task Merge_kubeconfig_is_the_only_way_the_users_kubeconfig_is_touched()
    {
        Skip.If(OperatingSystem.IsWindows(), "the fake k3d is a bash script");
        _k3d.State = "running";

        await Lifecycle().UpAsync(_k3d.KubeconfigPath, false, mergeKubeconfig: true, CancellationToken.None);

        _k3d.Calls.Should().EndWith("kubeconfig merge homelab --kubeconfig-merge-default");
    }

    [SkippableFact]
    public async Task ClusterDown_deletes_a_cluster_once_and_then_has_nothing_to_do()
    {
        Skip.If(OperatingSystem.IsWindows(), "the fake k3d is a bash script");
        _k3d.State = "running";

        var first = await Lifecycle().DownAsync(CancellationToken.None);
        var second = await Lifecycle().DownAsync(CancellationToken.None);

        (first, second).Should().Be((true, false));
        _k3d.Calls.Should().Equal("cluster list -o json", "cluster delete homelab", "cluster list -o json");
    }

    [SkippableFact]
    public async Task Without_Docker_the_error_is_k3ds_last_line_with_a_hint()
    {
        Skip.If(OperatingSystem.IsWindows(), "the fake k3d is a bash script");
        _k3d.FailAsWithoutDocker();

        var act = () => Lifecycle().UpAsync(_k3d.KubeconfigPath, false, false, CancellationToken.None);

        (await act.Should().ThrowAsync<K3dCommandException>()).Which.Message.Should().Be(
            "k3d cluster list -o json failed: FATA[0000] Failed to list clusters: Cannot connect to the Docker daemon at unix:///var/run/docker.sock; hint: is Docker running (docker info)?");
    }

    [SkippableFact]
    public async Task Two_ClusterUp_at_once_never_both_create()
    {
        Skip.If(OperatingSystem.IsWindows(), "the fake k3d is a bash script");

        var outcomes = await Task.WhenAll(
            Lifecycle().UpAsync(_k3d.KubeconfigPath, false, false, CancellationToken.None),
            Lifecycle().UpAsync(_k3d.KubeconfigPath, false, false, CancellationToken.None));

        outcomes.Select(o => o.Action).Should().BeEquivalentTo([ClusterUpAction.Created, ClusterUpAction.Reused]);
        _k3d.Calls.Count(c => c.StartsWith("cluster create", StringComparison.Ordinal)).Should().Be(1);
    }

    [SkippableFact]
    public async Task K3d_is_found_on_PATH_before_anything_is_downloaded()
    {
        Skip.If(OperatingSystem.IsWindows(), "the fake k3d is a bash script");
        using var http = new HttpClient(new RefusingHandler());

        var found = await Tools.K3d.K3d.LocateOrDownloadAsync(
            new Tools.Downloads.ToolDownloader(http),
            environment: name => name == "PATH" ? _k3d.Directory : null,
            repositoryRoot: _k3d.Directory);

        found.ExecutablePath.Should().Be(_k3d.Executable);
    }

    [Fact]
    public void The_repository_k3d_config_is_read_as_ClusterUp_compares_it()
    {
        var root = Tools.RepositoryRoot.Find(AppContext.BaseDirectory)!;
        var config = K3dClusterConfig.Load(Path.Combine(root, "clusters", "k3d", "k3d.yaml"));

        (config.Name, config.Servers, config.Agents).Should().Be(("homelab", 1, 2));
        config.HostPorts.Should().Equal("8080:80", "8443:443");
        config.NodeLabels.Should().Contain(("hardware/zigbee=true", "agent:0")).And.Contain(("storage/nas=true", "agent:1"));
    }

    private K3dClusterLifecycle Lifecycle() => new(_k3d.Tool(), K3dClusterConfig.Load(_k3d.ConfigPath), TimeProvider.System)
    {
        LockPath = _k3d.LockPath,
        OnMessage = m =>
        {
            lock (_messages)
            {
                _messages.Add(m);
            }
        },
    };

    private sealed class RefusingHandler : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            throw new InvalidOperationException($"no download expected, got {request.RequestUri}");
    }
}
