using HomeLab.Pipeline.Updates;
using HomeLab.Stack.Tests;
using YamlDotNet.RepresentationModel;

namespace HomeLab.Build.Tests.Workflows;

/// <summary>renovate.yml's live half: after VerifyUpdate passed, a cluster and only the live tests of what the update touched.</summary>
public sealed class RenovateTierTests
{
    private static List<YamlMappingNode> Steps() =>
        [.. CommittedWorkflows.Load(Path.Combine(CommittedWorkflows.Directory, "renovate.yml")).Jobs().Single(j => j.Id == "verify-update").Job.Steps()];

    private static string Run(YamlMappingNode step) => step.Get("run")?.ToString() ?? string.Empty;

    [Fact]
    public void The_live_half_runs_only_when_the_verification_passed_and_named_affected_components()
    {
        var steps = Steps();
        var verify = steps.FindIndex(s => Run(s).Contains("VerifyUpdate", StringComparison.Ordinal));
        var live = steps.FindIndex(s => Run(s).Contains("ClusterUp", StringComparison.Ordinal));

        verify.Should().BeGreaterThanOrEqualTo(0);
        live.Should().BeGreaterThan(verify, "the live half comes after the verification");
        var id = steps[verify].Get("id")!.ToString();
        var output = $"steps.{id}.outputs.{AffectedComponents.Output}";
        steps[live].Get("if")!.ToString().Should().Be($"success() && {output} != ''", "a failed verification, or one that affects nothing, starts no cluster");
        ((YamlMappingNode)steps[live].Get("env")!).Get("COMPONENTS")!.ToString().Should().Be($"${{{{ {output} }}}}");
    }

    [Fact]
    public void The_live_half_runs_the_live_tests_of_the_affected_components_and_the_stack_wide_ones_and_always_deletes_the_cluster()
    {
        var steps = Steps();
        var live = Run(steps.Single(s => Run(s).Contains("ClusterUp", StringComparison.Ordinal)));

        live.Should().Be($"./build.sh ClusterUp StackUp Test --tier live --tag $COMPONENTS {Component.Stack}");
        live.Should().NotContain("${{", "the names reach the shell through the environment, never the script text");
        steps.Single(s => Run(s) == "./build.sh ClusterDown").Get("if")!.ToString().Should().Be("always()");
    }
}
