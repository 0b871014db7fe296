using HomeLab.Targets;

namespace HomeLab.Targets.Tests;

public sealed class ParallelTests : IDisposable
{
    private readonly BuildHarness harness = new();

    public void Dispose() => harness.Dispose();

    [Fact]
    public async Task Parallel_runs_independent_targets_at_the_same_time()
    {
        var build = new RendezvousBuild();
        var run = await harness.RunAsync(build, "Both", "--parallel", "2");

        run.ExitCode.Should().Be(0, run.Output);
        build.MetEachOther.Should().BeTrue("A waits for B to start, which only happens when both run at once");
    }

    [Fact]
    public async Task Two_holders_of_one_exclusive_resource_never_overlap()
    {
        var build = new ExclusiveBuild();
        var run = await harness.RunAsync(build, "All", "--parallel", "4");

        run.ExitCode.Should().Be(0, run.Output);
        build.MaxClusterHolders.Should().Be(1);
        build.Ran.Should().Contain(["ClusterUp", "Deploy", "Render", "Lint"]);
        build.Ran.IndexOf("Lint").Should().BeGreaterThan(build.Ran.IndexOf("Render"), "Lint depends on Render");
    }

    [Fact]
    public async Task Parallel_still_stops_after_a_failure_and_runs_assured_targets()
    {
        var build = new FailureBuild();
        var run = await harness.RunAsync(build, "Test", "Cleanup", "--parallel");

        run.StatusOf("Compile").Should().Be("Failed");
        run.StatusOf("Test").Should().Be("NotRun");
        run.StatusOf("Cleanup").Should().Be("Succeeded");
        run.ExitCode.Should().Be(1);
    }

    [Fact]
    public async Task A_bad_parallel_value_is_a_usage_error()
    {
        var run = await harness.RunAsync(new FailureBuild(), "Docs", "--parallel", "0");

        run.ExitCode.Should().Be(BuildRunner.UsageErrorExitCode);
        run.Output.Should().Contain("--parallel has a bad value '0'");
    }

    private sealed class RendezvousBuild : BuildBase
    {
        private readonly TaskCompletionSource bStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool MetEachOther { get; private set; }

        public Target A => _ => _.Executes(async () =>
        {
            // A deadlock guard, not a timing assertion: sequential execution would never see B start.
            var winner = await Task.WhenAny(bStarted.Task, Task.Delay(TimeSpan.FromSeconds(30)));
            MetEachOther = winner == bStarted.Task;
        });

        public Target B => _ => _.Executes(() => bStarted.TrySetResult());

        public Target Both => _ => _.DependsOn(A, B);
    }

    private sealed class ExclusiveBuild : RecordingBuild
    {
        private int holders;

        public int MaxClusterHolders { get; private set; }

        public Target ClusterUp => _ => _.Exclusive("cluster").Executes(() => Hold(nameof(ClusterUp)));

        public Target Deploy => _ => _.Exclusive("cluster").Executes(() => Hold(nameof(Deploy)));

        public Target Smoke => _ => _.Exclusive("CLUSTER").Executes(() => Hold(nameof(Smoke)));

        public Target Render => _ => _.Executes(async () =>
        {
            await Task.Delay(1);
            Record(nameof(Render));
        });

        public Target Lint => _ => _.DependsOn(Render).Executes(() => Record(nameof(Lint)));

        public Target All => _ => _.DependsOn(ClusterUp, Deploy, Smoke, Lint);

        private async Task Hold(string name)
        {
            var now = Interlocked.Increment(ref holders);
            lock (this)
            {
                MaxClusterHolders = Math.Max(MaxClusterHolders, now);
            }

            // Give another holder every chance to start while this one holds the resource.
            for (var i = 0; i < 20; i++)
            {
                await Task.Yield();
            }

            await Task.Delay(2);
            Record(name);
            Interlocked.Decrement(ref holders);
        }
    }
}
