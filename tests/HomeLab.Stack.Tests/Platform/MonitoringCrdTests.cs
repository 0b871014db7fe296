using HomeLab.Manifests.Yaml;
using HomeLab.Stack.Tests.Observability;

namespace HomeLab.Stack.Tests.Platform;

/// <summary>The Prometheus Operator's CRDs come first, so the platform's ServiceMonitors need not wait for kube-prometheus-stack.</summary>
[Collection(RenderedEnvironments.Collection)]
[Trait(Tier.Name, Tier.Offline)]
public class MonitoringCrdTests(RenderedEnvironments fixture)
{
    private const string Crds = "prometheus-operator-crds";

    [Theory]
    [InlineData("k3d")]
    [InlineData("k3s")]
    public void The_monitoring_CRDs_are_a_pinned_platform_chart_in_wave_0_and_kube_prometheus_stack_installs_none(string environment)
    {
        var crds = Applications.Named(fixture, environment, Crds);
        crds.Find("spec.project").Should().BeOfType<YamlScalar>().Which.Value.Should().Be("platform");
        Applications.Wave(crds).Should().Be(0);
        var chart = Applications.Chart(crds)!;
        chart.GetString("repoURL").Should().Be("https://prometheus-community.github.io/helm-charts");
        chart.GetString("targetRevision").Should().MatchRegex(@"^\d+\.\d+\.\d+$");
        var platform = fixture.Objects(environment).Single(o => o.Kind == "AppProject" && o.Name == "platform");
        Applications.Strings(platform.Find("spec.sourceRepos")).Should().Contain(chart.GetString("repoURL")!);

        var stack = Applications.Named(fixture, environment, "kube-prometheus-stack");
        Applications.Requires(stack).Should().Contain(Crds);
        Values(stack).Find("crds.enabled").Should().BeOfType<YamlScalar>().Which.AsBool().Should().BeFalse("the CRDs have one owner");
    }

    [Theory]
    [InlineData("cert-manager", "prometheus.servicemonitor.enabled")]
    [InlineData("sealed-secrets", "metrics.serviceMonitor.enabled")]
    [InlineData("velero", "metrics.serviceMonitor.enabled")]
    public void The_platform_charts_ship_ServiceMonitors_after_their_CRD(string name, string enabledPath)
    {
        foreach (var environment in new[] { "k3d", "k3s" })
        {
            var application = Applications.Named(fixture, environment, name);

            Values(application).Find(enabledPath).Should().BeOfType<YamlScalar>().Which.AsBool().Should().BeTrue($"{name} is scraped through a ServiceMonitor");
            Applications.Requires(application).Should().Contain(Crds);
            Applications.Wave(application).Should().BeGreaterThan(Applications.Wave(Applications.Named(fixture, environment, Crds)));
        }
    }

    private YamlMap Values(Manifests.Objects.KubeObject application) =>
        ValuesFiles.Load([.. Applications.ValueFiles(application).Select(f => System.IO.Path.Combine(fixture.Root, f))]);
}
