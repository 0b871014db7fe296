namespace HomeLab.Targets.Workflows;

/// <summary>
/// A GitHub Actions workflow declared on the build and written to <c>.github/workflows/&lt;file&gt;</c> by
/// <c>GenerateWorkflows</c>. The token has no scope at the workflow level: each job grants what it needs.
/// </summary>
/// <param name="FileName">The file under <c>.github/workflows</c>, for example <c>pr.yml</c>.</param>
/// <param name="Name">The workflow's display name.</param>
public sealed record Workflow(string FileName, string Name)
{
    /// <summary>What starts it.</summary>
    public WorkflowTriggers On { get; init; } = new();

    /// <summary>The concurrency group; a new run in the group cancels an older one when <see cref="CancelInProgress"/> says so.</summary>
    public string? ConcurrencyGroup { get; init; }

    /// <summary>Whether (or an expression saying when) a newer run cancels the one in progress.</summary>
    public string CancelInProgress { get; init; } = "true";

    /// <summary>Environment variables of every job, in order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Environment { get; init; } = [];

    /// <summary>The jobs, in order.</summary>
    public IReadOnlyList<WorkflowJob> Jobs { get; init; } = [];
}
