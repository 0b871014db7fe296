using HomeLab.Targets;
using HomeLab.Targets.Components;

namespace HomeLab.Targets.Tests;

internal sealed class HelpBuild : BuildBase, IFormatCheck
{
    [Parameter("The Kubernetes version to target.")]
    public readonly string KubernetesVersion = "1.32";

    public Target Render => _ => _.Description("Renders every environment.").Executes(() => { });

    public Target Validate => _ => _.Description("Validates what was rendered.").DependsOn(Render).Executes(() => { });

    public Target Secret => _ => _.Unlisted().Executes(() => { });

    public Target ClusterUp => _ => _.Exclusive("cluster").Executes(() => { });

    public Target Default => _ => _.DependsOn(Validate).DependsOn<IFormatCheck>(x => x.FormatCheck);
}

/// <summary>The shape of the homelab's command line: a default aggregate, list-valued options, a flag.</summary>
internal sealed class OptionsBuild : RecordingBuild
{
    [Parameter("Environments.", Name = "environment")]
    public string[] Environments { get; set; } = [];

    [Parameter("Test tags.")]
    public string[] Tag { get; set; } = [];

    [Parameter("Never use the network.")]
    public bool Offline { get; set; }

    public Target Render => _ => _.Executes(() => Record($"Render {string.Join(',', Environments)}"));

    public Target Test => _ => _.Executes(() => Record($"Test {string.Join(',', Tag)}"));

    public Target Default => _ => _.DependsOn(Render, Test);
}

public sealed class CommandLineTests : IDisposable
{
    private readonly BuildHarness harness = new();

    public void Dispose() => harness.Dispose();

    [Fact]
    public async Task Help_lists_targets_with_descriptions_and_direct_dependencies()
    {
        var run = await harness.RunAsync(new HelpBuild(), "--help");

        run.ExitCode.Should().Be(0);
        run.Output.Should().MatchRegex(@"\n  Render +Renders every environment\.\n");
        run.Output.Should().Contain("depends on: Render");
        run.Output.Should().Contain("Default *").And.Contain("depends on: Validate, FormatCheck");
        run.Output.Should().Contain("FormatCheck").And.Contain("dotnet format --verify-no-changes");
        run.Output.Should().NotContain("Secret", "unlisted targets stay out of help");
    }

    [Fact]
    public async Task Help_lists_parameters_with_their_values_and_sources()
    {
        harness.Environment["HOMELAB_KUBERNETES_VERSION"] = "1.31";
        var run = await harness.RunAsync(new HelpBuild(), "--help");

        run.Output.Should().Contain("--kubernetes-version <string>");
        run.Output.Should().Contain("= 1.31 (from the environment variable HOMELAB_KUBERNETES_VERSION; default 1.32) · env HOMELAB_KUBERNETES_VERSION");
        run.Output.Should().Contain("--verbosity <quiet|minimal|normal|verbose>").And.Contain("= normal (default)");
        run.Output.Should().Contain("--parallel [N]");
    }

    [Fact]
    public async Task List_prints_listed_target_names_only()
    {
        var run = await harness.RunAsync(new HelpBuild(), "--list");

        run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().Equal("Render", "Validate", "ClusterUp", "Default", "FormatCheck");
    }

    [Fact]
    public async Task Plan_prints_the_order_runs_nothing_and_writes_a_mermaid_graph()
    {
        var build = new OrderBuild();
        var run = await harness.RunAsync(build, "Pack", "--plan");

        run.ExitCode.Should().Be(0);
        build.Ran.Should().BeEmpty();
        run.Output.Should().Contain("Plan (sequential):");
        run.Output.Should().MatchRegex(@"1\. Restore\s*\n.*2\. Lint\s*\n.*3\. Compile\s+after Restore, Lint\s*\n.*4\. Pack\s+after Compile");
        File.ReadAllText(Path.Combine(harness.Root, ".nuke", "temp", "plan.md")).Should().Contain("Compile --> Pack");
    }

    [Fact]
    public async Task Plan_shows_skips_and_exclusive_resources()
    {
        var run = await harness.RunAsync(new HelpBuild(), "Validate", "ClusterUp", "--plan", "--skip", "Render");

        run.Output.Should().Contain("Render").And.Contain("skipped: skipped by --skip");
        run.Output.Should().MatchRegex(@"3\. ClusterUp +\[exclusive: cluster\]");
    }

    [Fact]
    public async Task Targets_after_a_flag_are_still_targets()
    {
        var build = new OrderBuild();
        var run = await harness.RunAsync(build, "--no-logo", "Restore");

        run.ExitCode.Should().Be(0, run.Output);
        build.Ran.Should().Equal("Restore");
    }

    [Fact]
    public async Task Environment_k3d_Render_runs_Render_and_not_the_default()
    {
        // ./build.sh --environment k3d Render
        var build = new OptionsBuild();
        var run = await harness.RunAsync(build, "--environment", "k3d", "Render");

        run.ExitCode.Should().Be(0, run.Output);
        build.Ran.Should().Equal("Render k3d");
    }

    [Fact]
    public async Task A_list_option_takes_several_values_up_to_the_target()
    {
        // ./build.sh --environment k3d k3s Render --offline
        var build = new OptionsBuild();
        var run = await harness.RunAsync(build, "--environment", "k3d", "k3s", "Render", "--offline");

        run.ExitCode.Should().Be(0, run.Output);
        build.Ran.Should().Equal("Render k3d,k3s");
        build.Offline.Should().BeTrue();
    }

    [Fact]
    public async Task A_lower_case_value_that_spells_a_target_stays_a_value()
    {
        // ./build.sh Test --tag test
        var build = new OptionsBuild();
        var run = await harness.RunAsync(build, "Test", "--tag", "test");

        run.ExitCode.Should().Be(0, run.Output);
        build.Ran.Should().Equal("Test test");
    }

    [Theory]
    [InlineData("--parallel abc", "error: Option '--parallel' takes a number (how many targets at once), not 'abc', and no target has that name. Write --parallel alone for one per core.")]
    [InlineData("--offline maybe", "error: Option '--offline' is a switch: 'maybe' is neither true nor false, and no target has that name. Write --offline alone, or --offline=false.")]
    [InlineData("--profile", "error: Option '--profile' needs at least one value.")]
    [InlineData("--profile Render", "error: Option '--profile' needs at least one value before the target 'Render'.")]
    [InlineData("--environment", "error: Option '--environment' needs at least one value.")]
    public async Task A_value_that_does_not_fit_the_option_is_an_error_naming_the_option(string command, string message)
    {
        // ./build.sh --parallel abc   (once: "Unknown target 'abc'")
        var build = new OptionsBuild();
        var run = await harness.RunAsync(build, command.Split(' '));

        run.ExitCode.Should().Be(2);
        build.Ran.Should().BeEmpty();
        run.Output.Trim().Should().Be(message);
    }

    [Fact]
    public async Task Parallel_then_a_target_runs_that_target_with_one_per_core()
    {
        // ./build.sh --parallel Render
        var build = new OptionsBuild();
        var run = await harness.RunAsync(build, "--parallel", "Render");

        run.ExitCode.Should().Be(0, run.Output);
        build.Ran.Should().Equal("Render ");
    }

    [Fact]
    public async Task A_misspelt_target_after_a_flag_still_gets_did_you_mean()
    {
        // ./build.sh --offline Rendr
        var run = await harness.RunAsync(new OptionsBuild(), "--offline", "Rendr");

        run.ExitCode.Should().Be(2);
        run.Output.Trim().Should().Be("error: Unknown target 'Rendr'. Did you mean 'Render'? Run with --list to see every target.");
    }

    [Fact]
    public async Task An_unknown_target_is_a_usage_error_without_a_stack_trace()
    {
        var run = await harness.RunAsync(new OrderBuild(), "Publsh");

        run.ExitCode.Should().Be(2);
        run.Output.Trim().Should().Be("error: Unknown target 'Publsh'. Did you mean 'Publish'? Run with --list to see every target.");
    }

    [Fact]
    public async Task A_cycle_is_a_usage_error_that_names_the_cycle()
    {
        var run = await harness.RunAsync(new CycleBuild(), "A");

        run.ExitCode.Should().Be(2);
        run.Output.Should().Contain("Dependency cycle: A → B → C → A").And.NotContain("   at ");
    }

    [Fact]
    public async Task Verbosity_quiet_prints_nothing_when_the_build_succeeds()
    {
        var run = await harness.RunAsync(new ParameterBuild(), "Show", "--verbosity", "quiet");

        run.ExitCode.Should().Be(0);
        run.Output.Should().BeEmpty();
    }

    [Fact]
    public async Task Verbosity_quiet_still_prints_errors_and_the_summary_when_the_build_fails()
    {
        var run = await harness.RunAsync(new FailureBuild(), "Compile", "--verbosity", "quiet");

        run.Output.Should().Contain("error: Compile: 3 errors in Program.cs").And.Contain("Build failed.");
    }

    [Fact]
    public async Task Root_option_points_the_build_at_another_directory()
    {
        using var other = new BuildHarness();
        var build = new OrderBuild();
        await harness.RunAsync(build, "Restore", "--root", other.Root);

        build.RootDirectory.Value.Should().Be(other.Root);
    }

    [Fact]
    public void The_root_is_the_nearest_directory_with_dot_nuke()
    {
        var nested = Directory.CreateDirectory(Path.Combine(harness.Root, "a", "b")).FullName;

        BuildRunner.FindRoot(nested).Should().Be(harness.Root);
    }

    [Fact]
    public void Dotnet_format_problems_become_located_annotations()
    {
        var annotation = FormatProblem.Parse("/repo/src/A.cs(12,5): error WHITESPACE: Fix whitespace formatting. Replace 4 characters with '\\s'. [/repo/src/A.csproj]");

        annotation.Should().Be(new BuildAnnotation(AnnotationSeverity.Error, "Fix whitespace formatting. Replace 4 characters with '\\s'.", "/repo/src/A.cs", 12, 5, "WHITESPACE"));
    }
}
