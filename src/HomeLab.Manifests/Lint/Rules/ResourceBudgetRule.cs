using HomeLab.Manifests.Findings;
using HomeLab.Manifests.Objects;
using HomeLab.Manifests.Yaml;

namespace HomeLab.Manifests.Lint.Rules;

/// <summary>Sums resources over the workloads each <see cref="ResourceBudget"/> selects (containers × replicas; a
/// DaemonSet once per node) and reports every cap exceeded, at the cap's line in the budgets file, naming the
/// largest contributors.</summary>
internal sealed class ResourceBudgetRule() : LintRule(
    LintRuleIds.ResourceBudget,
    Severity.Error,
    "A homelab has fixed memory; budgets per group of components keep one stack from starving the others.")
{
    public override void Check(LintContext context)
    {
        if (context.Environment is not { Budgets.Count: > 0 } environment)
        {
            return;
        }

        foreach (var budget in environment.Budgets)
        {
            if (!budget.HasCriteria)
            {
                continue;
            }

            var members = context.Workloads.Where(w => Selects(budget, w)).ToList();
            foreach (var ceiling in budget.Ceilings)
            {
                var shares = members
                    .Select(w => (Workload: w, Amount: Sum(w, ceiling.Measure) * Replicas(w, environment)))
                    .Where(s => s.Amount > 0)
                    .OrderByDescending(s => s.Amount)
                    .ToList();
                var total = shares.Sum(s => s.Amount);
                if (total <= ceiling.Value)
                {
                    continue;
                }

                var top = string.Join(", ", shares.Take(3).Select(s => $"{s.Workload.Namespace}/{s.Workload.Object.Name} {Format(ceiling.Measure, s.Amount)}"));
                context.Report(new Finding(Id, DefaultSeverity, $"budget '{budget.Name}' allows {Describe(ceiling.Measure)} of {ceiling.Text}; its {members.Count} workloads sum to {Format(ceiling.Measure, total)} ({top})")
                {
                    Span = ceiling.Span,
                    Object = shares[0].Workload.Object.Ref,
                    FieldPath = $"budgets.{budget.Name}",
                    Hint = "lower the resources of the largest members, or raise the budget in the budgets file",
                });
            }
        }
    }

    private static bool Selects(ResourceBudget budget, Workload workload)
    {
        if (budget.Namespaces.Count > 0 && !budget.Namespaces.Contains(workload.Namespace, StringComparer.Ordinal))
        {
            return false;
        }

        var labels = workload.Object.Labels;
        foreach (var (key, value) in budget.Labels)
        {
            if ((!labels.TryGetValue(key, out var actual) || actual != value) && (!workload.TemplateLabels.TryGetValue(key, out actual) || actual != value))
            {
                return false;
            }
        }

        return budget.Applications.Count == 0 || (ApplicationOf(workload.Object) is { } app && budget.Applications.Contains(app, StringComparer.Ordinal));
    }

    private static string? ApplicationOf(KubeObject obj)
    {
        if (obj.Labels.TryGetValue("argocd.argoproj.io/instance", out var instance) || obj.Labels.TryGetValue("app.kubernetes.io/instance", out instance))
        {
            return instance;
        }

        // The tracking id reads "<app>:<group>/<kind>:<namespace>/<name>", with "<app-namespace>_" before the app in some setups.
        if (obj.Annotations.TryGetValue("argocd.argoproj.io/tracking-id", out var tracking) && tracking.IndexOf(':', StringComparison.Ordinal) is > 0 and var colon)
        {
            var app = tracking[..colon];
            return app[(app.IndexOf('_', StringComparison.Ordinal) + 1)..];
        }

        return null;
    }

    private static long Replicas(Workload workload, LintEnvironment environment) =>
        workload.Object.Kind == "DaemonSet" ? Math.Max(1, environment.Nodes.Count) : workload.Replicas;

    private static decimal Sum(Workload workload, BudgetMeasure measure)
    {
        var (section, resource) = measure switch
        {
            BudgetMeasure.MemoryLimits => ("limits", "memory"),
            BudgetMeasure.CpuLimits => ("limits", "cpu"),
            BudgetMeasure.MemoryRequests => ("requests", "memory"),
            _ => ("requests", "cpu"),
        };
        decimal sum = 0;
        foreach (var (container, _) in workload.Containers)
        {
            if (ResourceQuantity.TryParse((container.GetMap("resources")?.GetMap(section)?[resource] as YamlScalar)?.AsString(), out var value))
            {
                sum += value;
            }
        }

        return sum;
    }

    private static string Describe(BudgetMeasure measure) => measure switch
    {
        BudgetMeasure.MemoryLimits => "memory limits",
        BudgetMeasure.CpuLimits => "CPU limits",
        BudgetMeasure.MemoryRequests => "memory requests",
        _ => "CPU requests",
    };

    private static string Format(BudgetMeasure measure, decimal amount) =>
        measure is BudgetMeasure.MemoryLimits or BudgetMeasure.MemoryRequests ? ResourceQuantity.FormatBytes(amount) : ResourceQuantity.FormatCores(amount);
}
