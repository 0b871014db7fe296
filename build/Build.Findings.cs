using HomeLab.Manifests.Findings;
using HomeLab.Targets;

partial class Build
{
    /// <summary>Reports library findings through the target: printed at file:line, annotations on GitHub Actions.</summary>
    static void Report(TargetContext context, IEnumerable<Finding> findings)
    {
        foreach (var finding in findings)
        {
            context.Report(ToAnnotation(finding));
        }
    }

    static BuildAnnotation ToAnnotation(Finding finding)
    {
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

        if (finding.Hint is { Length: > 0 } hint)
        {
            message += $" Hint: {hint}";
        }

        var span = finding.Span is { IsKnown: true } known ? known : (HomeLab.Manifests.Yaml.SourceSpan?)null;
        return new BuildAnnotation(severity, message, span?.File, span?.Line, span?.Column, finding.RuleId);
    }

    /// <summary>Fails with a clear message when a path the user gave does not exist.</summary>
    static void RequireExisting(IEnumerable<string> paths, string option)
    {
        foreach (var path in paths.Where(p => !File.Exists(p) && !Directory.Exists(p)))
        {
            throw new TargetFailedException($"{option} {path}: no such file or directory.");
        }
    }
}
