using HomeLab.Manifests.Findings;
using HomeLab.Manifests.Yaml;

namespace HomeLab.Manifests.Lint.Rules;

internal sealed class IgnoreAnnotationRule() : LintRule(
    LintRuleIds.IgnoreAnnotation,
    Severity.Error,
    "An exception to a rule must say why, so a reviewer can judge it and the next person knows when it can go.")
{
    private static readonly FieldPath AnnotationPath = FieldPath.Root.Key("metadata").Key("annotations").Key(IgnoreAnnotation.Key);

    public override void Check(LintContext context)
    {
        foreach (var (obj, ignore) in context.Ignores)
        {
            foreach (var mistake in ignore.Mistakes)
            {
                context.Report(obj, AnnotationPath, mistake, $"write {IgnoreAnnotation.Key}: \"rule-id: why it does not apply here\"");
            }
        }
    }
}
