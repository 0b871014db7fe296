namespace HomeLab.Targets;

/// <summary>What a build did: a result per planned target and how it ended.</summary>
/// <param name="Results">One result per planned target, in plan order.</param>
/// <param name="Outcome">How the build ended.</param>
/// <param name="Duration">Wall time of the whole execution.</param>
public sealed record BuildReport(IReadOnlyList<TargetResult> Results, BuildOutcome Outcome, TimeSpan Duration)
{
    /// <summary>The process exit code: 0 succeeded, 1 failed, 130 cancelled.</summary>
    public int ExitCode => Outcome switch
    {
        BuildOutcome.Succeeded => 0,
        BuildOutcome.Cancelled => 130,
        _ => 1,
    };

    /// <summary>The result of one target.</summary>
    /// <param name="name">The target's name.</param>
    /// <returns>The result.</returns>
    public TargetResult this[string name] => Results.First(r => string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase));
}
