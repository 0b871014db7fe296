using HomeLab.Manifests.Findings;
using HomeLab.Manifests.Lint;
using HomeLab.Testing.Upstream;

namespace HomeLab.Stack.Tests.Upstream;

/// <summary>
/// Lint over both environments rendered with the real upstream charts (<see cref="UpstreamCorpus"/>, recorded at the
/// homelab's commit eb83c4a): none of the false alarms upstream objects used to raise, and nothing left but what the
/// homelab's values of today fix.
/// </summary>
[Collection(UpstreamEnvironments.Collection)]
[Trait(Tier.Name, Tier.Offline)]
public class RealChartLintTests(UpstreamEnvironments fixture)
{
    // The corpus was rendered before these fixes to the values: each finding is a true one, gone with today's values.
    private static readonly (string Rule, string Object)[] FixedSinceTheRecording =
    [
        (LintRuleIds.ResourceRequests, "argocd/argocd-redis-secret-init"),
        (LintRuleIds.MemoryLimit, "argocd/argocd-redis-secret-init"),
        (LintRuleIds.ResourceRequests, "velero/velero-upgrade-crds"),
        (LintRuleIds.MemoryLimit, "velero/velero-upgrade-crds"),
        (LintRuleIds.ResourceBudget, "monitoring/kube-prometheus-stack-prometheus"),

        // Upstream defaults the values now override (container securityContext, probes) instead of silencing them.
        (LintRuleIds.RunAsNonRoot, "velero/velero"),
        (LintRuleIds.NoPrivilegeEscalation, "velero/velero"),
        (LintRuleIds.ReadOnlyRoot, "velero/velero"),
        (LintRuleIds.NoPrivilegeEscalation, "velero/node-agent"),
        (LintRuleIds.NoPrivilegeEscalation, "monitoring/alloy"),
        (LintRuleIds.Probes, "monitoring/alloy"),
        (LintRuleIds.NoPrivilegeEscalation, "observability/jaeger"),
        (LintRuleIds.ReadOnlyRoot, "observability/jaeger"),
        (LintRuleIds.RunAsNonRoot, "observability/opentelemetry-collector"),
        (LintRuleIds.NoPrivilegeEscalation, "observability/opentelemetry-collector"),
        (LintRuleIds.ReadOnlyRoot, "observability/opentelemetry-collector"),
        (LintRuleIds.NoPrivilegeEscalation, "observability/tempo"),
        (LintRuleIds.ReadOnlyRoot, "observability/tempo"),
        (LintRuleIds.NoPrivilegeEscalation, "monitoring/kube-prometheus-stack-prometheus-node-exporter"),
        (LintRuleIds.NoPrivilegeEscalation, "kube-system/sealed-secrets-controller"),
        (LintRuleIds.Probes, "argocd/argocd-applicationset-controller"),
        (LintRuleIds.Probes, "argocd/argocd-redis"),
    ];

    [SkippableTheory]
    [InlineData("k3d")]
    [InlineData("k3s")]
    public void Every_chart_of_the_environment_renders_from_the_recorded_output(string environment)
    {
        var set = fixture[environment];

        set.Counts.NotRenderedOffline.Should().Be(0);
        set.Findings.Where(f => f.Severity == Severity.Error).Should().BeEmpty();
        set.Objects.Count.Should().BeGreaterThan(440, "the real charts render about 300 objects beside the repository's own");
    }

    [SkippableTheory]
    [InlineData("k3d")]
    [InlineData("k3s")]
    public void Lint_raises_no_false_alarm_on_the_real_charts(string environment)
    {
        var findings = fixture.Lint(environment);

        findings.Should().NotContain(f => f.RuleId == LintRuleIds.NodeSelector, "kubernetes.io/os and the other well-known labels are on every node");
        findings.Should().NotContain(f => f.RuleId == LintRuleIds.ServiceSelector, "Prometheus, Alertmanager and CoreDNS pods are created by the operator and by k3s");
        findings.Should().NotContain(f => f.RuleId == LintRuleIds.ImageTag, "the gateway's image: auto is filled in by istiod");
        findings.Should().NotContain(f => f.RuleId == LintRuleIds.NoPlainSecret, "the charts generate their Secrets; none is in git");
        findings.Should().NotContain(f => f.RuleId == LintRuleIds.NamespaceIstioInjection || f.RuleId == LintRuleIds.NamespaceNetworkPolicy, "kube-system, istio-system and istio-ingress are declared system namespaces");
    }

    [SkippableTheory]
    [InlineData("k3d")]
    [InlineData("k3s")]
    public void With_every_chart_rendered_only_what_todays_values_fix_is_left(string environment)
    {
        var left = fixture.Lint(environment)
            .Where(f => f.Severity is Severity.Error or Severity.Warning)
            .Where(f => !FixedSinceTheRecording.Any(x => x.Rule == f.RuleId && f.Object?.ToString().Contains(x.Object, StringComparison.Ordinal) == true))
            .Select(f => $"{f.RuleId} {f.Object} {f.Message}");

        left.Should().BeEmpty("every upstream default the homelab accepts is silenced in .homelab/lint.yaml with its reason");
    }

    [SkippableFact]
    public void The_observability_budget_counts_the_operators_pods_and_the_sidecar_jaeger_had_at_the_recording()
    {
        var budget = fixture.Lint("k3d").Should().ContainSingle(f => f.RuleId == LintRuleIds.ResourceBudget).Subject;

        // 1.71Gi: Prometheus 320Mi + its config reloader 24Mi, and Jaeger's 80Mi plus the 256Mi sidecar that
        // allInOne.podAnnotations never turned off (the values now use allInOne.podLabels).
        budget.Message.Should().Contain("budget 'observability'").And.Contain("1.71Gi")
            .And.Contain("prometheus-kube-prometheus-stack-prometheus 344Mi").And.Contain("observability/jaeger 336Mi").And.Contain("Istio sidecars 256Mi");
    }

    [SkippableFact]
    public void The_observability_budget_sum_is_explained_line_by_line()
    {
        var environment = fixture.Catalog.Environments.Single(e => e.Name == "k3d");
        var (lintEnvironment, _) = LintEnvironment.Describe(environment);

        var sum = new Linter(environment: lintEnvironment).BudgetSums(fixture["k3d"].Objects)
            .Should().ContainSingle(s => s.Budget.Name == "observability" && s.Ceiling.Measure == BudgetMeasure.MemoryLimits).Subject;

        sum.Lines.Sum(l => l.Amount).Should().Be(sum.Total);
        sum.Format(sum.Total).Should().Be("1.71Gi");
        const decimal Mi = 1024 * 1024;
        sum.Lines.Should().ContainEquivalentOf(new BudgetLine("monitoring/prometheus-kube-prometheus-stack-prometheus", "prometheus", BudgetLineKind.OperatorPod, 320 * Mi, 1));
        sum.Lines.Should().ContainEquivalentOf(new BudgetLine("monitoring/prometheus-kube-prometheus-stack-prometheus", "config-reloader", BudgetLineKind.OperatorPod, 24 * Mi, 1));
        sum.Lines.Should().ContainEquivalentOf(new BudgetLine("observability/jaeger", "istio-proxy", BudgetLineKind.Sidecar, 256 * Mi, 1));
        sum.Lines.Where(l => l.Pods == "monitoring/alloy").Should().OnlyContain(l => l.Replicas == 3, "a DaemonSet runs once on each of k3d's 3 nodes");
    }

    [SkippableFact]
    public void Findings_on_a_charts_objects_name_the_chart_its_version_and_the_template()
    {
        var loki = fixture["k3d"].Objects.Single(o => o.Kind == "StatefulSet" && o.Name == "loki");

        loki.Span.File.Should().EndWith(Path.Combine("manifests", "argocd", "observability", "loki.yaml"));
        loki.Span.Template.Should().Be("chart loki 6.45.1, templates/single-binary/statefulset.yaml");
        fixture["k3d"].Sources.Where(s => s.Kind == HomeLab.Manifests.Rendering.RenderSourceKind.RemoteChart).SelectMany(s => s.Objects)
            .Should().OnlyContain(o => o.Span.Template != null && o.Span.Template.StartsWith("chart ", StringComparison.Ordinal));
        // A CRD of the chart's crds/ folder has no # Source: comment: the chart alone is named.
        fixture["k3d"].Objects.Single(o => o.Kind == "CustomResourceDefinition" && o.Name == "backups.velero.io").Span.Template.Should().Be("chart velero 8.3.0");
    }

    [SkippableFact]
    public void A_finding_both_overlays_share_is_the_same_finding_in_each_so_it_is_shown_once()
    {
        static string Key(Finding f) => $"{f.RuleId}|{f.Span}|{f.Message}|{f.FieldPath}";
        var k3d = fixture.Lint("k3d").Where(f => f.Severity != Severity.Info).Select(Key).ToHashSet(StringComparer.Ordinal);

        var shared = fixture.Lint("k3s").Where(f => f.Severity != Severity.Info && k3d.Contains(Key(f))).ToList();

        // The redis secret-init Job of the shared argocd Application, from the same chart template in both.
        shared.Should().Contain(f => f.Object!.ToString().Contains("argocd-redis-secret-init", StringComparison.Ordinal) && f.Span!.Value.Template != null);
    }

    [SkippableFact]
    public void The_recorded_loki_config_map_loads_whole_with_its_space_only_first_line()
    {
        var loki = fixture["k3d"].Objects.Where(o => o.Find("metadata.labels")?.ToString()?.Contains("loki", StringComparison.Ordinal) == true || o.Name?.StartsWith("loki", StringComparison.Ordinal) == true).ToList();

        loki.Should().Contain(o => o.Kind == "ConfigMap" && o.Name == "loki");
        loki.Should().Contain(o => o.Kind == "StatefulSet" && o.Name == "loki");
    }
}
