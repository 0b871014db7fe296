using FluentAssertions;
using HomeLab.Pipeline.ClusterLifecycle;

namespace HomeLab.Pipeline.Tests.ClusterLifecycle;

/// <summary>Each stage's time, as the build's summary and the GitHub step summary show it.</summary>
public sealed class StageTimesTests
{
    [Fact]
    public void The_summary_note_and_the_step_summary_list_every_stage_in_order_with_its_time()
    {
        var stages = new StageTimes();
        stages.Add("ClusterUp (created)", TimeSpan.FromSeconds(41.4));
        stages.Add("nodes Ready", TimeSpan.FromSeconds(12));
        stages.Add("wave 0 (3 Applications)", TimeSpan.FromSeconds(63.2));

        stages.ToString().Should().Be("stages: ClusterUp (created) 41 s · nodes Ready 12 s · wave 0 (3 Applications) 63 s");
        stages.ToMarkdown().Should().ContainAll("| ClusterUp (created) | 41.4 s |", "| nodes Ready | 12.0 s |", "| wave 0 (3 Applications) | 63.2 s |");
        stages.ToMarkdown().IndexOf("nodes Ready", StringComparison.Ordinal).Should().BeLessThan(stages.ToMarkdown().IndexOf("wave 0", StringComparison.Ordinal));
    }
}
