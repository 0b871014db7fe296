using HomeLab.Assertions.Operations;
using HomeLab.Assertions.Reports;
using HomeLab.Assertions.Running;
using HomeLab.Assertions.Sources;
using HomeLab.Assertions.Steps;

using HomeLab.Testing;

namespace HomeLab.Assertions.Tests.Running;

public class TestRunnerTests
{
    private static (ClusterUnderTest Cluster, InMemoryCluster Ops, FakeTimeProvider Time) NewCluster()
    {
        var source = new InMemorySource();
        var ops = new InMemoryCluster(source);
        var time = new FakeTimeProvider();
        return (new ClusterUnderTest(source, ops, time), ops, time);
    }

    private static Operation Note(List<string> log, string text, bool fail = false) => Ops.Run(
        _ =>
        {
            lock (log)
            {
                log.Add(text);
            }

            return fail ? throw new InvalidOperationException(text + " failed") : Task.CompletedTask;
        },
        text);

    [Fact]
    public async Task Catch_runs_only_on_failure_finally_always_and_cleanup_in_reverse_at_the_end()
    {
        var (cluster, _, _) = NewCluster();
        var log = new List<string>();
        var test = new TestBuilder("order")
            .Step("one", s => s.Try(Note(log, "try1")).Catch(Note(log, "catch1")).Finally(Note(log, "finally1")).Cleanup(Note(log, "cleanup1a"), Note(log, "cleanup1b")))
            .Step("two", s => s.Try(Note(log, "try2"), Note(log, "boom", fail: true), Note(log, "never")).Catch(Note(log, "catch2")).Finally(Note(log, "finally2")).Cleanup(Note(log, "cleanup2")))
            .Step("three", s => s.Try(Note(log, "try3")))
            .Build();

        var report = await cluster.RunAsync(test);

        log.Should().Equal("try1", "finally1", "try2", "boom", "catch2", "finally2", "cleanup2", "cleanup1a", "cleanup1b");
        report.Status.Should().Be(ReportStatus.Failed);
        report.Steps.Select(s => s.Status).Should().Equal(ReportStatus.Passed, ReportStatus.Failed, ReportStatus.Skipped);
        report.Failures.Should().ContainSingle().Which.Should().Be("two: boom failed");
    }

    [Fact]
    public async Task Objects_the_test_created_are_deleted_last_first_and_the_ephemeral_namespace_after_them()
    {
        var (cluster, ops, _) = NewCluster();
        var test = new TestBuilder("create-things")
            .Step("apply", s => s.Try(
                Ops.Apply("apiVersion: v1\nkind: ConfigMap\nmetadata: { name: first }\n"),
                Ops.Apply("apiVersion: v1\nkind: ConfigMap\nmetadata: { name: second }\n"),
                Ops.Assert("apiVersion: v1\nkind: ConfigMap\nmetadata: { name: second, namespace: ($namespace) }\n")))
            .Build();

        var report = await cluster.RunAsync(test);

        report.Status.Should().Be(ReportStatus.Passed, ReportWriter.Narrate(report));
        report.Namespace.Should().StartWith("hl-create-things-");
        ops.Calls.Should().Equal(
            $"create namespace {report.Namespace}",
            $"apply v1/ConfigMap {report.Namespace}/first",
            $"apply v1/ConfigMap {report.Namespace}/second",
            $"delete v1/ConfigMap {report.Namespace}/second",
            $"delete v1/ConfigMap {report.Namespace}/first",
            $"delete namespace {report.Namespace}");
        ops.Source.Snapshot().Should().BeEmpty();
    }

    [Fact]
    public async Task A_named_namespace_is_neither_created_nor_deleted_and_preexisting_objects_stay()
    {
        var (cluster, ops, _) = NewCluster();
        ops.Source.Put("""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"keep","namespace":"shared"},"data":{"a":"1"}}""");
        var test = new TestBuilder("named").InNamespace("shared")
            .Step("apply", s => s.Try(Ops.Apply("apiVersion: v1\nkind: ConfigMap\nmetadata: { name: keep }\ndata: { b: '2' }\n")))
            .Build();

        var report = await cluster.RunAsync(test);

        report.Namespace.Should().Be("shared");
        ops.Calls.Should().Equal("apply v1/ConfigMap shared/keep");
        ops.Source.Snapshot().Should().ContainSingle().Which["data"]!["b"]!.ToString().Should().Be("2");
    }

    [Fact]
    public async Task Operation_timeouts_override_step_and_test_timeouts_on_the_fake_clock()
    {
        var (cluster, _, time) = NewCluster();
        var hang = Ops.Run(c => Task.Delay(Timeout.Infinite, c.CancellationToken), "hang");
        var test = new TestBuilder("timeouts").InNamespace("x")
            .WithTimeouts(new Timeouts(Assert: TimeSpan.FromSeconds(60)))
            .Step("s", s => s.WithTimeouts(new Timeouts(Assert: TimeSpan.FromSeconds(20))).Try(hang with { Timeout = TimeSpan.FromSeconds(3) }))
            .Build();

        var running = cluster.RunAsync(test);
        var report = await time.RunUntilDone(running, TimeSpan.FromSeconds(1));

        report.Steps[0].Operations[0].Errors.Should().ContainSingle().Which.Should().Be("timed out after 3s");
        time.GetUtcNow().Should().BeBefore(new DateTimeOffset(2025, 1, 1, 0, 0, 10, TimeSpan.Zero));
    }

    [Fact]
    public void Chainsaw_default_timeouts_are_the_documented_ones()
    {
        var t = Timeouts.ChainsawDefaults;
        (t.Apply, t.Assert, t.Cleanup, t.Delete, t.Error, t.Exec).Should().Be(
            (TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(5)));
        t.With(new Timeouts(Assert: TimeSpan.FromMinutes(2))).For(OperationKind.Assert).Should().Be(TimeSpan.FromMinutes(2));
        t.For(OperationKind.Patch).Should().Be(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Tests_in_one_concurrency_group_never_overlap_and_others_run_in_parallel()
    {
        var (cluster, _, _) = NewCluster();
        var running = 0;
        var maxGrouped = 0;
        var bothStarted = new CountdownEvent(2);
        Operation Grouped() => Ops.Run(async _ =>
        {
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref maxGrouped, now);
            await Task.Delay(20);
            Interlocked.Decrement(ref running);
        });
        Operation Rendezvous() => Ops.Run(_ =>
        {
            bothStarted.Signal();
            return bothStarted.Wait(TimeSpan.FromSeconds(5)) ? Task.CompletedTask : throw new InvalidOperationException("ran alone");
        });
        var tests = new[]
        {
            new TestBuilder("g1").InNamespace("n").InConcurrencyGroup("db").Step("s", s => s.Try(Grouped())).Build(),
            new TestBuilder("g2").InNamespace("n").InConcurrencyGroup("db").Step("s", s => s.Try(Grouped())).Build(),
            new TestBuilder("g3").InNamespace("n").InConcurrencyGroup("db").Step("s", s => s.Try(Grouped())).Build(),
        };
        var free = new[]
        {
            new TestBuilder("p1").InNamespace("n").Step("s", s => s.Try(Rendezvous())).Build(),
            new TestBuilder("p2").InNamespace("n").Step("s", s => s.Try(Rendezvous())).Build(),
        };

        var grouped = await new TestRunner(cluster) { MaxParallelism = 4 }.RunAsync(tests);
        var parallel = await new TestRunner(cluster) { MaxParallelism = 4 }.RunAsync(free);

        grouped.Passed.Should().BeTrue();
        maxGrouped.Should().Be(1);
        parallel.Passed.Should().BeTrue(string.Join("\n", parallel.Tests.SelectMany(t => t.Failures)));
    }

    [Fact]
    public async Task Script_output_is_checked_with_an_assertion_tree_and_bindings()
    {
        var (cluster, _, _) = NewCluster();
        var test = new TestBuilder("script").InNamespace("ns1")
            .Step("s", s => s.Try(
                Ops.Script("echo hello-$NAMESPACE") with { Check = Manifests.Yaml.YamlLoader.Default.LoadString("($stdout): \"hello-ns1\\n\"\n($exitCode): 0\n", "check").Documents[0].Root },
                Ops.Script("exit 3")))
            .Build();

        var report = await cluster.RunAsync(test);

        report.Steps[0].Operations[0].Status.Should().Be(ReportStatus.Passed, ReportWriter.Narrate(report));
        report.Steps[0].Operations[1].Errors.Should().ContainSingle().Which.Should().Be("script: exit code 3");
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
