namespace HomeLab.Targets;

/// <summary>How much the build prints.</summary>
public enum Verbosity
{
    /// <summary>Errors and the summary only.</summary>
    Quiet,

    /// <summary>Warnings too, and target headers.</summary>
    Minimal,

    /// <summary>Everything targets print (the default).</summary>
    Normal,

    /// <summary>Diagnostics as well: plan details, parameter sources, tool command lines.</summary>
    Verbose,
}
