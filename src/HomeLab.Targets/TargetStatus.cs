namespace HomeLab.Targets;

/// <summary>What became of a target in a build.</summary>
public enum TargetStatus
{
    /// <summary>Not started: the build stopped before it, or a dependency failed.</summary>
    NotRun,

    /// <summary>Skipped by <c>--skip</c> or a condition; the reason is in the notes.</summary>
    Skipped,

    /// <summary>Ran and succeeded.</summary>
    Succeeded,

    /// <summary>Ran and failed; or, assured after failure, ran beneath a dependency that failed or did not run.</summary>
    Failed,

    /// <summary>Was running when the build was cancelled; or, assured after failure, ran beneath a dependency the cancellation stopped.</summary>
    Aborted,

    /// <summary>Has no actions of its own; it only groups dependencies.</summary>
    Collective,
}
