using FluentAssertions;
using HomeLab.Cluster.Client;
using HomeLab.Cluster.Deploy;
using HomeLab.Testing;
using Newtonsoft.Json.Linq;
using static HomeLab.Cluster.Tests.Argo.FakeApplications;
using static HomeLab.Cluster.Tests.Deploy.DeployFixtures;

namespace HomeLab.Cluster.Tests.Deploy;

/// <summary>Deploy, record, roll back and Ctrl-C against the loopback fake API server, on a fake clock.</summary>
public sealed class PromotionTests : IAsyncLifetime, IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly FakeApiServer _server = FakeApiServer.Start();
    private readonly FakeTimeProvider _time = new();
    private readonly ClusterConnection _connection;
    private readonly string _history = Path.Combine(Path.GetTempPath(), "homelab-deployments-" + Guid.NewGuid().ToString("N"));

    public PromotionTests()
    {
        _server.Serve("argoproj.io", "v1alpha1", "Application", "applications", namespaced: true);
        _connection = _server.Connect();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        _connection.Dispose();
        await _server.DisposeAsync();
    }

    public void Dispose()
    {
        if (Directory.Exists(_history))
        {
            Directory.Delete(_history, recursive: true);
        }
    }

    [Fact]
    public async Task A_deployment_points_the_root_app_at_the_revision_and_records_it_on_the_cluster_and_on_disk()
    {
        _server.Put(Root("old111"));
        _server.Put(Application("istio", 1, "Synced", "Healthy"));

        var outcome = await Promotion().DeployAsync(Root("main"), "new222", "alice", "1 to create, 0 to change, 0 to prune", CancellationToken.None).WaitAsync(Patience);

        outcome.Succeeded.Should().BeTrue(outcome.Describe());
        outcome.Describe().Should().StartWith("deployed new222 (was old111)");
        var root = _server.Find("argoproj.io/v1alpha1", "Application", "argocd", "root")!;
        root["spec"]!["source"]!["targetRevision"]!.Value<string>().Should().Be("new222");
        var record = DeploymentRecord.TryParse(root["metadata"]!["annotations"]![DeploymentRecord.Annotation]!.Value<string>());
        record.Should().Be(new DeploymentRecord("new222", "old111", _time.GetUtcNow(), "alice", "1 to create, 0 to change, 0 to prune"));
        var file = Directory.GetFiles(_history).Should().ContainSingle().Subject;
        DeploymentRecord.TryParse(await File.ReadAllTextAsync(file)).Should().Be(record);
    }

    [Fact]
    public async Task The_first_deployment_creates_the_root_application()
    {
        var outcome = await Promotion().DeployAsync(Root("main"), "first1", "alice", "summary", CancellationToken.None).WaitAsync(Patience);

        var root = _server.Find("argoproj.io/v1alpha1", "Application", "argocd", "root")!;
        root["spec"]!["source"]!["targetRevision"]!.Value<string>().Should().Be("first1");
        outcome.Record.PreviousRevision.Should().BeNull();
    }

    [Fact]
    public async Task The_first_deployment_applies_the_AppProjects_before_it_creates_the_root_application()
    {
        _server.Serve("argoproj.io", "v1alpha1", "AppProject", "appprojects", namespaced: true);
        var project = new JObject { ["apiVersion"] = "argoproj.io/v1alpha1", ["kind"] = "AppProject", ["metadata"] = new JObject { ["name"] = "platform", ["namespace"] = "argocd" } };
        var promotion = new Promotion(new ApiServerClient(_connection), _time) { Projects = [project], HistoryDirectory = _history };

        await promotion.DeployAsync(Root("main"), "first1", "alice", "summary", CancellationToken.None).WaitAsync(Patience);

        _server.Find("argoproj.io/v1alpha1", "AppProject", "argocd", "platform").Should().NotBeNull();
        var writes = _server.Received.Where(r => r.Method == "PATCH").Select(r => r.Path).ToList();
        writes.Should().StartWith(["/apis/argoproj.io/v1alpha1/namespaces/argocd/appprojects/platform", "/apis/argoproj.io/v1alpha1/namespaces/argocd/applications/root"]);
    }

    [Fact]
    public async Task Rollback_re_points_the_root_app_at_the_previous_recorded_revision_and_waits()
    {
        _server.Put(Root("new222", new DeploymentRecord("new222", "old111", _time.GetUtcNow(), "alice", "s").ToJson()));
        _server.Put(Application("istio", 1, "Synced", "Healthy"));
        _server.Put(Application("grafana", 2, "OutOfSync", "Progressing"));

        var rolling = Promotion().RollbackAsync("bob", CancellationToken.None);
        await _server.WaitForWatchersAsync(1);
        _server.Find("argoproj.io/v1alpha1", "Application", "argocd", "root")!["spec"]!["source"]!["targetRevision"]!.Value<string>().Should().Be("old111");
        rolling.IsCompleted.Should().BeFalse("the rollback waits for every wave");
        _server.Put(Application("grafana", 2, "Synced", "Healthy"));
        var outcome = await rolling.WaitAsync(Patience);

        outcome.Succeeded.Should().BeTrue();
        outcome.Record.Should().Be(new DeploymentRecord("old111", "new222", _time.GetUtcNow(), "bob", "rollback of new222"));
    }

    [Fact]
    public async Task Rollback_without_a_recorded_deployment_is_refused_before_any_write()
    {
        _server.Put(Root("main"));

        var rollback = () => Promotion().RollbackAsync("bob", CancellationToken.None);

        await rollback.Should().ThrowAsync<DeployRefusedException>().WithMessage("nothing to roll back*");
        _server.Received.Where(r => r.Method != "GET").Should().BeEmpty();
    }

    [Fact]
    public async Task Ctrl_C_mid_apply_says_what_was_synced_and_how_to_go_back()
    {
        _server.Put(Root("old111"));
        _server.Put(Application("istio", 1, "Synced", "Healthy"));
        _server.Put(Application("grafana", 2, "OutOfSync", "Progressing"));
        using var cancel = new CancellationTokenSource();

        var deploying = Promotion().DeployAsync(Root("main"), "new222", "alice", "s", cancel.Token);
        await _server.WaitForWatchersAsync(1);
        await cancel.CancelAsync();
        var outcome = await deploying.WaitAsync(Patience);

        outcome.Cancelled.Should().BeTrue();
        outcome.Succeeded.Should().BeFalse();
        outcome.Synced.Select(w => w.Wave).Should().Equal(0, 1);
        outcome.Describe().Should().Be("cancelled: the root Application points at new222; waves 0, 1 Synced and Healthy, the rest not waited for (ArgoCD keeps syncing); to go back to old111: ./build.sh DeployProd --rollback --kube-context homelab");
    }

    [Fact]
    public async Task A_wave_that_times_out_fails_with_the_rollback_command()
    {
        _server.Put(Root("old111"));
        _server.Put(Application("grafana", 2, "OutOfSync", "Degraded", "back-off pulling image"));

        var deploying = Promotion().DeployAsync(Root("main"), "new222", "alice", "s", CancellationToken.None);
        await _server.WaitForWatchersAsync(1);
        _time.Advance(TimeSpan.FromMinutes(6));
        var outcome = await deploying.WaitAsync(Patience);

        outcome.Succeeded.Should().BeFalse();
        outcome.Describe().Should().StartWith("deploying new222 failed: ").And.EndWith("to go back to old111: ./build.sh DeployProd --rollback --kube-context homelab");
    }

    private Promotion Promotion() => new(new ApiServerClient(_connection), _time)
    {
        HistoryDirectory = _history,
        RollbackCommand = "./build.sh DeployProd --rollback --kube-context homelab",
    };
}
