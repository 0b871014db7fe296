using HomeLab.Manifests.Findings;
using HomeLab.Manifests.Yaml;

namespace HomeLab.Manifests.Lint.Rules;

internal sealed class NodePreferenceRule() : LintRule(
    LintRuleIds.NodePreference,
    Severity.Warning,
    "A preferred node affinity no node satisfies does nothing, which usually means a label is misspelt.")
{
    public override void Check(LintContext context)
    {
        if (context.Environment is not { Nodes.Count: > 0 } environment)
        {
            return;
        }

        foreach (var workload in context.Workloads)
        {
            if (NodePlacement.NodeAffinity(workload)?.GetList("preferredDuringSchedulingIgnoredDuringExecution") is not { } preferences)
            {
                continue;
            }

            for (var i = 0; i < preferences.Count; i++)
            {
                if ((preferences[i] as YamlMap)?.GetMap("preference") is not { } term || environment.Nodes.Any(n => NodePlacement.TermMatches(term, n)))
                {
                    continue;
                }

                var path = workload.PodSpecPath.Key("affinity").Key("nodeAffinity").Key("preferredDuringSchedulingIgnoredDuringExecution").Index(i).Key("preference");
                context.Report(workload.Object, path, $"no node of {environment.Name} satisfies preferred node affinity term {i} of {workload.Object.Kind} '{workload.Object.Name}'", NodeSelectorRule.Labels(environment));
            }
        }
    }
}
