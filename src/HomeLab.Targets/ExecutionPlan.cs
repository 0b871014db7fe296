using System.Text;

namespace HomeLab.Targets;

/// <summary>The ordered list of targets a build will run or skip, decided before anything runs.</summary>
public sealed class ExecutionPlan
{
    internal ExecutionPlan(IReadOnlyList<PlannedTarget> targets) => Targets = targets;

    /// <summary>The targets in the order they run (sequentially); skipped ones included.</summary>
    public IReadOnlyList<PlannedTarget> Targets { get; }

    /// <summary>The plan as a Mermaid flowchart (edges point from a target to what runs after it).</summary>
    public string ToMermaid()
    {
        var text = new StringBuilder();
        text.AppendLine("```mermaid");
        text.AppendLine("graph LR");
        foreach (var target in Targets)
        {
            var label = target.SkipReason is null ? target.Name : $"{target.Name} (skipped)";
            var shape = target.IsInvoked ? $"{target.Name}[[\"{label}\"]]" : $"{target.Name}[\"{label}\"]";
            text.Append("    ").AppendLine(shape);
        }

        foreach (var target in Targets)
        {
            foreach (var before in target.Predecessors)
            {
                text.Append("    ").Append(before.Name).Append(" --> ").AppendLine(target.Name);
            }
        }

        text.AppendLine("```");
        return text.ToString();
    }
}
