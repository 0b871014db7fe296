namespace HomeLab.Targets;

/// <summary>
/// A finding a target reports at a location: printed to the console, and on GitHub Actions turned into a
/// workflow annotation (<c>::error file=…,line=…::</c>) on the file and line.
/// </summary>
/// <param name="Severity">How serious it is; an error fails the target.</param>
/// <param name="Message">What is wrong and how to fix it.</param>
/// <param name="File">The file, relative to the repository root where possible.</param>
/// <param name="Line">The 1-based line, when known.</param>
/// <param name="Column">The 1-based column, when known.</param>
/// <param name="Title">A short title, for example the rule id.</param>
public sealed record BuildAnnotation(
    AnnotationSeverity Severity,
    string Message,
    string? File = null,
    int? Line = null,
    int? Column = null,
    string? Title = null)
{
    /// <summary>The location as <c>file:line:column</c>, or null when there is no file.</summary>
    public string? Location => File is null
        ? null
        : Line is null ? File : Column is null ? $"{File}:{Line}" : $"{File}:{Line}:{Column}";
}
