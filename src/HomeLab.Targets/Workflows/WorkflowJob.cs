namespace HomeLab.Targets.Workflows;

/// <summary>A job of a workflow: its own least-privilege permissions, a timeout, and steps.</summary>
/// <param name="Id">The job's id (what <c>needs:</c> names).</param>
/// <param name="Name">The job's display name.</param>
public sealed record WorkflowJob(string Id, string Name)
{
    /// <summary>The runner label.</summary>
    public string RunsOn { get; init; } = "ubuntu-latest";

    /// <summary>When GitHub cancels the job; every job has one.</summary>
    public int TimeoutMinutes { get; init; }

    /// <summary>The token's scopes for this job (for example <c>contents: read</c>); an empty list grants none.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Permissions { get; init; } = [];

    /// <summary>Jobs that must finish first.</summary>
    public IReadOnlyList<string> Needs { get; init; } = [];

    /// <summary>The condition (<c>if:</c>).</summary>
    public string? Condition { get; init; }

    /// <summary>Outputs other jobs read as <c>needs.&lt;id&gt;.outputs.&lt;name&gt;</c>.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Outputs { get; init; } = [];

    /// <summary>The steps, in order.</summary>
    public IReadOnlyList<WorkflowStep> Steps { get; init; } = [];

    /// <summary>Grants the job a scope of the token.</summary>
    /// <param name="scope">For example <c>contents</c>, <c>security-events</c>, <c>issues</c>.</param>
    /// <param name="access"><c>read</c> or <c>write</c>.</param>
    /// <returns>A new job.</returns>
    public WorkflowJob Grant(string scope, string access) => this with { Permissions = [.. Permissions, KeyValuePair.Create(scope, access)] };
}
