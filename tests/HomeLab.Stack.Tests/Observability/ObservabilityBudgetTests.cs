using FluentAssertions;
using HomeLab.Manifests.Objects;
using HomeLab.Manifests.Yaml;

namespace HomeLab.Stack.Tests.Observability;

/// <summary>
/// The observability stack's memory budget, checked on what the repository declares: the remote charts do not render
/// offline, so the budget is the sum of the memory limits the values files set (every container explicitly), with
/// per-node DaemonSets counted once per node of the environment.
/// </summary>
[Collection(RenderedEnvironments.Collection)]
[Trait(Tier.Name, Tier.Offline)]
public sealed class ObservabilityBudgetTests(RenderedEnvironments fixture)
{
    private const string Grafana = "grafana";

    // Every container the observability charts run, where its limits live in the values, and how many copies run:
    // a number, or -1 for "one per node" (DaemonSets).
    private static readonly (string Component, string Resources, int Copies, string Group)[] Containers =
    [
        ("kube-prometheus-stack", "prometheus.prometheusSpec.resources", 1, ""),
        ("kube-prometheus-stack", "alertmanager.alertmanagerSpec.resources", 1, ""),
        // The operator injects a config reloader into Prometheus and into Alertmanager.
        ("kube-prometheus-stack", "prometheusOperator.prometheusConfigReloader.resources", 2, ""),
        ("kube-prometheus-stack", "prometheusOperator.resources", 1, ""),
        ("kube-prometheus-stack", "grafana.resources", 1, Grafana),
        // The dashboards and datasources provisioning sidecars share one resources block.
        ("kube-prometheus-stack", "grafana.sidecar.resources", 2, Grafana),
        ("kube-prometheus-stack", "kube-state-metrics.resources", 1, ""),
        ("kube-prometheus-stack", "prometheus-node-exporter.resources", -1, ""),
        ("loki", "singleBinary.resources", 1, ""),
        ("alloy", "alloy.resources", -1, ""),
        ("tempo", "tempo.resources", 1, ""),
        ("jaeger", "allInOne.resources", 1, ""),
        ("opentelemetry-collector", "resources", 1, ""),
    ];

    [Theory]
    [InlineData("k3d")]
    [InlineData("k3s")]
    public void Every_observability_container_has_an_explicit_memory_limit(string environment)
    {
        var missing = Containers
            .Where(c => ValuesFiles.MemoryLimit(Values(environment, c.Component), c.Resources) is null)
            .Select(c => $"{c.Component}: {c.Resources}.limits.memory")
            .ToList();

        missing.Should().BeEmpty("the budget can only be summed when every container states its limit");
    }

    [Theory]
    [InlineData("k3d")]
    [InlineData("k3s")]
    public void The_observability_stack_stays_within_its_declared_memory_budget(string environment)
    {
        var (total, breakdown) = Sum(environment, _ => true);

        total.Should().BeLessThanOrEqualTo(Budget(environment, "observability"), $"the {environment} observability limits add up to {total / Mi} Mi: {breakdown}");
    }

    [Theory]
    [InlineData("k3d")]
    [InlineData("k3s")]
    public void Grafana_stays_within_its_declared_memory_budget(string environment)
    {
        var (total, breakdown) = Sum(environment, c => c.Group == Grafana);

        total.Should().BeLessThanOrEqualTo(Budget(environment, Grafana), $"Grafana's limits on {environment} add up to {total / Mi} Mi: {breakdown}");
    }

    [Fact]
    public void The_k3d_budgets_are_the_ones_the_homelab_promises()
    {
        Budget("k3d", "observability").Should().Be(1.5m * 1024 * Mi);
        Budget("k3d", Grafana).Should().Be(350 * Mi);
    }

    [Fact]
    public void The_budgets_select_every_observability_application()
    {
        var applications = fixture.Objects("k3d")
            .Where(o => o.Kind == "Application" && o.Find("spec.project") is YamlScalar { Value: "observability" })
            .Select(o => o.Name!)
            .Where(n => n != "observability-namespaces");
        var selected = ValuesFiles.Load(Path.Combine(fixture.Root, "clusters", "k3d", "budgets.yaml"))
            .Find("budgets.observability.select.applications") as YamlList;

        selected!.Items.OfType<YamlScalar>().Select(s => s.Value).Should().BeEquivalentTo(applications);
    }

    private const decimal Mi = 1024 * 1024;

    private (decimal Total, string Breakdown) Sum(string environment, Func<(string Component, string Resources, int Copies, string Group), bool> which)
    {
        var nodes = fixture.Catalog.Find(environment)!.Nodes.Count;
        var parts = Containers.Where(which)
            .Select(c => (c, Bytes: (ValuesFiles.MemoryLimit(Values(environment, c.Component), c.Resources) ?? 0) * (c.Copies < 0 ? nodes : c.Copies)))
            .ToList();
        return (parts.Sum(p => p.Bytes), string.Join(", ", parts.Select(p => $"{p.c.Component} {p.c.Resources} {p.Bytes / Mi} Mi")));
    }

    private YamlMap Values(string environment, string component)
    {
        var directory = Path.Combine(fixture.Root, "manifests", "observability", component);
        var files = new List<string> { Path.Combine(directory, "values.yaml") };
        var overlay = Path.Combine(directory, $"values-{environment}.yaml");
        if (environment != "k3d" && File.Exists(overlay) && AppliedValueFiles(environment, component).Any(f => f.EndsWith($"values-{environment}.yaml", StringComparison.Ordinal)))
        {
            files.Add(overlay);
        }

        return ValuesFiles.Load([.. files]);
    }

    private IEnumerable<string> AppliedValueFiles(string environment, string component) =>
        Application(fixture.Objects(environment), component).Find("spec.sources") is YamlList sources
            ? sources.Items.OfType<YamlMap>()
                .SelectMany(s => (s.Find("helm.valueFiles") as YamlList)?.Items.OfType<YamlScalar>().Select(v => v.Value) ?? [])
            : [];

    private decimal Budget(string environment, string name)
    {
        var budgets = ValuesFiles.Load(Path.Combine(fixture.Root, "clusters", environment, "budgets.yaml"));
        var memory = (budgets.Find($"budgets.{name}.limits.memory") as YamlScalar)?.Value;
        memory.Should().NotBeNull($"clusters/{environment}/budgets.yaml declares a memory limit for {name}");
        return ValuesFiles.Bytes(memory!);
    }

    internal static KubeObject Application(IReadOnlyList<KubeObject> objects, string name) =>
        objects.SingleOrDefault(o => o.Kind == "Application" && o.Name == name)
        ?? throw new InvalidOperationException($"no Application {name} in the rendered set");
}
