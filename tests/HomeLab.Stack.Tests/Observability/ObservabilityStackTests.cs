using FluentAssertions;
using HomeLab.Manifests.Yaml;

namespace HomeLab.Stack.Tests.Observability;

/// <summary>What the observability Applications and their values files must say, in both environments.</summary>
[Collection(RenderedEnvironments.Collection)]
[Trait(Tier.Name, Tier.Offline)]
public sealed class ObservabilityStackTests(RenderedEnvironments fixture)
{
    private static readonly string[] Charts = ["kube-prometheus-stack", "loki", "alloy", "tempo", "jaeger", "opentelemetry-collector"];

    [Theory]
    [InlineData("k3d")]
    [InlineData("k3s")]
    public void Every_observability_chart_is_an_Application_of_project_observability_with_a_pinned_version_and_values_from_the_repository(string environment)
    {
        foreach (var name in Charts)
        {
            var application = ObservabilityBudgetTests.Application(fixture.Objects(environment), name);
            application.Find("spec.project").Should().BeOfType<YamlScalar>().Which.Value.Should().Be("observability");
            var sources = application.Find("spec.sources").Should().BeOfType<YamlList>().Subject.Items.OfType<YamlMap>().ToList();
            var chart = sources.Single(s => s.ContainsKey("chart"));
            chart.GetString("targetRevision").Should().MatchRegex(@"^\d+\.\d+\.\d+$", $"{name} pins an exact chart version");
            (chart.Find("helm.valueFiles") as YamlList)!.Items.OfType<YamlScalar>().Select(v => v.Value)
                .Should().Contain($"$values/manifests/observability/{name}/values.yaml");
            sources.Should().Contain(s => s.GetString("ref") == "values" && s.GetString("repoURL") == "https://github.com/homelab-gitops/homelab.git");
        }
    }

    [Fact]
    public void Loki_runs_as_one_binary_without_the_memcached_caches_its_chart_enables_by_default()
    {
        var values = Values("loki");

        values.GetString("deploymentMode").Should().Be("SingleBinary");
        values.Find("chunksCache.enabled").Should().BeOfType<YamlScalar>().Which.AsBool().Should().BeFalse("the chunks cache asks for about 8 GiB");
        values.Find("resultsCache.enabled").Should().BeOfType<YamlScalar>().Which.AsBool().Should().BeFalse();
        values.Find("loki.storage.type").Should().BeOfType<YamlScalar>().Which.Value.Should().Be("filesystem", "k3d keeps chunks on a PVC");
        Values("loki", "values-k3s.yaml").Find("loki.storage.bucketNames.chunks").Should().BeOfType<YamlScalar>().Which.Value.Should().Be("loki-chunks");
    }

    [Fact]
    public void Alloy_ships_every_pods_logs_to_Loki_from_every_node()
    {
        var values = Values("alloy");

        values.Find("controller.type").Should().BeOfType<YamlScalar>().Which.Value.Should().Be("daemonset");
        var config = values.Find("alloy.configMap.content").Should().BeOfType<YamlScalar>().Subject.Value;
        config.Should().Contain("discovery.kubernetes").And.Contain("/var/log/pods").And.Contain("http://loki.monitoring.svc.cluster.local:3100/loki/api/v1/push");
    }

    [Fact]
    public void The_collector_is_the_opentelemetry_collector_service_and_fans_traces_out_to_Jaeger_and_Tempo()
    {
        var values = Values("opentelemetry-collector");

        values.GetString("fullnameOverride").Should().Be("opentelemetry-collector");
        ObservabilityBudgetTests.Application(fixture.Objects("k3d"), "opentelemetry-collector").Find("spec.destination.namespace")
            .Should().BeOfType<YamlScalar>().Which.Value.Should().Be("observability");
        var exporters = (values.Find("config.service.pipelines.traces.exporters") as YamlList)!.Items.OfType<YamlScalar>().Select(e => e.Value).ToList();
        exporters.Should().BeEquivalentTo("otlp/jaeger", "otlp/tempo");
        var exporterMap = values.Find("config.exporters") as YamlMap;
        exporterMap!.GetMap("otlp/jaeger")!.GetString("endpoint").Should().StartWith("jaeger-collector.observability");
        exporterMap.GetMap("otlp/tempo")!.GetString("endpoint").Should().StartWith("tempo.observability");
    }

    [Fact]
    public void Grafana_is_provisioned_with_Prometheus_Loki_Tempo_and_Jaeger_and_loads_labelled_dashboards()
    {
        var grafana = Values("kube-prometheus-stack").GetMap("grafana")!;

        var types = (grafana.GetList("additionalDataSources"))!.Items.OfType<YamlMap>().Select(d => d.GetString("type")).ToList();
        types.Should().BeEquivalentTo("loki", "tempo", "jaeger");
        grafana.Find("sidecar.datasources.enabled").Should().BeOfType<YamlScalar>().Which.AsBool().Should().BeTrue("the chart provisions Prometheus itself through the datasources sidecar");
        grafana.Find("sidecar.dashboards.label").Should().BeOfType<YamlScalar>().Which.Value.Should().Be("grafana_dashboard");
    }

    [Theory]
    [InlineData("k3d")]
    [InlineData("k3s")]
    public void Dashboards_for_the_cluster_the_mesh_and_namespaces_are_labelled_for_Grafana(string environment)
    {
        var dashboards = fixture.Objects(environment)
            .Where(o => o.Kind == "ConfigMap" && o.Labels.TryGetValue("grafana_dashboard", out var v) && v == "1")
            .Select(o => o.Name)
            .ToList();

        dashboards.Should().Contain(["dashboard-cluster-overview", "dashboard-istio-mesh", "dashboard-namespace-resources"]);
    }

    [Fact]
    public async Task Alert_rules_cover_crash_loops_error_rates_full_volumes_and_expiring_certificates()
    {
        await fixture.Rendered("k3d").Assert("""
            apiVersion: monitoring.coreos.com/v1
            kind: PrometheusRule
            metadata:
              name: homelab
              namespace: monitoring
            spec:
              (groups[].rules[].alert):
                - HomelabPodCrashLooping
                - HomelabPersistentVolumeNearlyFull
                - HomelabHighErrorRate
                - HomelabCertificateExpiringSoon
              (length(groups[].rules[?contains(expr, 'istio_requests_total') && contains(expr, '5..')][])): 1
              (length(groups[].rules[?contains(expr, 'certmanager_certificate_expiration_timestamp_seconds')][])): 1
            """);
    }

    [Fact]
    public async Task Prometheus_scrapes_istiod_and_every_sidecars_merged_metrics()
    {
        await fixture.Rendered("k3d").Assert("""
            apiVersion: monitoring.coreos.com/v1
            kind: ServiceMonitor
            metadata:
              name: istiod
            spec:
              namespaceSelector:
                matchNames: [istio-system]
              endpoints:
                - port: http-monitoring
            """);
        await fixture.Rendered("k3d").Assert("""
            apiVersion: monitoring.coreos.com/v1
            kind: PodMonitor
            metadata:
              name: envoy-stats
            spec:
              namespaceSelector:
                any: true
              podMetricsEndpoints:
                - path: /stats/prometheus
                  (relabelings[?targetLabel == '__address__'].replacement | [0]): "$1:15020"
            """);
    }

    private YamlMap Values(string component, string file = "values.yaml") =>
        ValuesFiles.Load(Path.Combine(fixture.Root, "manifests", "observability", component, file));
}
