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

    [Fact]
    public void What_the_render_cache_did_is_read_from_the_render_row_per_environment()
    {
        var cache = VerifyBenchmark.RenderCacheOf(
        [
            "Render      Succeeded      0.52 s  k3d: 146 objects, render cache: 19 reused, 1 rendered (app-cert-manager); k3s: 143 objects, render cache: 21 reused, 0 rendered; not rendered: 14 Applications",
            "Lint        Succeeded      0.06 s  289 objects linted",
        ]);

        cache.Should().Be("k3d: 19 reused, 1 rendered (app-cert-manager); k3s: 21 reused, 0 rendered");
    }

    [Fact]
    public void A_build_without_a_render_cache_note_reports_none()
    {
        VerifyBenchmark.RenderCacheOf(["Render      Succeeded      4.02 s  k3d: 146 objects"]).Should().BeNull();
    }
}
