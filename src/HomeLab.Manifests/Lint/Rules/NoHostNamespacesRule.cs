using HomeLab.Manifests.Findings;
using HomeLab.Manifests.Yaml;

namespace HomeLab.Manifests.Lint.Rules;

internal sealed class NoHostNamespacesRule() : LintRule(
    LintRuleIds.NoHostNamespaces,
    Severity.Error,
    "hostNetwork, hostPID and hostIPC let a pod see and touch everything else on its node.")
{
    public override void Check(LintContext context)
    {
        foreach (var workload in context.Workloads)
        {
            if (LintConfiguration.IsAllowed(context.Configuration.AllowHostNamespaces, workload.Namespace, workload.Object.Name ?? string.Empty))
            {
                continue;
            }

            foreach (var key in (ReadOnlySpan<string>)["hostNetwork", "hostPID", "hostIPC"])
            {
                if ((workload.PodSpec[key] as YamlScalar)?.AsBool() == true)
                {
                    context.Report(workload.Object, workload.PodSpecPath.Key(key), $"the pods of {workload.Object.Kind} '{workload.Object.Name}' use {key}", $"remove {key}, or allow {workload.Namespace}/{workload.Object.Name} under allow.hostNamespaces in {LintConfiguration.DefaultPath}");
                }
            }
        }
    }
}
