namespace HomeLab.Targets.Workflows;

/// <summary>A push or pull-request trigger, narrowed by branches and changed paths.</summary>
/// <param name="Branches">The branches (for a pull request: its base branch); empty means any.</param>
/// <param name="Paths">The changed paths that trigger it; empty means any change.</param>
public sealed record WorkflowEvent(IReadOnlyList<string> Branches, IReadOnlyList<string> Paths)
{
    /// <summary>Any change to the given branches.</summary>
    /// <param name="branches">The branches.</param>
    /// <returns>The event.</returns>
    public static WorkflowEvent ToBranches(params string[] branches) => new(branches, []);
}
