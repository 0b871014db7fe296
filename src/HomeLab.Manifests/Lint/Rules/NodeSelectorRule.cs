using HomeLab.Manifests.Findings;

namespace HomeLab.Manifests.Lint.Rules;

internal sealed class NodeSelectorRule() : LintRule(
    LintRuleIds.NodeSelector,
    Severity.Error,
    "A pod whose nodeSelector or required node affinity no node satisfies stays Pending forever.")
{
    public override void Check(LintContext context)
    {
        if (context.Environment is not { Nodes.Count: > 0 } environment)
        {
            return;
        }

        foreach (var workload in context.Workloads)
        {
            var nodeSelector = workload.PodSpec.GetMap("nodeSelector");
            var terms = (NodePlacement.NodeAffinity(workload)?.GetMap("requiredDuringSchedulingIgnoredDuringExecution"))?.GetList("nodeSelectorTerms");
            if (nodeSelector is not { Count: > 0 } && terms is null)
            {
                continue;
            }

            var selectorNodes = environment.Nodes.Where(n => nodeSelector is null || LabelSelector.MatchesLabels(nodeSelector, n.AllLabels)).ToList();
            if (selectorNodes.Count == 0)
            {
                context.Report(workload.Object, workload.PodSpecPath.Key("nodeSelector"), $"no node of {environment.Name} has every label of the nodeSelector of {workload.Object.Kind} '{workload.Object.Name}'", Labels(environment));
            }
            else if (terms is not null && !selectorNodes.Any(n => NodePlacement.AnyTermMatches(terms, n)))
            {
                var path = workload.PodSpecPath.Key("affinity").Key("nodeAffinity").Key("requiredDuringSchedulingIgnoredDuringExecution").Key("nodeSelectorTerms");
                context.Report(workload.Object, path, $"no node of {environment.Name} satisfies the required node affinity of {workload.Object.Kind} '{workload.Object.Name}'", Labels(environment));
            }
        }
    }

    internal static string Labels(LintEnvironment environment)
    {
        var labels = environment.Nodes.SelectMany(n => n.Labels.Select(l => $"{l.Key}={l.Value}")).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Take(12);
        return $"the nodes' labels are: {string.Join(", ", labels)}";
    }
}
