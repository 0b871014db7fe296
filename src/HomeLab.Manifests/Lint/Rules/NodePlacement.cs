using HomeLab.Manifests.Yaml;

namespace HomeLab.Manifests.Lint.Rules;

/// <summary>Evaluates node selectors and node selector terms against an environment's nodes.</summary>
internal static class NodePlacement
{
    public static readonly string[] NodeAffinityPath = ["affinity", "nodeAffinity"];

    /// <summary>Whether a node selector term (<c>matchExpressions</c> and <c>matchFields</c>) selects a node; a term
    /// with neither selects nothing, as in Kubernetes.</summary>
    public static bool TermMatches(YamlMap term, LintNode node)
    {
        var expressions = term.GetList("matchExpressions");
        var fields = term.GetList("matchFields");
        if (expressions is not { Count: > 0 } && fields is not { Count: > 0 })
        {
            return false;
        }

        if (expressions is not null && !LabelSelector.MatchesExpressions(expressions, node.AllLabels))
        {
            return false;
        }

        return fields is null || LabelSelector.MatchesExpressions(fields, new Dictionary<string, string>(StringComparer.Ordinal) { ["metadata.name"] = node.Name });
    }

    public static bool AnyTermMatches(YamlList terms, LintNode node)
    {
        foreach (var term in terms.Items)
        {
            if (term is YamlMap map && TermMatches(map, node))
            {
                return true;
            }
        }

        return false;
    }

    public static YamlMap? NodeAffinity(Workload workload) => workload.PodSpec.GetMap("affinity")?.GetMap("nodeAffinity");
}
