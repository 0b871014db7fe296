namespace HomeLab.Targets.Workflows;

/// <summary>When a workflow runs (<c>on:</c>).</summary>
public sealed record WorkflowTriggers
{
    /// <summary>On pull requests (the <c>pull_request</c> event, which gives forks a read-only token and no secrets).</summary>
    public WorkflowEvent? PullRequest { get; init; }

    /// <summary>On pushes.</summary>
    public WorkflowEvent? Push { get; init; }

    /// <summary>Cron schedules (UTC).</summary>
    public IReadOnlyList<string> Schedules { get; init; } = [];

    /// <summary>Whether it can be started by hand (<c>workflow_dispatch</c>).</summary>
    public bool Manual { get; init; }
}
