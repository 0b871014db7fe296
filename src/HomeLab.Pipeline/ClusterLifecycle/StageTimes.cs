using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace HomeLab.Pipeline.ClusterLifecycle;

/// <summary>How long each stage of the live pair took (ClusterUp, StackUp and its waves), for the summary and the GitHub step summary.</summary>
public sealed class StageTimes
{
    private readonly ConcurrentQueue<(string Stage, TimeSpan Duration)> _stages = new();

    /// <summary>The stages so far, in order.</summary>
    public IReadOnlyList<(string Stage, TimeSpan Duration)> Stages => [.. _stages];

    /// <summary>Records a stage.</summary>
    /// <param name="stage">What it was.</param>
    /// <param name="duration">How long it took.</param>
    public void Add(string stage, TimeSpan duration) => _stages.Enqueue((stage, duration));

    /// <summary>The stages on one line, as the build's summary shows them.</summary>
    /// <returns>For example <c>stages: ClusterUp (created) 41 s · nodes Ready 12 s · ArgoCD installed 63 s</c>.</returns>
    public override string ToString() =>
        "stages: " + string.Join(" · ", _stages.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Stage} {s.Duration.TotalSeconds:0} s")));

    /// <summary>The stages as a Markdown table.</summary>
    /// <returns>The Markdown.</returns>
    public string ToMarkdown()
    {
        var text = new StringBuilder("### Cluster stages\n\n| stage | time |\n|---|---:|\n");
        foreach (var (stage, duration) in _stages)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {stage} | {duration.TotalSeconds:0.0} s |");
        }

        return text.ToString();
    }
}
