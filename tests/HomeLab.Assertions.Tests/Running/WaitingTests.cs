using HomeLab.Assertions.Sources;
using HomeLab.Testing;
using k8s.Models;

namespace HomeLab.Assertions.Tests.Running;

public class WaitingTests
{
    private const string Ready = """
        apiVersion: v1
        kind: ConfigMap
        metadata: { name: app, namespace: t }
        data: { state: ready }
        """;

    private static string ConfigMap(string state) =>
        $"{{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{{\"name\":\"app\",\"namespace\":\"t\"}},\"data\":{{\"state\":\"{state}\"}}}}";

    [Fact]
    public async Task Assert_reacts_to_a_watched_change_without_the_clock_moving()
    {
        var source = new InMemorySource();
        source.Put(ConfigMap("starting"));
        var time = new FakeTimeProvider();
        var cluster = new ClusterUnderTest(source, timeProvider: time) { PollInterval = TimeSpan.FromHours(1) };

        var waiting = cluster.Assert(Ready);
        await Task.Delay(20);
        waiting.IsCompleted.Should().BeFalse();
        source.Put(ConfigMap("ready"));

        await waiting.WaitAsync(TimeSpan.FromSeconds(5));
        time.GetUtcNow().Should().Be(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero), "the watch, not a poll, woke the wait");
    }

    [Fact]
    public async Task Assert_polls_on_the_injected_clock_when_the_source_cannot_watch()
    {
        var source = new InMemorySource { CanWatch = false };
        source.Put(ConfigMap("starting"));
        var time = new FakeTimeProvider();
        var cluster = new ClusterUnderTest(source, timeProvider: time) { PollInterval = TimeSpan.FromSeconds(2) };

        var waiting = cluster.Assert(Ready);
        await Task.Delay(20);
        source.Put(ConfigMap("ready"));
        waiting.IsCompleted.Should().BeFalse("nothing looks again until the poll interval passes");

        await time.RunUntilDone(waiting.ContinueWith(t => t.Exception is null), TimeSpan.FromSeconds(1));
        waiting.IsCompletedSuccessfully.Should().BeTrue();
    }

    [Fact]
    public async Task Assert_times_out_on_the_fake_clock_with_field_errors_and_diff()
    {
        var source = new InMemorySource();
        source.Put(ConfigMap("starting"));
        var time = new FakeTimeProvider();
        var cluster = new ClusterUnderTest(source, timeProvider: time);

        var waiting = cluster.Assert(Ready, timeout: TimeSpan.FromSeconds(30));
        var failure = await time.RunUntilDone(Capture(waiting), TimeSpan.FromSeconds(5));

        failure.Should().BeOfType<AssertionFailedException>();
        failure!.Message.Should().Contain("data.state: Invalid value: \"starting\": Expected value: \"ready\"")
            .And.Contain("timed out after 30s")
            .And.Contain("-   state: \"ready\"").And.Contain("+   state: \"starting\"");
    }

    [Fact]
    public async Task An_expression_error_while_waiting_is_retried_until_it_holds()
    {
        // chainsaw#1823: length(null) fails until status.conditions exists; that is not fatal.
        var source = new InMemorySource();
        source.Put("""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"app","namespace":"t"}}""");
        var cluster = new ClusterUnderTest(source, timeProvider: new FakeTimeProvider());

        var waiting = cluster.Assert("""
            apiVersion: v1
            kind: ConfigMap
            metadata: { name: app, namespace: t }
            (length(data.items) > `0`): true
            """);
        await Task.Delay(20);
        waiting.IsCompleted.Should().BeFalse();
        source.Put("""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"app","namespace":"t"},"data":{"items":"a"}}""");
        await waiting.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Without_retrying_expression_errors_the_first_one_ends_the_wait_as_in_chainsaw()
    {
        var source = new InMemorySource();
        source.Put("""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"app","namespace":"t"}}""");
        var cluster = new ClusterUnderTest(source, timeProvider: new FakeTimeProvider()) { RetryExpressionErrors = false };

        var waiting = async () => await cluster.Assert("""
            apiVersion: v1
            kind: ConfigMap
            metadata: { name: app, namespace: t }
            (length(data.items) > `0`): true
            """, timeout: TimeSpan.FromHours(1));

        (await waiting.Should().ThrowWithinAsync<AssertionFailedException>(TimeSpan.FromSeconds(5), "the fake clock never moves, so only ending the wait can finish it"))
            .Which.Message.Should().Contain("Expression error").And.NotContain("timed out");
    }

    [Fact]
    public async Task Any_and_all_candidates_are_explicit_when_a_tree_has_no_name()
    {
        // chainsaw#113: without a name a tree selects several objects.
        var source = new InMemorySource();
        source.Put("""{"apiVersion":"v1","kind":"Pod","metadata":{"name":"a","namespace":"t","labels":{"app":"x"}},"status":{"phase":"Running"}}""");
        source.Put("""{"apiVersion":"v1","kind":"Pod","metadata":{"name":"b","namespace":"t","labels":{"app":"x"}},"status":{"phase":"Pending"}}""");
        var cluster = new ClusterUnderTest(new StaticView(source));
        const string running = "apiVersion: v1\nkind: Pod\nmetadata: { namespace: t, labels: { app: x } }\nstatus: { phase: Running }\n";

        await cluster.Assert(running, match: Steps.CandidateMatch.Any);
        var all = async () => await cluster.Assert(running, match: Steps.CandidateMatch.All);
        (await all.Should().ThrowAsync<AssertionFailedException>()).Which.Message.Should()
            .Contain("1 of 2 selected objects match (match: all)")
            .And.Contain("t/b: status.phase: Invalid value: \"Pending\"");
    }

    [Fact]
    public async Task Error_passes_when_the_object_is_absent_and_fails_when_it_matches()
    {
        var cluster = new ClusterUnderTest(new StaticView(new InMemorySource()));
        await cluster.Error("apiVersion: v1\nkind: Secret\nmetadata: { name: leaked, namespace: t }\n");

        var source = new InMemorySource();
        source.Put("""{"apiVersion":"v1","kind":"Secret","metadata":{"name":"leaked","namespace":"t"}}""");
        var act = () => new ClusterUnderTest(new StaticView(source)).Error("apiVersion: v1\nkind: Secret\nmetadata: { name: leaked, namespace: t }\n");
        await act.Should().ThrowAsync<AssertionFailedException>().WithMessage("*expects it not to*");
    }

    [Fact]
    public async Task Eventually_retries_a_typed_check_until_it_stops_throwing()
    {
        var source = new InMemorySource();
        source.Put("""{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"istiod","namespace":"istio-system"},"status":{"readyReplicas":0}}""");
        var cluster = new ClusterUnderTest(source, timeProvider: new FakeTimeProvider());

        var waiting = cluster.Eventually<V1Deployment>("istiod", "istio-system", d => d.Status.ReadyReplicas.Should().BeGreaterThan(0), TimeSpan.FromMinutes(2));
        await Task.Delay(20);
        waiting.IsCompleted.Should().BeFalse();
        source.Put("""{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"istiod","namespace":"istio-system"},"status":{"readyReplicas":1}}""");

        (await waiting.WaitAsync(TimeSpan.FromSeconds(5))).Status.ReadyReplicas.Should().Be(1);
    }

    [Fact]
    public async Task Eventually_reports_the_last_failure_when_time_runs_out()
    {
        var source = new InMemorySource();
        source.Put("""{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","namespace":"a"},"status":{"readyReplicas":0}}""");
        var time = new FakeTimeProvider();
        var cluster = new ClusterUnderTest(source, timeProvider: time);

        var waiting = cluster.Eventually<V1Deployment>("web", "a", d => d.Status.ReadyReplicas.Should().BeGreaterThan(0), TimeSpan.FromSeconds(10));
        var failure = await time.RunUntilDone(Capture(waiting), TimeSpan.FromSeconds(2));

        failure!.Message.Should().Contain("Deployment a/web").And.Contain("timed out after 10s");
    }

    private static async Task<Exception?> Capture(Task task)
    {
        try
        {
            await task;
            return null;
        }
        catch (Exception ex)
        {
            return ex;
        }
    }

    /// <summary>An in-memory source that says it is not live: checked once, no waiting.</summary>
    private sealed class StaticView(InMemorySource inner) : IResourceSource
    {
        public string Description => "static";

        public bool IsLive => false;

        public Task<Newtonsoft.Json.Linq.JObject?> GetAsync(ResourceQuery query, CancellationToken cancellationToken) => inner.GetAsync(query, cancellationToken);

        public Task<IReadOnlyList<Newtonsoft.Json.Linq.JObject>> ListAsync(ResourceQuery query, CancellationToken cancellationToken) => inner.ListAsync(query, cancellationToken);

        public IAsyncEnumerable<ResourceChange>? Watch(ResourceQuery query, CancellationToken cancellationToken) => null;
    }
}
