using HomeLab.Manifests.Findings;
using HomeLab.Manifests.Objects;
using HomeLab.Manifests.Yaml;

namespace HomeLab.Manifests.Lint.Rules;

internal sealed class NamespaceNetworkPolicyRule() : NamespaceRule(
    LintRuleIds.NamespaceNetworkPolicy,
    Severity.Error,
    "Without a NetworkPolicy every pod in the cluster can reach the namespace's pods; a default-deny policy limits the blast radius.")
{
    protected override void CheckNamespace(LintContext context, string ns, KubeObject? namespaceObject, KubeObject firstWorkload)
    {
        // A policy without metadata.namespace lands in default, as a workload without one does.
        if (context.OfKind("networking.k8s.io", "NetworkPolicy").Any(policy => LintContext.NamespaceOf(policy) == ns))
        {
            return;
        }

        ReportOn(context, namespaceObject, firstWorkload, FieldPath.Root.Key("metadata").Key("name"), $"namespace {ns} has workloads but no NetworkPolicy", "add a NetworkPolicy to the namespace (a default-deny plus the flows it needs)");
    }
}
