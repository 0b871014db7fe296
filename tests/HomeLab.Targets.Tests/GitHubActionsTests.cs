using HomeLab.Targets;

namespace HomeLab.Targets.Tests;

public sealed class GitHubActionsTests : IDisposable
{
    private readonly BuildHarness harness = new();

    public void Dispose() => harness.Dispose();

    private sealed class FindingsBuild : BuildBase
    {
        public int Errors { get; set; } = 1;

        public Target Lint => _ => _.Executes(context =>
        {
            for (var i = 1; i <= Errors; i++)
            {
                context.Report(new BuildAnnotation(AnnotationSeverity.Error, $"problem {i}: a, b", Path.Combine(RootDirectory, "manifests", "app.yaml"), i, 3, "homelab/rule"));
            }
        });
    }

    [Fact]
    public async Task On_github_actions_targets_are_grouped_and_findings_become_annotations_with_file_and_line()
    {
        var summary = Path.Combine(harness.Root, "summary.md");
        harness.Environment["GITHUB_ACTIONS"] = "true";
        harness.Environment["GITHUB_STEP_SUMMARY"] = summary;
        var run = await harness.RunAsync(new FindingsBuild(), "Lint");

        run.Output.Should().Contain("::group::Lint").And.Contain("::endgroup::");
        run.Output.Should().Contain("::error file=manifests/app.yaml,line=1,col=3,title=homelab/rule::problem 1: a, b");
        File.ReadAllText(summary).Should().Contain("| Lint | Failed |");
    }

    [Fact]
    public async Task Beyond_ten_annotations_per_severity_the_rest_go_to_the_step_summary()
    {
        var summary = Path.Combine(harness.Root, "summary.md");
        harness.Environment["GITHUB_ACTIONS"] = "true";
        harness.Environment["GITHUB_STEP_SUMMARY"] = summary;
        var run = await harness.RunAsync(new FindingsBuild { Errors = 13 }, "Lint");

        run.Output.Split('\n').Count(l => l.StartsWith("::error file=", StringComparison.Ordinal)).Should().Be(10);
        var text = File.ReadAllText(summary);
        text.Should().Contain("3 more findings").And.Contain("manifests/app.yaml:13:3");
    }

    [Fact]
    public async Task Off_github_actions_findings_print_as_file_line_column()
    {
        var run = await harness.RunAsync(new FindingsBuild(), "Lint");

        run.Output.Should().Contain("manifests/app.yaml:1:3: error homelab/rule: problem 1: a, b").And.NotContain("::error");
    }
}
