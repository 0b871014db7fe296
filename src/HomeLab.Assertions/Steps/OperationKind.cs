namespace HomeLab.Assertions.Steps;

/// <summary>What an operation does; the names are Chainsaw's.</summary>
public enum OperationKind
{
    /// <summary>Server-side apply resources; created objects are deleted at clean-up.</summary>
    Apply,

    /// <summary>Create resources (fails when they exist); deleted at clean-up.</summary>
    Create,

    /// <summary>Merge-patch existing resources.</summary>
    Patch,

    /// <summary>Replace existing resources.</summary>
    Update,

    /// <summary>Delete resources and wait until they are gone.</summary>
    Delete,

    /// <summary>Wait until assertion trees hold.</summary>
    Assert,

    /// <summary>Wait until assertion trees do not hold (no object, or no object matching).</summary>
    Error,

    /// <summary>Wait for a condition, as <c>kubectl wait</c>.</summary>
    Wait,

    /// <summary>Run a program, checking its exit code and output.</summary>
    Command,

    /// <summary>Run a shell script, checking its exit code and output.</summary>
    Script,

    /// <summary>Wait a fixed time.</summary>
    Sleep,

    /// <summary>Collect pod logs into the report.</summary>
    PodLogs,

    /// <summary>Collect events into the report.</summary>
    Events,

    /// <summary>Collect objects as text into the report.</summary>
    Get,

    /// <summary>Collect descriptions of objects into the report.</summary>
    Describe,

    /// <summary>Run C# code (the step builder's <c>Ops.Run</c>).</summary>
    Code,
}
