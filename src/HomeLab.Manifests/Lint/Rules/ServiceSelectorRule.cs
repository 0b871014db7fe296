using HomeLab.Manifests.Findings;
using HomeLab.Manifests.Yaml;

namespace HomeLab.Manifests.Lint.Rules;

internal sealed class ServiceSelectorRule() : LintRule(
    LintRuleIds.ServiceSelector,
    Severity.Error,
    "A Service whose selector matches no pod has no endpoints: every request to it fails.")
{
    private static readonly FieldPath SelectorPath = FieldPath.Root.Key("spec").Key("selector");

    public override void Check(LintContext context)
    {
        List<ManagedPod>? managed = null;
        foreach (var service in context.OfKind("Service"))
        {
            if (service.Group.Length != 0 || service.Root.Find(SelectorPath) is not YamlMap { Count: > 0 } selector)
            {
                continue;
            }

            // The selector is read once per Service (not once per pod template it is held against), and only when
            // there is a pod to hold it against.
            Objects.LabelSelector? wanted = null;
            var ns = LintContext.NamespaceOf(service);
            var matched = false;
            foreach (var workload in context.WorkloadsIn(ns))
            {
                wanted ??= Objects.LabelSelector.FromLabelMap(selector);
                if (wanted.Matches(workload.TemplateLabels))
                {
                    matched = true;
                    break;
                }
            }

            if (!matched)
            {
                // Pods the Prometheus Operator creates for its resources, or that k3s itself runs.
                managed ??= ManagedPod.In(context.Objects);
                foreach (var pod in managed)
                {
                    if (pod.Namespace == ns && (wanted ??= Objects.LabelSelector.FromLabelMap(selector)).Matches(pod.Labels))
                    {
                        matched = true;
                        break;
                    }
                }
            }

            if (!matched)
            {
                context.Report(service, SelectorPath, $"the selector of Service '{service.Name}' matches no pod template in namespace {ns}", "match the labels of a workload's spec.template.metadata.labels (or of the pods an operator creates)");
            }
        }
    }
}
