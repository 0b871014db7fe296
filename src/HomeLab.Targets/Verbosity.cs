namespace HomeLab.Targets;

/// <summary>How much the build prints.</summary>
public enum Verbosity
{
    /// <summary>Errors only, and the summary when the build did not succeed: what targets write to standard output can be piped.</summary>
    Quiet,

    /// <summary>Warnings too, and target headers.</summary>
    Minimal,

    /// <summary>Everything targets print (the default).</summary>
    Normal,

    /// <summary>Diagnostics as well: plan details, parameter sources, tool command lines.</summary>
    Verbose,
}
