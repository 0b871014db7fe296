using HomeLab.Manifests.Environments;
using HomeLab.Manifests.Objects;
using HomeLab.Manifests.Rendering;
using HomeLab.Manifests.Yaml;

namespace HomeLab.Manifests.Tests.Rendering;

public sealed class DestinationNamespaceTests
{
    private static readonly string Repo = RenderingFixture.Path_("repo");

    [SkippableFact]
    public async Task Written_helm_output_carries_the_applications_destination_namespace()
    {
        using var temp = RenderingFixture.Temp();
        var set = await new EnvironmentRenderer(RenderingFixture.Kubectl(), RenderingFixture.Helm()).RenderAsync(
            EnvironmentCatalog.Discover(Repo).Find("k3d")!,
            new RenderOptions(Repo) { OutputDirectory = Path.Combine(temp.Path, "rendered"), ChartCacheDirectory = Path.Combine(temp.Path, "charts") });

        var written = ManifestSet.Load([set.Sources.Single(s => s.Name == "app-web").OutputFile!]);

        written.Objects.Select(o => (o.Kind, o.Namespace)).Should().BeEquivalentTo([("Deployment", "web"), ("Service", "web")]);
        (await File.ReadAllTextAsync(set.Sources.Single(s => s.Name == "app-web").OutputFile!)).Should().Contain("# Source: web/templates/deployment.yaml", "the tool's text is kept, comments included");
    }

    [SkippableFact]
    public async Task Cluster_scoped_kinds_get_no_namespace_built_in_or_by_their_crds_scope()
    {
        using var temp = RenderingFixture.Temp();
        var repo = WidgetRepository(temp.Path);

        var set = await new EnvironmentRenderer(RenderingFixture.Kubectl(), RenderingFixture.Helm()).RenderAsync(
            EnvironmentCatalog.Discover(repo).Find("k3d")!,
            new RenderOptions(repo) { OutputDirectory = Path.Combine(temp.Path, "rendered"), ChartCacheDirectory = Path.Combine(temp.Path, "charts") });

        var expected = new (string?, string?, string?)[]
        {
            ("CustomResourceDefinition", "widgets.example.com", null),
            ("CustomResourceDefinition", "gadgets.example.com", null),
            ("Widget", "round", null),
            ("Gadget", "small", "shop"),
            ("ConfigMap", "plain", "shop"),
            ("ConfigMap", "flow", "shop"),
            ("ConfigMap", "elsewhere", "other"),
            ("Namespace", "shop", null),
        };
        var source = set.Sources.Single(s => s.Application == "widgets");
        source.Objects.Select(o => (o.Kind, o.Name, o.Namespace)).Should().BeEquivalentTo(expected);
        ManifestSet.Load([source.OutputFile!]).Objects.Select(o => (o.Kind, o.Name, o.Namespace)).Should().BeEquivalentTo(expected, "the written file says the same");
        source.Objects.Single(o => o.Name == "plain").Field("metadata.namespace").Span.File.Should().EndWith("apps.yaml", "the field points at the destination");
    }

    [Fact]
    public void A_crd_in_the_set_decides_its_kinds_scope_and_unknown_kinds_go_by_name()
    {
        var crd = new KubeObject(YamlMap.Of(
            ("apiVersion", "apiextensions.k8s.io/v1"),
            ("kind", "CustomResourceDefinition"),
            ("spec", YamlMap.Of(("group", "example.com"), ("scope", "Cluster"), ("names", YamlMap.Of(("kind", "Widget")))))));
        var kinds = ClusterScopedKinds.Of([crd]);

        kinds.Contains("Widget", "example.com").Should().BeTrue();
        kinds.Contains("Widget", "other.example.com").Should().BeFalse();
        kinds.Contains("Namespace", string.Empty).Should().BeTrue();
        kinds.Contains("ClusterSecretStore", "external-secrets.io").Should().BeTrue();
        kinds.Contains("Deployment", "apps").Should().BeFalse();
    }

    private static string WidgetRepository(string root)
    {
        var repo = Path.Combine(root, "repo");
        Write(repo, "clusters/k3d/environment.yaml", """
            kubernetesVersion: v1.32.4
            nodes:
              - name: server-0
                roles: [server]
            render:
              kustomizations: [.]
              repositoryUrls: [https://github.com/example/homelab.git]
            """);
        Write(repo, "clusters/k3d/kustomization.yaml", "resources:\n  - apps.yaml\n");
        Write(repo, "clusters/k3d/apps.yaml", """
            apiVersion: argoproj.io/v1alpha1
            kind: Application
            metadata:
              name: widgets
              namespace: argocd
            spec:
              project: default
              destination:
                namespace: shop
                server: https://kubernetes.default.svc
              source:
                repoURL: https://github.com/example/homelab
                targetRevision: main
                path: manifests/widgets
            """);
        Write(repo, "manifests/widgets/crds.yaml", """
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata:
              name: widgets.example.com
            spec:
              group: example.com
              scope: Cluster
              names: { kind: Widget, plural: widgets, singular: widget, listKind: WidgetList }
              versions:
                - name: v1
                  served: true
                  storage: true
                  schema: { openAPIV3Schema: { type: object, x-kubernetes-preserve-unknown-fields: true } }
            ---
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata:
              name: gadgets.example.com
            spec:
              group: example.com
              scope: Namespaced
              names: { kind: Gadget, plural: gadgets, singular: gadget, listKind: GadgetList }
              versions:
                - name: v1
                  served: true
                  storage: true
                  schema: { openAPIV3Schema: { type: object, x-kubernetes-preserve-unknown-fields: true } }
            """);
        Write(repo, "manifests/widgets/objects.yaml", """
            apiVersion: example.com/v1
            kind: Widget
            metadata:
              name: round
            ---
            apiVersion: example.com/v1
            kind: Gadget
            metadata:
              name: small
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: plain
            data: { a: "1" }
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: { name: flow }
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: elsewhere
              namespace: other
            ---
            apiVersion: v1
            kind: Namespace
            metadata:
              name: shop
            """);
        return repo;
    }

    private static void Write(string root, string relative, string text)
    {
        var path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text + "\n");
    }
}
