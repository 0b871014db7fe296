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
    public void The_recorded_loki_config_map_loads_whole_with_its_space_only_first_line()
    {
        var loki = fixture["k3d"].Objects.Where(o => o.Find("metadata.labels")?.ToString()?.Contains("loki", StringComparison.Ordinal) == true || o.Name?.StartsWith("loki", StringComparison.Ordinal) == true).ToList();

        loki.Should().Contain(o => o.Kind == "ConfigMap" && o.Name == "loki");
        loki.Should().Contain(o => o.Kind == "StatefulSet" && o.Name == "loki");
    }
}
