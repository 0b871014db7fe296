using HomeLab.Manifests.Findings;
using HomeLab.Manifests.Yaml;

namespace HomeLab.Manifests.Lint.Rules;

internal sealed class SelectorMatchesTemplateRule() : LintRule(
    LintRuleIds.SelectorMatchesTemplate,
    Severity.Error,
    "The API server rejects a controller whose selector does not select its own pod template.")
{
    private static readonly FieldPath SelectorPath = FieldPath.Root.Key("spec").Key("selector");

    public override void Check(LintContext context)
    {
        foreach (var workload in context.Workloads)
        {
            if (workload.Object.Kind is not ("Deployment" or "StatefulSet" or "DaemonSet" or "ReplicaSet"))
            {
                continue;
            }

            if (workload.Object.Root.Find(SelectorPath) is not YamlMap selector)
            {
                context.Report(workload.Object, SelectorPath, $"{workload.Object.Kind} '{workload.Object.Name}' has no spec.selector", "add spec.selector.matchLabels with the template's labels");
            }
            else if (selector.Count == 0 || !LabelSelector.Matches(selector, workload.TemplateLabels))
            {
                context.Report(workload.Object, SelectorPath, $"the selector of {workload.Object.Kind} '{workload.Object.Name}' does not match its pod template's labels", $"make spec.selector match {workload.TemplateMetadataPath}.labels");
            }
        }
    }
}
