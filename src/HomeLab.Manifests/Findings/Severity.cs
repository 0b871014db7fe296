namespace HomeLab.Manifests.Findings;

/// <summary>How serious a <see cref="Finding"/> is.</summary>
public enum Severity
{
    /// <summary>The manifests are wrong: the build fails.</summary>
    Error,

    /// <summary>Likely a mistake, or a practice to avoid; the build goes on.</summary>
    Warning,

    /// <summary>Worth knowing; nothing to fix.</summary>
    Info,
}
