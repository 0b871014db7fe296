namespace HomeLab.Targets.Tests;

public sealed class ExecutorTests : IDisposable
{
    private readonly BuildHarness harness = new();

    public void Dispose() => harness.Dispose();

    [Fact]
    public async Task A_failed_target_stops_the_build_and_the_rest_show_as_not_run()
    {
        var build = new FailureBuild();
        var run = await harness.RunAsync(build, "Test", "Docs");

        run.ExitCode.Should().Be(1);
        build.Ran.Should().Equal("Restore", "Compile");
        run.StatusOf("Compile").Should().Be("Failed");
        run.RowOf("Compile").Should().Contain("3 errors in Program.cs");
        run.StatusOf("Test").Should().Be("NotRun");
        run.StatusOf("Docs").Should().Be("NotRun");
        run.Output.Should().Contain("Build failed.");
    }

    [Fact]
    public async Task Assured_targets_run_after_a_failure()
    {
        var build = new FailureBuild();
        var run = await harness.RunAsync(build, "Test", "Cleanup");

        build.Ran.Should().Equal("Restore", "Compile", "Cleanup");
        run.StatusOf("Cleanup").Should().Be("Succeeded");
        run.StatusOf("Test").Should().Be("NotRun");
    }

    [Fact]
    public async Task A_target_that_proceeds_after_failure_lets_the_build_go_on()
    {
        var build = new FailureBuild { FailCompile = false };
        var run = await harness.RunAsync(build, "Lint", "Test");

        build.Ran.Should().Equal("Restore", "Compile", "Lint", "Test");
        run.StatusOf("Lint").Should().Be("Failed");
        run.StatusOf("Test").Should().Be("Succeeded");
        run.ExitCode.Should().Be(1, "a failed target fails the build even when the build proceeds");
    }

    [Fact]
    public async Task A_reported_error_fails_the_target_and_shows_its_location()
    {
        var build = new FailureBuild();
        var run = await harness.RunAsync(build, "Reporting");

        run.ExitCode.Should().Be(1);
        run.Output.Should().Contain("a.yaml:7:5: error rule/wrong: is wrong");
        run.Output.Should().Contain("a.yaml:3:1: warning rule/odd: looks odd");
        run.RowOf("Reporting").Should().Contain("2 findings").And.Contain("1 error");
    }

    [Fact]
    public async Task An_unexpected_exception_fails_the_target_with_its_stack_trace()
    {
        var run = await harness.RunAsync(new FailureBuild(), "Crash");

        run.ExitCode.Should().Be(1);
        run.Output.Should().Contain("InvalidOperationException: bug in the target").And.Contain("   at ");
    }

    [Fact]
    public async Task A_static_condition_skips_the_target_with_its_reason()
    {
        var build = new ConditionBuild();
        var run = await harness.RunAsync(build, "Deploy");

        build.Ran.Should().Equal("Prepare", "Shared");
        run.StatusOf("Deploy").Should().Be("Skipped");
        run.RowOf("Deploy").Should().Contain("condition false: Enabled");
        run.ExitCode.Should().Be(0);
    }

    [Fact]
    public async Task WhenSkipped_skip_also_skips_dependencies_nothing_else_needs()
    {
        var build = new ConditionBuild { Behavior = Targets.DependencyBehavior.Skip };
        var run = await harness.RunAsync(build, "All");

        build.Ran.Should().Equal("Shared", "Report");
        run.RowOf("Prepare").Should().Contain("Skipped").And.Contain("only needed by skipped Deploy");
        run.StatusOf("Shared").Should().Be("Succeeded", "Report still needs it");
    }

    [Fact]
    public async Task A_dynamic_condition_is_decided_right_before_the_target_runs()
    {
        var build = new ConditionBuild { LateEnabled = true };
        var run = await harness.RunAsync(build, "Late");

        build.Ran.Should().Equal("Prepare");
        run.RowOf("Late").Should().Contain("Skipped").And.Contain("the cluster is not reachable");
    }

    [Fact]
    public async Task Skip_on_the_command_line_skips_and_says_so()
    {
        var build = new ConditionBuild { Enabled = true };
        var run = await harness.RunAsync(build, "Deploy", "--skip", "Shared");

        build.Ran.Should().Equal("Prepare", "Deploy");
        run.RowOf("Shared").Should().Contain("skipped by --skip");
    }

    [Fact]
    public async Task Skip_alone_runs_only_the_invoked_targets()
    {
        var build = new ConditionBuild { Enabled = true };
        await harness.RunAsync(build, "Deploy", "--skip");

        build.Ran.Should().Equal("Deploy");
    }

    [Fact]
    public async Task Async_bodies_are_awaited_before_the_next_target_starts()
    {
        var build = new AsyncBuild();
        var run = await harness.RunAsync(build, "Slow");

        run.ExitCode.Should().Be(0);
        build.Ran.Should().Equal("Slow");
    }

    [Fact]
    public async Task Ctrl_c_cancels_the_running_target_runs_assured_ones_and_exits_130()
    {
        using var cancel = new CancellationTokenSource();
        var build = new AsyncBuild { CancelOnStart = cancel };
        var run = await harness.RunAsync(build, cancel.Token, "After", "Teardown");

        run.ExitCode.Should().Be(130);
        build.Ran.Should().Equal("Wait:start", "Teardown");
        run.StatusOf("Wait").Should().Be("Aborted");
        run.StatusOf("After").Should().Be("NotRun");
        run.StatusOf("Teardown").Should().Be("Succeeded");
        run.Output.Should().Contain("Build cancelled.");
    }

    [Fact]
    public async Task Verify_does_not_report_success_when_Render_failed_beneath_it()
    {
        // ./build.sh Verify, with a chart Render cannot find
        var build = new AggregateBuild();
        var run = await harness.RunAsync(build, "Verify");

        run.ExitCode.Should().Be(1);
        build.Ran.Should().Equal("Render", "Verify");
        run.StatusOf("Verify").Should().Be("Failed");
        run.RowOf("Verify").Should().Contain("0 errors; dependency Render failed, Validate did not run (ran anyway: assured after failure)");
        run.Output.Should().Contain("Build failed.");
    }

    [Fact]
    public async Task Verify_does_not_run_once_the_build_was_cancelled_beneath_it()
    {
        // ./build.sh Verify, then Ctrl-C while Render runs
        using var cancel = new CancellationTokenSource();
        var build = new AggregateBuild { FailRender = false, CancelInRender = cancel };
        var run = await harness.RunAsync(build, cancel.Token, "Verify");

        run.ExitCode.Should().Be(130);
        build.Ran.Should().Equal("Render");
        run.StatusOf("Render").Should().Be("Aborted");
        run.StatusOf("Verify").Should().Be("NotRun");
        run.RowOf("Verify").Should().Contain("build cancelled");
        run.Output.Should().Contain("Build cancelled.").And.NotContain("Succeeded");
    }

    [Fact]
    public async Task Checks_assured_after_failure_run_after_a_failed_Render()
    {
        // ./build.sh Lint Cleanup, with a chart Render cannot find: Lint checks what did render
        var build = new AggregateBuild();
        var run = await harness.RunAsync(build, "Lint", "Cleanup");

        run.ExitCode.Should().Be(1);
        build.Ran.Should().Equal("Render", "Lint", "Cleanup");
        run.StatusOf("Lint").Should().Be("Failed");
        run.RowOf("Lint").Should().Contain("dependency Render failed (ran anyway: assured after failure)");
    }

    [Fact]
    public async Task Checks_assured_after_failure_do_not_run_after_ctrl_c_but_clean_up_does()
    {
        // ./build.sh Lint Cleanup, then Ctrl-C while Render runs
        using var cancel = new CancellationTokenSource();
        var build = new AggregateBuild { FailRender = false, CancelInRender = cancel };
        var run = await harness.RunAsync(build, cancel.Token, "Lint", "Cleanup");

        run.ExitCode.Should().Be(130);
        build.Ran.Should().Equal("Render", "Cleanup");
        run.StatusOf("Lint").Should().Be("NotRun");
        run.RowOf("Lint").Should().Contain("build cancelled");
        run.StatusOf("Cleanup").Should().Be("Succeeded");
    }

    [Fact]
    public async Task Checks_assured_after_failure_do_not_start_after_ctrl_c_even_when_their_dependency_succeeded()
    {
        // ./build.sh Lint Docs, Render succeeds, then Ctrl-C while Docs (ordered before Lint) runs
        using var cancel = new CancellationTokenSource();
        var build = new AggregateBuild { FailRender = false, CancelInDocs = cancel };
        var run = await harness.RunAsync(build, cancel.Token, "Lint", "Docs");

        run.ExitCode.Should().Be(130);
        build.Ran.Should().Equal("Render", "Docs");
        run.StatusOf("Render").Should().Be("Succeeded");
        run.StatusOf("Lint").Should().Be("NotRun");
    }

    [Fact]
    public async Task Verify_succeeds_when_everything_beneath_it_did()
    {
        var build = new AggregateBuild { FailRender = false };
        var run = await harness.RunAsync(build, "Verify");

        run.ExitCode.Should().Be(0, run.Output);
        run.StatusOf("Verify").Should().Be("Succeeded");
    }

    [Fact]
    public async Task A_target_without_actions_is_collective()
    {
        var run = await harness.RunAsync(new OrderBuild(), "Default");

        run.StatusOf("Default").Should().Be("Collective");
    }

    [Fact]
    public async Task With_no_target_named_the_default_runs()
    {
        var build = new OrderBuild();
        await harness.RunAsync(build);

        build.Ran.Should().Equal("Restore", "Lint", "Compile", "Test");
    }
}
