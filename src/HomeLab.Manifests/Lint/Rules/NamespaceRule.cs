using HomeLab.Manifests.Findings;
using HomeLab.Manifests.Objects;
using HomeLab.Manifests.Yaml;

namespace HomeLab.Manifests.Lint.Rules;

/// <summary>A rule about each namespace that has workloads: findings go to its Namespace object when the set has
/// one, else to the namespace's first workload. The configuration's system namespaces are exempt.</summary>
internal abstract class NamespaceRule(string id, Severity severity, string rationale) : LintRule(id, severity, rationale)
{
    public override void Check(LintContext context)
    {
        Dictionary<string, KubeObject>? namespaces = null;
        foreach (var ns in context.WorkloadNamespaces)
        {
            if (context.IsSystemNamespace(ns))
            {
                continue; // Declared, with its reason, in the lint configuration's systemNamespaces.
            }

            namespaces ??= context.OfKind(string.Empty, "Namespace").Where(n => n.Name is not null).GroupBy(n => n.Name!).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
            CheckNamespace(context, ns, namespaces.GetValueOrDefault(ns), context.WorkloadsIn(ns)[0].Object);
        }
    }

    protected abstract void CheckNamespace(LintContext context, string ns, KubeObject? namespaceObject, KubeObject firstWorkload);

    protected static void ReportOn(LintContext context, KubeObject? namespaceObject, KubeObject firstWorkload, FieldPath namespacePath, string message, string hint)
    {
        if (namespaceObject is not null)
        {
            context.Report(namespaceObject, namespacePath, message, hint);
        }
        else
        {
            context.Report(firstWorkload, FieldPath.Root.Key("metadata").Key("namespace"), message, hint);
        }
    }
}
