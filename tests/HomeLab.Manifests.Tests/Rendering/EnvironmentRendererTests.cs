using HomeLab.Manifests.Environments;
using HomeLab.Manifests.Findings;
using HomeLab.Manifests.Rendering;
using HomeLab.Manifests.Yaml;

namespace HomeLab.Manifests.Tests.Rendering;

public sealed class EnvironmentRendererTests
{
    private static readonly string Repo = RenderingFixture.Path_("repo");

    private static EnvironmentDefinition Environment(string root, string name)
    {
        var catalog = EnvironmentCatalog.Discover(root);
        catalog.Findings.Should().BeEmpty();
        return catalog.Find(name)!;
    }

    private static async Task<RenderedSet> RenderK3dAsync(string scratch) =>
        await new EnvironmentRenderer(RenderingFixture.Kubectl(), RenderingFixture.Helm()).RenderAsync(
            Environment(Repo, "k3d"),
            new RenderOptions(Repo) { OutputDirectory = Path.Combine(scratch, "rendered"), ChartCacheDirectory = Path.Combine(scratch, "charts") });

    [SkippableFact]
    public async Task Applications_pointing_into_the_repository_are_followed_and_rendered()
    {
        using var temp = RenderingFixture.Temp();

        var set = await RenderK3dAsync(temp.Path);

        set.Findings.Where(f => f.Severity != Severity.Info).Should().BeEmpty();
        set.Sources.Select(s => (s.Name, s.Kind)).Should().Equal(
            ("kustomize-clusters-k3d", RenderSourceKind.Kustomization),
            ("app-config", RenderSourceKind.Kustomization),
            ("app-web", RenderSourceKind.HelmChart));
        var settings = set.Objects.Single(o => o.Kind == "ConfigMap");
        settings.Namespace.Should().Be("config");
        settings.Field("data.mode").Span.ToString().Should().Be($"{Path.Combine(Repo, "manifests", "config", "settings.yaml")}:6:9");
    }

    [SkippableFact]
    public async Task Helm_values_of_an_application_map_to_the_application_and_to_value_files_found_through_a_ref()
    {
        using var temp = RenderingFixture.Temp();

        var set = await RenderK3dAsync(temp.Path);

        var deployment = set.Objects.Single(o => o.Kind == "Deployment" && o.Name == "web");
        deployment.Namespace.Should().Be("web", "ArgoCD puts objects that name no namespace into the Application's destination");
        deployment.Field("metadata.namespace").Span.ToString().Should().Be($"{Path.Combine(Repo, "manifests", "argocd", "apps.yaml")}:8:16");
        deployment.Field("spec.replicas").Span.ToString().Should().Be($"{Path.Combine(Repo, "manifests", "argocd", "apps.yaml")}:18:25");
        deployment.Field("spec.template.spec.containers[0].ports[0].containerPort").Span.ToString()
            .Should().Be($"{Path.Combine(Repo, "charts", "web", "values-k3s.yaml")}:2:9");
    }

    [SkippableFact]
    public async Task An_unreachable_chart_repository_is_counted_and_reported_as_not_rendered_offline()
    {
        using var temp = RenderingFixture.Temp();

        var set = await RenderK3dAsync(temp.Path);

        set.Counts.Should().Be(new RenderCounts(Sources: 3, Objects: set.Objects.Count, NotRenderedOffline: 1, Unsupported: 0));
        var finding = set.Findings.Should().ContainSingle(f => f.RuleId == RenderRuleIds.NotRenderedOffline).Subject;
        finding.Severity.Should().Be(Severity.Info);
        finding.Message.Should().Contain("metrics-server").And.Contain("127.0.0.1:1");
        finding.Span!.Value.ToString().Should().Be($"{Path.Combine(Repo, "manifests", "argocd", "apps.yaml")}:48:12");
    }

    [SkippableFact]
    public async Task Rendered_yaml_is_written_one_file_per_source_under_the_environment_directory()
    {
        using var temp = RenderingFixture.Temp();

        var set = await RenderK3dAsync(temp.Path);

        set.OutputDirectory.Should().Be(Path.Combine(temp.Path, "rendered", "k3d"));
        Directory.GetFiles(set.OutputDirectory).Select(Path.GetFileName).Should().Equal("001-kustomize-clusters-k3d.yaml", "002-app-config.yaml", "003-app-web.yaml");
        (await File.ReadAllTextAsync(set.Sources[2].OutputFile!)).Should().Contain("# Source: web/templates/deployment.yaml");
    }

    [SkippableFact]
    public async Task A_local_chart_of_the_environment_renders_with_its_value_files()
    {
        using var temp = RenderingFixture.Temp();

        var set = await new EnvironmentRenderer(RenderingFixture.Kubectl(), RenderingFixture.Helm()).RenderAsync(
            Environment(Repo, "k3s"),
            new RenderOptions(Repo) { WriteOutput = false });

        set.Findings.Should().BeEmpty();
        var port = set.Objects.Single(o => o.Kind == "Service").Field("spec.ports[0].port");
        ((YamlScalar)port).Value.Should().Be("9090");
        port.Span.File.Should().Be(Path.Combine(Repo, "charts", "web", "values-k3s.yaml"));
    }

    [SkippableFact]
    public async Task A_remote_chart_is_downloaded_from_its_repository_into_the_cache_and_then_renders_offline()
    {
        var helm = RenderingFixture.Helm();
        using var temp = RenderingFixture.Temp();
        var root = Path.Combine(temp.Path, "repo");
        var cache = Path.Combine(temp.Path, "cache");
        RenderedSet online;
        await using (var repository = await LoopbackChartRepository.StartAsync(helm, temp.Path, "demo", "1.2.3"))
        {
            WriteRepository(root, repository.Url);
            online = await Render(root, cache, allowNetwork: true);
            repository.Requests.Should().NotBeEmpty();
        }

        online.Counts.NotRenderedOffline.Should().Be(0);
        online.Findings.Should().BeEmpty();
        var source = online.Sources.Should().ContainSingle(s => s.Kind == RenderSourceKind.RemoteChart).Subject;
        source.Objects.Should().Contain(o => o.Kind == "Deployment" && o.Name == "demo");
        // The Application's chart: line stands for the object, naming the chart's template that wrote it.
        var chartLine = source.Objects.Single(o => o.Kind == "Deployment").Field("spec.replicas").Span;
        chartLine.ToString().Should().Be($"{Path.Combine(root, "apps", "demo.yaml")}:10:12 (chart demo 1.2.3, templates/deployment.yaml)");
        chartLine.Template.Should().Be("chart demo 1.2.3, templates/deployment.yaml");
        source.Notes.Should().Contain(n => n.Reason.Contains("packaged chart"));
        Directory.GetFiles(cache, "demo-1.2.3.tgz", SearchOption.AllDirectories).Should().ContainSingle();

        // The server is gone: the cached chart still renders.
        var offline = await Render(root, cache, allowNetwork: false);
        offline.Counts.NotRenderedOffline.Should().Be(0);
        offline.Objects.Select(o => o.Ref).Should().BeEquivalentTo(online.Objects.Select(o => o.Ref));
    }

    [SkippableFact]
    public async Task A_remote_chart_that_is_not_cached_is_not_rendered_when_the_network_is_not_allowed()
    {
        using var temp = RenderingFixture.Temp();
        var root = Path.Combine(temp.Path, "repo");
        WriteRepository(root, "http://127.0.0.1:1/");

        var set = await Render(root, Path.Combine(temp.Path, "cache"), allowNetwork: false);

        set.Counts.NotRenderedOffline.Should().Be(1);
        set.Findings.Should().ContainSingle().Which.Message.Should().Contain("not in the cache");
    }

    internal static async Task<RenderedSet> Render(string root, string cache, bool allowNetwork, IReadOnlyDictionary<string, string>? mirrors = null, bool pullOnly = false) =>
        await new EnvironmentRenderer(RenderingFixture.Kubectl(), RenderingFixture.Helm()).RenderAsync(
            Environment(root, "lab"),
            new RenderOptions(root) { ChartCacheDirectory = cache, AllowNetwork = allowNetwork, WriteOutput = false, ChartMirrors = mirrors ?? new Dictionary<string, string>(), PullChartsOnly = pullOnly });

    internal static void WriteRepository(string root, string chartRepository, string version = "1.2.3")
    {
        Directory.CreateDirectory(Path.Combine(root, "clusters", "lab"));
        Directory.CreateDirectory(Path.Combine(root, "apps"));
        File.WriteAllText(Path.Combine(root, "clusters", "lab", "environment.yaml"), "render:\n  applications: [../../apps]\n");
        File.WriteAllText(Path.Combine(root, "apps", "demo.yaml"), $"""
            apiVersion: argoproj.io/v1alpha1
            kind: Application
            metadata:
              name: demo
            spec:
              destination:
                namespace: demo
              source:
                repoURL: {chartRepository}
                chart: demo
                targetRevision: {version}
            """);
    }
}
