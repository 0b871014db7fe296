namespace HomeLab.Targets;

/// <summary>How serious a reported annotation is.</summary>
public enum AnnotationSeverity
{
    /// <summary>Fails the target once its actions have finished.</summary>
    Error,

    /// <summary>Shown, but does not fail the target.</summary>
    Warning,

    /// <summary>For information.</summary>
    Notice,
}
