using HomeLab.Manifests.Rendering;
using HomeLab.Manifests.Yaml;

namespace HomeLab.Manifests.Tests.Rendering;

/// <summary>
/// A kustomize patch whose <c>target</c> selects by labels: the fields it sets are traced to the patch only on the
/// objects kustomize really patched, whatever form the selector takes. Rendered with the real kubectl.
/// </summary>
public sealed class PatchTargetSelectorTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("homelab-patch-target-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static string Deployment(string name, string tier, bool gpu) => $"""
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: {name}
          labels:
            tier: {tier}{(gpu ? "\n    gpu: \"true\"" : string.Empty)}
        spec:
          replicas: 1
          selector:
            matchLabels:
              app: {name}
          template:
            metadata:
              labels:
                app: {name}
            spec:
              containers:
              - name: {name}
                image: nginx:1.27.3
        """;

    [SkippableTheory]
    [InlineData("tier in (web,cache)", "web")]
    [InlineData("tier notin (web,cache)", "db")]
    [InlineData("gpu", "db")]
    [InlineData("!gpu", "web")]
    [InlineData("tier!=db", "web")]
    public async Task A_patch_targeted_by_a_label_selector_is_traced_only_on_the_objects_it_selects(string selector, string patched)
    {
        File.WriteAllText(Path.Combine(_root, "web.yaml"), Deployment("web", "web", gpu: false));
        File.WriteAllText(Path.Combine(_root, "db.yaml"), Deployment("db", "db", gpu: true));
        var kustomization = Path.Combine(_root, "kustomization.yaml");
        File.WriteAllText(kustomization, $"""
            resources:
            - web.yaml
            - db.yaml
            patches:
            - target:
                kind: Deployment
                labelSelector: "{selector}"
              patch: |-
                - op: replace
                  path: /spec/replicas
                  value: 5
            """);

        var rendered = await new KustomizeRenderer(RenderingFixture.Kubectl()).RenderAsync(_root);

        foreach (var deployment in rendered.Objects.Where(o => o.Kind == "Deployment"))
        {
            var replicas = deployment.Field("spec.replicas");
            var isPatched = deployment.Name == patched;
            ((YamlScalar)replicas).Value.Should().Be(isPatched ? "5" : "1", $"kustomize {(isPatched ? "patches" : "leaves")} {deployment.Name} for '{selector}'");
            replicas.Span.File.Should().Be(isPatched ? kustomization : Path.Combine(_root, $"{deployment.Name}.yaml"), $"the replicas of {deployment.Name} come from there");
        }
    }
}
