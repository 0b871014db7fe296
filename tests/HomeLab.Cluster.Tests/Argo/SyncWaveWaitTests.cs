using FluentAssertions;
using HomeLab.Cluster.Argo;
using HomeLab.Cluster.Client;
using HomeLab.Testing;
using static HomeLab.Cluster.Tests.Argo.FakeApplications;

namespace HomeLab.Cluster.Tests.Argo;

/// <summary>The wave-by-wave wait against the loopback fake API server: watches, ordering, timeouts on a fake clock.</summary>
public sealed class SyncWaveWaitTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly FakeApiServer _server = FakeApiServer.Start();
    private readonly FakeTimeProvider _time = new();
    private readonly ClusterConnection _connection;
    private readonly List<ApplicationProgress> _seen = [];
    private readonly List<WaveTiming> _waves = [];

    public SyncWaveWaitTests()
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

    [Fact]
    public async Task The_wait_ends_at_once_when_every_application_is_already_synced_and_healthy()
    {
        _server.Put(Application("crds", 0, "Synced", "Healthy"));
        _server.Put(Application("istio", 1, "Synced", "Healthy"));

        var outcome = await Wait().WaitAsync(CancellationToken.None).WaitAsync(Patience);

        outcome.Succeeded.Should().BeTrue();
        outcome.Waves.Select(w => w.Wave).Should().Equal(0, 1);
        outcome.Describe().Should().Be("2 Applications in 2 waves are Synced and Healthy");
        _server.RequestsTo("GET", "/apis/argoproj.io/v1alpha1/namespaces/argocd/applications").Should().ContainSingle("nothing was left to watch for");
    }

    [Fact]
    public async Task Waves_become_ready_in_order_as_the_watch_reports_changes()
    {
        _server.Put(Application("crds", 0, "Synced", "Healthy"));
        _server.Put(Application("istio", 1, "OutOfSync", "Missing"));
        _server.Put(Application("grafana", 2, "Synced", "Healthy"));

        var waiting = Wait().WaitAsync(CancellationToken.None);
        await _server.WaitForWatchersAsync(1);
        _waves.Select(w => w.Wave).Should().Equal([0], "wave 2 is healthy but wave 1 before it is not");
        _server.Put(Application("istio", 1, "Synced", "Progressing", "Waiting for rollout"));
        _server.Put(Application("istio", 1, "Synced", "Healthy"));
        var outcome = await waiting.WaitAsync(Patience);

        outcome.Succeeded.Should().BeTrue();
        outcome.Waves.Select(w => w.Wave).Should().Equal(0, 1, 2);
        _seen.Where(p => p.Name == "istio").Select(p => p.Health).Should().ContainInOrder("Missing", "Progressing", "Healthy");
        _seen.Should().Contain(p => p.Message == "Waiting for rollout");
        _server.RequestsTo("GET", "/apis/argoproj.io/v1alpha1/namespaces/argocd/applications")
            .Should().Contain(r => r.Query.GetValueOrDefault("watch") == "true", "changes arrive by a watch, not by polling");
    }

    [Fact]
    public async Task A_wave_that_stays_degraded_times_out_on_the_injected_clock_naming_its_applications()
    {
        _server.Put(Application("crds", 0, "Synced", "Healthy"));
        _server.Put(Application("loki", 1, "Synced", "Degraded", "Deployment loki has timed out progressing"));
        _server.Put(Application("tempo", 1, "Synced", "Healthy"));

        var waiting = Wait(TimeSpan.FromMinutes(3)).WaitAsync(CancellationToken.None);
        await _server.WaitForWatchersAsync(1);
        _time.Advance(TimeSpan.FromMinutes(3));
        var outcome = await waiting.WaitAsync(Patience);

        outcome.Succeeded.Should().BeFalse();
        outcome.FailedWave.Should().Be(1);
        outcome.NotReady.Select(a => a.Name).Should().Equal("loki");
        outcome.Describe().Should().Be("wave 1 was not Synced and Healthy within 180 s: loki Synced/Degraded (Deployment loki has timed out progressing)");
    }

    [Fact]
    public async Task Each_wave_gets_its_own_timeout()
    {
        _server.Put(Application("crds", 0, "OutOfSync", "Missing"));
        _server.Put(Application("istio", 1, "OutOfSync", "Missing"));

        var waiting = Wait(TimeSpan.FromMinutes(3)).WaitAsync(CancellationToken.None);
        await _server.WaitForWatchersAsync(1);
        _time.Advance(TimeSpan.FromMinutes(2));
        _server.Put(Application("crds", 0, "Synced", "Healthy"));
        await WaitUntil(() => _waves.Count == 1);
        _time.Advance(TimeSpan.FromMinutes(2));
        waiting.IsCompleted.Should().BeFalse("wave 1 started its own three minutes when wave 0 became ready");
        _server.Put(Application("istio", 1, "Synced", "Healthy"));
        var outcome = await waiting.WaitAsync(Patience);

        outcome.Succeeded.Should().BeTrue();
        outcome.Waves.Select(w => w.Duration).Should().Equal(TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(2));
    }

    [Fact]
    public async Task An_expected_application_that_does_not_exist_yet_holds_its_wave()
    {
        _server.Put(Application("root", 0, "Synced", "Healthy"));
        var waiting = new SyncWaveWait(_connection.Kubernetes, _time)
        {
            Expected = [new ExpectedApplication("root", 0), new ExpectedApplication("cert-manager", 1)],
            OnWaveReady = _waves.Add,
        }.WaitAsync(CancellationToken.None);
        await _server.WaitForWatchersAsync(1);
        waiting.IsCompleted.Should().BeFalse();
        _server.Put(Application("cert-manager", 1, "Synced", "Healthy"));
        var outcome = await waiting.WaitAsync(Patience);

        outcome.Succeeded.Should().BeTrue();
        outcome.Waves.Select(w => (w.Wave, w.Applications)).Should().Equal((0, 1), (1, 1));
    }

    private SyncWaveWait Wait(TimeSpan? timeout = null) => new(_connection.Kubernetes, _time)
    {
        WaveTimeout = timeout ?? TimeSpan.FromMinutes(5),
        OnChange = p =>
        {
            lock (_seen)
            {
                _seen.Add(p);
            }
        },
        OnWaveReady = _waves.Add,
    };

    private static async Task WaitUntil(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (!condition())
        {
            await Task.Delay(10, timeout.Token);
        }
    }
}
