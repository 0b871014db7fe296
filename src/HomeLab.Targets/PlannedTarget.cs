namespace HomeLab.Targets;

/// <summary>A target in an execution plan.</summary>
public sealed class PlannedTarget
{
    internal PlannedTarget(ExecutableTarget target, bool invoked)
    {
        Target = target;
        IsInvoked = invoked;
    }

    /// <summary>The target.</summary>
    public ExecutableTarget Target { get; }

    /// <summary>The target's name.</summary>
    public string Name => Target.Name;

    /// <summary>Whether it was named on the command line (or is the default target).</summary>
    public bool IsInvoked { get; }

    /// <summary>Why it will be skipped, or null when it will run.</summary>
    public string? SkipReason { get; internal set; }

    /// <summary>Planned targets that must finish before this one starts.</summary>
    public IReadOnlyList<PlannedTarget> Predecessors { get; internal set; } = [];

    /// <inheritdoc />
    public override string ToString() => Name;
}
