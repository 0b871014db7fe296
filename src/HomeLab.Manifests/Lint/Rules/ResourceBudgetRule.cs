using HomeLab.Manifests.Findings;
using HomeLab.Manifests.Objects;
using HomeLab.Manifests.Yaml;

namespace HomeLab.Manifests.Lint.Rules;

/// <summary>Sums resources over the pods each <see cref="ResourceBudget"/> selects — workloads' containers and their
/// injected Istio sidecars, and the pods the Prometheus Operator creates (× replicas; a DaemonSet once per node) — and reports every cap exceeded, at the cap's line in the budgets file, naming the
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

        foreach (var (sum, lines) in Measure(context, environment))
        {
            if (!sum.IsExceeded)
            {
                continue;
            }

            var shares = lines
                .GroupBy(l => l.Member, ReferenceEqualityComparer.Instance)
                .Select(g => (Member: (BudgetMember)g.Key!, Amount: g.Sum(l => l.Line.Amount)))
                .OrderByDescending(s => s.Amount)
                .ToList();
            var top = string.Join(", ", shares.Take(3).Select(s => $"{s.Member.Namespace}/{s.Member.Name} {sum.Format(s.Amount)}"));
            var sidecars = lines.Where(l => l.Line.Kind == BudgetLineKind.Sidecar).Sum(l => l.Line.Amount);
            var injected = sidecars > 0 ? $"; Istio sidecars {sum.Format(sidecars)} of it" : string.Empty;
            context.Report(new Finding(Id, DefaultSeverity, $"budget '{sum.Budget.Name}' allows {sum.MeasureText} of {sum.Ceiling.Text}; its {sum.MemberCount} workloads sum to {sum.Format(sum.Total)} ({top}{injected})")
            {
                Span = sum.Ceiling.Span,
                Object = shares[0].Member.Object.Ref,
                FieldPath = $"budgets.{sum.Budget.Name}",
                Hint = "lower the resources of the largest members, or raise the budget in the budgets file (--verbosity verbose prints every line of the sum)",
            });
        }
    }

    /// <summary>Every cap of every budget of the environment with the lines of its sum (each with the member it comes
    /// from), in the budgets file's order.</summary>
    internal static List<(BudgetSum Sum, List<(BudgetMember Member, BudgetLine Line)> Lines)> Measure(LintContext context, LintEnvironment environment)
    {
        var sums = new List<(BudgetSum, List<(BudgetMember, BudgetLine)>)>();
        var all = environment.Budgets.Count == 0 ? [] : Members(context, environment);
        foreach (var budget in environment.Budgets.Where(b => b.HasCriteria))
        {
            var members = all.Where(m => Selects(context, budget, m)).ToList();
            foreach (var ceiling in budget.Ceilings)
            {
                var lines = new List<(BudgetMember Member, BudgetLine Line)>();
                foreach (var member in members)
                {
                    foreach (var container in member.Containers)
                    {
                        var kind = container.Name == MeshSidecar.ContainerName && !member.IsGateway ? BudgetLineKind.Sidecar
                            : member.IsManaged ? BudgetLineKind.OperatorPod
                            : BudgetLineKind.Container;
                        if (container.Of(ceiling.Measure) is > 0 and var amount)
                        {
                            lines.Add((member, new BudgetLine($"{member.Namespace}/{member.Name}", container.Name, kind, amount, member.Replicas)));
                        }
                    }
                }

                // Grouped by pods, the largest group first, so a person reads the sum workload by workload.
                var ordered = lines.Select(l => l.Line).GroupBy(l => l.Pods, StringComparer.Ordinal)
                    .OrderByDescending(g => g.Sum(l => l.Amount))
                    .SelectMany(g => g.OrderByDescending(l => l.Amount))
                    .ToList();
                sums.Add((new BudgetSum(budget, ceiling, ordered, members.Count), lines));
            }
        }

        return sums;
    }

    /// <summary>Every group of pods that will run, with what each pod takes: workloads (their containers and the
    /// sidecar injected beside them), and the pods the Prometheus Operator creates.</summary>
    internal static List<BudgetMember> Members(LintContext context, LintEnvironment environment)
    {
        var sidecar = MeshSidecar.In(context.Objects);
        var members = new List<BudgetMember>();
        foreach (var workload in context.Workloads)
        {
            var containers = workload.Containers.Select(c => PodResources.Read(c.Container.GetString("name") ?? "container", c.Container.GetMap("resources"))).ToList();
            if (sidecar.For(workload.Namespace, workload.TemplateLabels, workload.TemplateAnnotations, workload.PodSpec["hostNetwork"] is YamlScalar { Value: "true" }) is { } proxy)
            {
                containers.Add(proxy);
            }

            var replicas = workload.Object.Kind == "DaemonSet" ? Math.Max(1, environment.Nodes.Count) : workload.Replicas;
            var gateway = workload.TemplateAnnotations?.ContainsKey("inject.istio.io/templates") == true;
            members.Add(new BudgetMember(workload.Object, workload.Object.Name ?? string.Empty, workload.Namespace, workload.TemplateLabels, replicas, containers, gateway, IsManaged: false));
        }

        foreach (var pod in ManagedPod.In(context.Objects))
        {
            if (pod.Owner is null)
            {
                continue;
            }

            var containers = pod.Containers.ToList();
            if (sidecar.For(pod.Namespace, pod.Labels, pod.Annotations) is { } proxy)
            {
                containers.Add(proxy);
            }

            members.Add(new BudgetMember(pod.Owner, pod.Name, pod.Namespace, pod.Labels, pod.Replicas, containers, false, IsManaged: true));
        }

        return members;
    }

    private static bool Selects(LintContext context, ResourceBudget budget, BudgetMember member)
    {
        if (budget.Namespaces.Count > 0 && !budget.Namespaces.Contains(member.Namespace, StringComparer.Ordinal))
        {
            return false;
        }

        var labels = member.Object.Labels;
        foreach (var (key, value) in budget.Labels)
        {
            if ((!labels.TryGetValue(key, out var actual) || actual != value) && (!member.PodLabels.TryGetValue(key, out actual) || actual != value))
            {
                return false;
            }
        }

        return budget.Applications.Count == 0 || ((context.ChartApplicationOf(member.Object) ?? ApplicationOf(member.Object)) is { } app && budget.Applications.Contains(app, StringComparer.Ordinal));
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
}
