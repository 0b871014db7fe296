namespace HomeLab.Targets;

/// <summary>How a whole build ended.</summary>
public enum BuildOutcome
{
    /// <summary>Every target that ran succeeded (exit 0).</summary>
    Succeeded,

    /// <summary>A target failed (exit 1).</summary>
    Failed,

    /// <summary>Ctrl-C or another cancellation (exit 130).</summary>
    Cancelled,
}
