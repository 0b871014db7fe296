using HomeLab.Manifests.Findings;
using HomeLab.Manifests.Objects;
using HomeLab.Manifests.Yaml;

namespace HomeLab.Manifests.Lint;

/// <summary>
/// A budgets file: the resources groups of components may take, checked by <c>homelab/resource-budget</c>.
/// <para>The format (one file, such as <c>budgets.yaml</c> next to the environment files):</para>
/// <code>
/// budgets:
///   observability:                 # the group's name, used in messages
///     select:                      # every criterion given must hold; a list means "any of"
///       namespaces: [monitoring, tracing]
///       labels: { app.kubernetes.io/part-of: observability }
///       applications: [kube-prometheus-stack, loki, tempo]   # ArgoCD Application names
///     limits:                      # sums of resources.limits over containers × replicas
///       memory: 1.5Gi
///       cpu: "2"
///     requests:                    # sums of resources.requests over containers × replicas
///       memory: 1Gi
///   grafana:
///     select: { labels: { app.kubernetes.io/name: grafana } }
///     limits: { memory: 350Mi }
/// </code>
/// <para>Quantities are Kubernetes quantities (<c>350Mi</c>, <c>1.5Gi</c>, <c>500m</c>). Replicas come from
/// <c>spec.replicas</c> (1 when unset); a DaemonSet counts once per node of the environment. Init containers are
/// not counted. Mistakes (unknown keys, bad quantities, a budget without a selection) are findings
/// <c>lint/budgets</c> at their line.</para>
/// </summary>
public sealed class ResourceBudgetFile
{
    private ResourceBudgetFile(IReadOnlyList<ResourceBudget> budgets, IReadOnlyList<Finding> findings)
    {
        Budgets = budgets;
        Findings = findings;
    }

    /// <summary>The budgets, in file order; a budget with mistakes is left out.</summary>
    public IReadOnlyList<ResourceBudget> Budgets { get; }

    /// <summary>The mistakes found, with their lines.</summary>
    public IReadOnlyList<Finding> Findings { get; }

    /// <summary>Reads a budgets file.</summary>
    /// <param name="path">The file; it is also the name findings carry.</param>
    /// <returns>The budgets and the mistakes found.</returns>
    public static ResourceBudgetFile Load(string path) => Read(YamlLoader.Default.LoadFile(path));

    /// <summary>Reads budgets from text.</summary>
    /// <param name="text">The YAML.</param>
    /// <param name="displayName">The name findings carry.</param>
    /// <returns>The budgets and the mistakes found.</returns>
    public static ResourceBudgetFile Parse(string text, string displayName) => Read(YamlLoader.Default.LoadString(text, displayName));

    private static ResourceBudgetFile Read(YamlLoadResult loaded)
    {
        var findings = new List<Finding>(loaded.Findings);
        var budgets = new List<ResourceBudget>();
        if (loaded.Documents.Count == 0)
        {
            return new ResourceBudgetFile(budgets, findings);
        }

        var root = loaded.Documents[0].Root as YamlMap;
        if (root?.GetMap("budgets") is not { } all)
        {
            findings.Add(Mistake(loaded.Documents[0].Root.Span, "the file has no 'budgets' mapping", "write budgets: { NAME: { select: ..., limits: ... } }"));
            return new ResourceBudgetFile(budgets, findings);
        }

        foreach (var key in root.Entries.Where(e => e.Key != "budgets"))
        {
            findings.Add(Mistake(key.KeySpan, $"unknown key '{key.Key}'", "the file has one key: budgets"));
        }

        foreach (var entry in all.Entries)
        {
            if (ReadBudget(entry, findings) is { } budget)
            {
                budgets.Add(budget);
            }
        }

        return new ResourceBudgetFile(budgets, findings);
    }

    private static ResourceBudget? ReadBudget(YamlMapEntry entry, List<Finding> findings)
    {
        if (entry.Value is not YamlMap body)
        {
            findings.Add(Mistake(entry.Value.Span, $"budget '{entry.Key}' is not a mapping", "give it select: and limits: or requests:"));
            return null;
        }

        var before = findings.Count;
        var budget = new ResourceBudget(entry.Key) { Span = entry.KeySpan };
        var ceilings = new List<BudgetCeiling>();
        foreach (var field in body.Entries)
        {
            switch (field.Key)
            {
                case "select":
                    budget = ReadSelection(budget, field.Value, findings);
                    break;
                case "limits":
                    ReadCeilings(field.Value, BudgetMeasure.MemoryLimits, BudgetMeasure.CpuLimits, ceilings, findings);
                    break;
                case "requests":
                    ReadCeilings(field.Value, BudgetMeasure.MemoryRequests, BudgetMeasure.CpuRequests, ceilings, findings);
                    break;
                default:
                    findings.Add(Mistake(field.KeySpan, $"unknown key '{field.Key}' in budget '{entry.Key}'", "a budget has select, limits and requests"));
                    break;
            }
        }

        budget = budget with { Ceilings = ceilings };
        if (!budget.HasCriteria)
        {
            findings.Add(Mistake(entry.KeySpan, $"budget '{entry.Key}' selects nothing", "add select: with namespaces, labels or applications"));
        }

        return findings.Count == before ? budget : null;
    }

    private static ResourceBudget ReadSelection(ResourceBudget budget, YamlNode node, List<Finding> findings)
    {
        if (node is not YamlMap select)
        {
            findings.Add(Mistake(node.Span, "select is not a mapping", "use namespaces, labels and applications"));
            return budget;
        }

        foreach (var field in select.Entries)
        {
            switch (field.Key)
            {
                case "namespaces":
                    budget = budget with { Namespaces = ReadNames(field, findings) };
                    break;
                case "applications":
                    budget = budget with { Applications = ReadNames(field, findings) };
                    break;
                case "labels" when field.Value is YamlMap labels:
                    budget = budget with { Labels = Workload.ReadStrings(labels) };
                    break;
                default:
                    findings.Add(Mistake(field.KeySpan, $"'{field.Key}' is not a selection", "select by namespaces (list), labels (mapping) or applications (list)"));
                    break;
            }
        }

        return budget;
    }

    private static List<string> ReadNames(YamlMapEntry field, List<Finding> findings)
    {
        var names = new List<string>();
        if (field.Value is not YamlList list)
        {
            findings.Add(Mistake(field.Value.Span, $"{field.Key} is not a list", $"write {field.Key}: [a, b]"));
            return names;
        }

        foreach (var item in list.Items)
        {
            if (item is YamlScalar { IsNull: false } scalar)
            {
                names.Add(scalar.Value);
            }
            else
            {
                findings.Add(Mistake(item.Span, $"an item of {field.Key} is not a name", null));
            }
        }

        return names;
    }

    private static void ReadCeilings(YamlNode node, BudgetMeasure memory, BudgetMeasure cpu, List<BudgetCeiling> ceilings, List<Finding> findings)
    {
        if (node is not YamlMap map)
        {
            findings.Add(Mistake(node.Span, "limits and requests are mappings", "write limits: { memory: 1Gi, cpu: \"2\" }"));
            return;
        }

        foreach (var field in map.Entries)
        {
            BudgetMeasure? measure = field.Key switch
            {
                "memory" => memory,
                "cpu" => cpu,
                _ => null,
            };
            var text = (field.Value as YamlScalar)?.AsString();
            if (measure is null)
            {
                findings.Add(Mistake(field.KeySpan, $"unknown resource '{field.Key}'", "budgets cap memory and cpu"));
            }
            else if (!ResourceQuantity.TryParse(text, out var value))
            {
                findings.Add(Mistake(field.Value.Span, $"'{text}' is not a quantity", "write a Kubernetes quantity such as 350Mi, 1.5Gi or 500m"));
            }
            else
            {
                ceilings.Add(new BudgetCeiling(measure.Value, value, text!, field.Value.Span));
            }
        }
    }

    private static Finding Mistake(SourceSpan span, string message, string? hint) =>
        new(LintRuleIds.Budgets, Severity.Error, message) { Span = span, Hint = hint };
}
