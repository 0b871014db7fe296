using HomeLab.Manifests.Findings;
using HomeLab.Manifests.Objects;
using HomeLab.Manifests.Yaml;

namespace HomeLab.Manifests.Lint.Rules;

internal sealed class NamespaceIstioInjectionRule() : NamespaceRule(
    LintRuleIds.NamespaceIstioInjection,
    Severity.Error,
    "Pods outside the mesh get no mTLS, no telemetry and are refused by STRICT peers; label the namespace for sidecar injection.")
{
    private static readonly FieldPath LabelsPath = FieldPath.Root.Key("metadata").Key("labels");

    protected override void CheckNamespace(LintContext context, string ns, KubeObject? namespaceObject, KubeObject firstWorkload)
    {
        const string Hint = "label the Namespace istio-injection: enabled (or istio.io/rev: <revision>)";
        if (namespaceObject is null)
        {
            ReportOn(context, null, firstWorkload, LabelsPath, $"namespace {ns} has workloads but no Namespace object in the set to carry the Istio injection label", Hint);
            return;
        }

        var labels = namespaceObject.Labels;
        var injected = labels.TryGetValue("istio-injection", out var injection)
            ? injection == "enabled"
            : labels.ContainsKey("istio.io/rev");
        if (!injected)
        {
            var path = labels.ContainsKey("istio-injection") ? LabelsPath.Key("istio-injection") : LabelsPath;
            context.Report(namespaceObject, path, $"namespace {ns} is not labelled for Istio sidecar injection", Hint);
        }
    }
}
