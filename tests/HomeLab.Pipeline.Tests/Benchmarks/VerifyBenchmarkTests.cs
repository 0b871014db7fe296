using HomeLab.Pipeline.Benchmarks;

namespace HomeLab.Pipeline.Tests.Benchmarks;

public sealed class VerifyBenchmarkTests
{
    [Fact]
    public void The_stage_breakdown_is_read_from_the_build_summary_table()
    {
        var stages = VerifyBenchmark.StagesOf(
        [
            "Target      Status       Duration  Notes",
            "Render      Succeeded      7.87 s  k3d: 146 objects",
            "StackTests  Failed        20.69 s  stack suites: 1 failed",
            "Lint        Skipped       0 s",
            "Total                     28.56 s",
        ]);

        stages.Should().BeEquivalentTo(new Dictionary<string, TimeSpan>
        {
            ["Render"] = TimeSpan.FromSeconds(7.87),
            ["StackTests"] = TimeSpan.FromSeconds(20.69),
            ["Lint"] = TimeSpan.Zero,
        });
    }
}
