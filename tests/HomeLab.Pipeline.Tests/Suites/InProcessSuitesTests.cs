using HomeLab.Manifests.Environments;
using HomeLab.Manifests.Rendering;
using HomeLab.Pipeline.Suites;

namespace HomeLab.Pipeline.Tests.Suites;

public sealed class InProcessSuitesTests
{
    public const string SampleTier = "in-process-sample";

    [Fact]
    public async Task The_host_runs_each_case_of_the_tier_and_reports_passes_skips_and_failures()
    {
        SampleRendered.InHost.Value = true;
        var outcomes = await new InProcessSuites("/repo", new EnvironmentCatalog([], []), new Dictionary<string, RenderedSet>())
            .RunAsync(typeof(SampleSuite).Assembly, SampleTier, null, CancellationToken.None);

        outcomes.Select(o => o.Name).Should().BeEquivalentTo(
            "SampleSuite.Passes", "SampleSuite.Is_skipped", "SampleSuite.Runs_once_per_case(k3d)", "SampleSuite.Runs_once_per_case(k3s)", "SampleSuite.Fails_in_the_host_only");
        outcomes.Single(o => o.Name == "SampleSuite.Is_skipped").SkipReason.Should().Be("skipped on purpose");
        outcomes.Single(o => o.Name == "SampleSuite.Fails_in_the_host_only").Failure.Should().Contain("the host reports this failure");
        outcomes.Count(o => o.Passed).Should().Be(3);
    }

    [Fact]
    public async Task A_name_filter_narrows_the_tests()
    {
        SampleRendered.InHost.Value = true;
        var outcomes = await new InProcessSuites("/repo", new EnvironmentCatalog([], []), new Dictionary<string, RenderedSet>())
            .RunAsync(typeof(SampleSuite).Assembly, SampleTier, "once_per", CancellationToken.None);

        outcomes.Should().HaveCount(2).And.OnlyContain(o => o.Passed);
    }

    [Fact]
    public async Task A_fixture_without_FromRendered_is_skipped_rather_than_rendered_again()
    {
        var outcomes = await new InProcessSuites("/repo", new EnvironmentCatalog([], []), new Dictionary<string, RenderedSet>())
            .RunAsync(typeof(InProcessSuitesTests).Assembly, "in-process-own-fixture", null, CancellationToken.None);

        outcomes.Should().ContainSingle().Which.SkipReason.Should().Contain("OwnFixture renders on its own");
    }
}
