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

        foreach (var budget in environment.Budgets)
        {
            if (!budget.HasCriteria)
            {
                continue;
            }

            var members = Members(context, environment).Where(m => Selects(context, budget, m)).ToList();
            foreach (var ceiling in budget.Ceilings)
            {
                var shares = members
                    .Select(m => (Member: m, Amount: Share(m, ceiling.Measure)))
                    .Where(s => s.Amount > 0)
                    .OrderByDescending(s => s.Amount)
                    .ToList();
                var total = shares.Sum(s => s.Amount);
                if (total <= ceiling.Value)
                {
                    continue;
                }

                var top = string.Join(", ", shares.Take(3).Select(s => $"{s.Member.Namespace}/{s.Member.Name} {Format(ceiling.Measure, s.Amount)}"));
                var sidecars = shares.Sum(s => s.Member.Containers.Where(c => c.Name == "istio-proxy" && !s.Member.IsGateway).Sum(c => c.Of(ceiling.Measure)) * s.Member.Replicas);
                var injected = sidecars > 0 ? $"; Istio sidecars {Format(ceiling.Measure, sidecars)} of it" : string.Empty;
                context.Report(new Finding(Id, DefaultSeverity, $"budget '{budget.Name}' allows {Describe(ceiling.Measure)} of {ceiling.Text}; its {members.Count} workloads sum to {Format(ceiling.Measure, total)} ({top}{injected})")
                {
                    Span = ceiling.Span,
                    Object = shares[0].Member.Object.Ref,
                    FieldPath = $"budgets.{budget.Name}",
                    Hint = "lower the resources of the largest members, or raise the budget in the budgets file",
                });
            }
        }
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
            members.Add(new BudgetMember(workload.Object, workload.Object.Name ?? string.Empty, workload.Namespace, workload.TemplateLabels, replicas, containers, gateway));
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

            members.Add(new BudgetMember(pod.Owner, pod.Name, pod.Namespace, pod.Labels, pod.Replicas, containers, false));
        }

        return members;
    }

    /// <summary>What one member takes of a measure: its containers' sum times its replicas.</summary>
    internal static decimal Share(BudgetMember member, BudgetMeasure measure) => member.Containers.Sum(c => c.Of(measure)) * member.Replicas;

    internal static bool Selects(LintContext context, ResourceBudget budget, BudgetMember member)
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

    private static string Describe(BudgetMeasure measure) => measure switch
    {
        BudgetMeasure.MemoryLimits => "memory limits",
        BudgetMeasure.CpuLimits => "CPU limits",
        BudgetMeasure.MemoryRequests => "memory requests",
        _ => "CPU requests",
    };

    internal static string Format(BudgetMeasure measure, decimal amount) =>
        measure is BudgetMeasure.MemoryLimits or BudgetMeasure.MemoryRequests ? ResourceQuantity.FormatBytes(amount) : ResourceQuantity.FormatCores(amount);
}
