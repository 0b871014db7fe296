using HomeLab.Manifests.Findings;
using HomeLab.Targets;

namespace HomeLab.Pipeline.Findings;

/// <summary>Turns a library finding into the engine's annotation: printed at file:line, an annotation on GitHub Actions.</summary>
public static class FindingAnnotation
{
    /// <summary>The annotation for a finding: its message with the object, field and hint, at its source position.</summary>
    /// <param name="finding">The finding.</param>
    /// <returns>The annotation.</returns>
    public static BuildAnnotation From(Finding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        var severity = finding.Severity switch
        {
            Severity.Error => AnnotationSeverity.Error,
            Severity.Warning => AnnotationSeverity.Warning,
            _ => AnnotationSeverity.Notice,
        };
        var message = finding.Message;
        if (finding.Object is { } target)
        {
            message += $" [{target}{(finding.FieldPath is { Length: > 0 } path ? " " + path : string.Empty)}]";
        }

        if (finding.Span?.Template is { } template)
        {
            message += $" ({template})";
        }

        if (finding.Hint is { Length: > 0 } hint)
        {
            message += $" Hint: {hint}";
        }

        var span = finding.Span is { IsKnown: true } known ? known : (HomeLab.Manifests.Yaml.SourceSpan?)null;
        return new BuildAnnotation(severity, message, span?.File, span?.Line, span?.Column, finding.RuleId);
    }
}
