using HomeLab.Manifests.Lint;

namespace HomeLab.Manifests.Tests.Lint;

public class MeshRuleTests
{
    private const string StrictPolicy = """
        apiVersion: security.istio.io/v1
        kind: PeerAuthentication
        metadata: { name: default, namespace: istio-system }
        spec:
          mtls: { mode: STRICT }
        """;

    [Fact]
    public void A_namespace_without_a_network_policy_is_reported_at_its_namespace_object()
    {
        var yaml = LintTestSet.Baseline.Replace("kind: NetworkPolicy", "kind: NetworkPolicyX", StringComparison.Ordinal);

        var finding = LintTestSet.Lint(yaml, LintRuleIds.NamespaceNetworkPolicy).Should().ContainSingle().Subject;

        finding.Object!.Kind.Should().Be("Namespace");
        finding.Span!.Value.Line.Should().Be(4);
    }

    [Fact]
    public void Without_a_namespace_object_the_first_workload_carries_the_findings()
    {
        var yaml = LintTestSet.Join(LintTestSet.Deployment, LintTestSet.Service);

        var findings = LintTestSet.Lint(yaml).Where(f => f.RuleId is LintRuleIds.NamespaceNetworkPolicy or LintRuleIds.NamespaceIstioInjection).ToList();

        findings.Should().HaveCount(2).And.OnlyContain(f => f.Object!.Kind == "Deployment" && f.Span!.Value.Line == 5);
    }

    [Theory]
    [InlineData("istio-injection: enabled", false)]
    [InlineData("istio.io/rev: stable", false)]
    [InlineData("istio-injection: disabled", true)]
    [InlineData("team: home", true)]
    public void Namespaces_with_workloads_need_the_istio_injection_label(string label, bool fires)
    {
        var yaml = LintTestSet.Baseline.Replace("istio-injection: enabled", label, StringComparison.Ordinal);

        LintTestSet.Lint(yaml, LintRuleIds.NamespaceIstioInjection).Should().HaveCount(fires ? 1 : 0);
    }

    [Fact]
    public void A_mesh_needs_a_strict_peer_authentication_without_selector_in_the_root_namespace()
    {
        var none = LintTestSet.Join(LintTestSet.Baseline, "apiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata: { name: gw, namespace: apps }");
        var permissive = LintTestSet.Join(LintTestSet.Baseline, StrictPolicy.Replace("STRICT", "PERMISSIVE", StringComparison.Ordinal));
        var selected = LintTestSet.Join(LintTestSet.Baseline, StrictPolicy.Replace("spec:", "spec:\n  selector: { matchLabels: { app: web } }", StringComparison.Ordinal));
        var elsewhere = LintTestSet.Join(LintTestSet.Baseline, StrictPolicy);

        LintTestSet.Lint(none, LintRuleIds.MeshStrictMtls).Should().ContainSingle().Which.Span.Should().BeNull();
        LintTestSet.Lint(permissive, LintRuleIds.MeshStrictMtls).Should().ContainSingle().Which.FieldPath.Should().Be("spec.mtls.mode");
        LintTestSet.Lint(selected, LintRuleIds.MeshStrictMtls).Should().ContainSingle();
        LintTestSet.Lint(elsewhere, LintRuleIds.MeshStrictMtls).Should().BeEmpty();
        LintTestSet.Lint(elsewhere, LintRuleIds.MeshStrictMtls, configuration: LintConfiguration.Default with { IstioRootNamespace = "mesh" })
            .Should().ContainSingle("the root namespace is configurable");
        LintTestSet.Lint(LintTestSet.Baseline, LintRuleIds.MeshStrictMtls).Should().BeEmpty("a set without Istio is not a mesh");
    }

    [Fact]
    public void Workloads_exposing_metrics_need_a_monitor_that_selects_them()
    {
        var exposing = LintTestSet.Baseline.Replace("name: http, containerPort: 8080", "name: metrics, containerPort: 9090", StringComparison.Ordinal);
        const string ServiceMonitor = """
            apiVersion: monitoring.coreos.com/v1
            kind: ServiceMonitor
            metadata: { name: web, namespace: monitoring }
            spec:
              namespaceSelector: { matchNames: [apps] }
              selector: { matchLabels: { app: web } }
              endpoints: [{ port: metrics }]
            """;
        var labelledService = exposing.Replace("metadata: { name: web, namespace: apps }\nspec:\n  selector", "metadata: { name: web, namespace: apps, labels: { app: web } }\nspec:\n  selector", StringComparison.Ordinal);
        const string PodMonitor = """
            apiVersion: monitoring.coreos.com/v1
            kind: PodMonitor
            metadata: { name: web, namespace: apps }
            spec:
              selector: { matchLabels: { app: web } }
            """;

        var finding = LintTestSet.Lint(exposing, LintRuleIds.MetricsMonitored).Should().ContainSingle().Subject;
        finding.FieldPath.Should().Be("spec.template.spec.containers[0].ports[0].name");
        LintTestSet.Lint(LintTestSet.Join(exposing, ServiceMonitor), LintRuleIds.MetricsMonitored).Should().ContainSingle("the Service lacks the label the monitor selects");
        LintTestSet.Lint(LintTestSet.Join(labelledService, ServiceMonitor), LintRuleIds.MetricsMonitored).Should().BeEmpty();
        LintTestSet.Lint(LintTestSet.Join(exposing, PodMonitor), LintRuleIds.MetricsMonitored).Should().BeEmpty();
    }

    [Fact]
    public void The_prometheus_scrape_annotation_counts_as_exposing_metrics()
    {
        var yaml = LintTestSet.Baseline.Replace("labels: { app: web }\n", "labels: { app: web }\n      annotations: { prometheus.io/scrape: \"true\" }\n", StringComparison.Ordinal);

        LintTestSet.Lint(yaml, LintRuleIds.MetricsMonitored).Should().ContainSingle()
            .Which.FieldPath.Should().Be("spec.template.metadata.annotations[\"prometheus.io/scrape\"]");
    }
}
