using HomeLab.Manifests.Rendering;
using HomeLab.Manifests.Yaml;

namespace HomeLab.Manifests.Tests.Rendering;

/// <summary>Charts render as ArgoCD renders them: the environment's Kubernetes version, the CRDs of the set as APIs,
/// skipCrds.</summary>
public sealed class ArgoCdRenderingTests : IDisposable
{
    private readonly string _chart = Directory.CreateTempSubdirectory("homelab-capabilities-").FullName;

    public ArgoCdRenderingTests()
    {
        File.WriteAllText(Path.Combine(_chart, "Chart.yaml"), "apiVersion: v2\nname: capabilities\nversion: 1.0.0\n");
        Directory.CreateDirectory(Path.Combine(_chart, "templates"));
        Directory.CreateDirectory(Path.Combine(_chart, "crds"));
        File.WriteAllText(Path.Combine(_chart, "templates", "configmap.yaml"), """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: seen
            data:
              kubeVersion: {{ .Capabilities.KubeVersion.Version | quote }}
              monitoring: {{ .Capabilities.APIVersions.Has "monitoring.coreos.com/v1" | quote }}
            """);
        File.WriteAllText(Path.Combine(_chart, "crds", "thing.yaml"), """
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata: { name: things.example.test }
            spec:
              group: example.test
              names: { kind: Thing, plural: things }
              scope: Namespaced
              versions: [{ name: v1, served: true, storage: true, schema: { openAPIV3Schema: { type: object } } }]
            """);
    }

    [SkippableFact]
    public async Task A_chart_sees_the_environments_kubernetes_version_and_the_apis_of_the_set()
    {
        var request = new HelmChartRequest(_chart, "seen") { KubeVersion = "v1.32.4", ApiVersions = ["monitoring.coreos.com/v1", "monitoring.coreos.com/v1/ServiceMonitor"] };

        var rendered = await new HelmChartRenderer(RenderingFixture.Helm()).RenderAsync(request);

        var data = rendered.Objects.Single(o => o.Kind == "ConfigMap").Root.GetMap("data")!;
        data.GetString("kubeVersion").Should().Be("v1.32.4");
        data.GetString("monitoring").Should().Be("true");
    }

    [SkippableFact]
    public async Task Skip_crds_leaves_the_charts_crds_out()
    {
        var helm = new HelmChartRenderer(RenderingFixture.Helm());

        var with = await helm.RenderAsync(new HelmChartRequest(_chart, "seen"));
        var without = await helm.RenderAsync(new HelmChartRequest(_chart, "seen") { SkipCrds = true });

        with.Objects.Should().Contain(o => o.Kind == "CustomResourceDefinition");
        without.Objects.Should().NotContain(o => o.Kind == "CustomResourceDefinition");
        without.Objects.Single().Root.Find("data.monitoring").Should().BeOfType<YamlScalar>().Which.Value.Should().Be("false");
    }

    [Fact]
    public void The_apis_of_a_set_are_each_served_version_of_its_crds_with_and_without_the_kind()
    {
        var crd = """
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata: { name: things.example.test }
            spec:
              group: example.test
              names: { kind: Thing, plural: things }
              versions: [{ name: v1, served: true }, { name: v1beta1, served: false }]
            """;
        var objects = HomeLab.Manifests.Objects.ManifestSet.Parse(crd, "crd.yaml").Objects;

        var apis = EnvironmentRenderer.CustomResourceApis([new RenderedSource("crds", RenderSourceKind.Directory, "crds", crd, objects, [], [])]);

        apis.Should().Equal("example.test/v1", "example.test/v1/Thing");
    }

    public void Dispose() => Directory.Delete(_chart, recursive: true);
}
