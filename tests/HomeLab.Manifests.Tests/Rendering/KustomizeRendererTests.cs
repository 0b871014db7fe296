using HomeLab.Manifests.Objects;
using HomeLab.Manifests.Rendering;
using HomeLab.Manifests.Yaml;

namespace HomeLab.Manifests.Tests.Rendering;

public sealed class KustomizeRendererTests
{
    private static readonly string Base = RenderingFixture.Path_("kustomize", "base");
    private static readonly string Overlay = RenderingFixture.Path_("kustomize", "overlay");

    private static async Task<RenderedSource> RenderOverlayAsync() =>
        await new KustomizeRenderer(RenderingFixture.Kubectl()).RenderAsync(Overlay);

    private static KubeObject Deployment(RenderedSource source) => source.Objects.Single(o => o.Kind == "Deployment");

    [SkippableFact]
    public async Task A_field_set_by_a_patch_file_is_reported_at_the_patch_line()
    {
        var rendered = await RenderOverlayAsync();

        var replicas = Deployment(rendered).Field("spec.replicas");
        ((YamlScalar)replicas).Value.Should().Be("3");
        replicas.Span.File.Should().Be(Path.Combine(Overlay, "replicas.yaml"));
        replicas.Span.Line.Should().Be(6);
    }

    [SkippableFact]
    public async Task A_field_no_patch_touches_is_reported_at_the_base_line()
    {
        var rendered = await RenderOverlayAsync();

        var image = Deployment(rendered).Field("spec.template.spec.containers[0].image");
        image.Span.File.Should().Be(Path.Combine(Base, "deployment.yaml"));
        image.Span.Line.Should().Be(19);
        image.Span.Column.Should().Be(18);
    }

    [SkippableFact]
    public async Task A_field_set_by_an_inline_json_patch_is_reported_at_its_value_line_in_the_kustomization()
    {
        var rendered = await RenderOverlayAsync();

        var memory = Deployment(rendered).Field("spec.template.spec.containers[0].resources.limits.memory");
        ((YamlScalar)memory).Value.Should().Be("256Mi");
        memory.Span.File.Should().Be(Path.Combine(Overlay, "kustomization.yaml"));
        memory.Span.Line.Should().Be(15);
    }

    [SkippableFact]
    public async Task A_field_added_by_an_inline_strategic_merge_patch_is_reported_at_its_line()
    {
        var rendered = await RenderOverlayAsync();

        var type = rendered.Objects.Single(o => o.Kind == "Service").Field("spec.type");
        type.Span.ToString().Should().Be($"{Path.Combine(Overlay, "kustomization.yaml")}:22:15");
    }

    [SkippableFact]
    public async Task Objects_renamed_by_name_prefix_and_namespace_still_map_to_their_base()
    {
        var rendered = await RenderOverlayAsync();

        var deployment = Deployment(rendered);
        deployment.Name.Should().Be("prod-web");
        deployment.Namespace.Should().Be("shop");
        deployment.Span.File.Should().Be(Path.Combine(Base, "deployment.yaml"));
        deployment.Field("metadata.name").Span.ToString().Should().Be($"{Path.Combine(Base, "deployment.yaml")}:4:9");
        deployment.Field("metadata.namespace").Span.ToString().Should().Be($"{Path.Combine(Overlay, "kustomization.yaml")}:3:12");
        rendered.Objects.Single(o => o.Kind == "Service").Field("spec.ports[0].port").Span.Line.Should().Be(10);
    }

    [SkippableFact]
    public async Task A_generated_config_map_points_at_its_generator_and_says_why_not_a_line_of_its_own()
    {
        var rendered = await RenderOverlayAsync();

        var configMap = rendered.Objects.Single(o => o.Kind == "ConfigMap");
        configMap.Name.Should().StartWith("prod-web-settings-");
        configMap.Field("data.LOG_LEVEL").Span.ToString().Should().Be($"{Path.Combine(Overlay, "kustomization.yaml")}:26:9");
        rendered.Notes.Should().Contain(n => n.Object.Kind == "ConfigMap" && n.Reason.Contains("configMapGenerator"));
    }

    [SkippableFact]
    public async Task A_kustomization_kubectl_cannot_build_is_an_error_at_its_first_line_with_kubectls_message()
    {
        using var temp = RenderingFixture.Temp();
        await File.WriteAllTextAsync(Path.Combine(temp.Path, "kustomization.yaml"), "resources:\n  - missing.yaml\n");

        var rendered = await new KustomizeRenderer(RenderingFixture.Kubectl()).RenderAsync(temp.Path);

        rendered.Objects.Should().BeEmpty();
        var finding = rendered.Findings.Should().ContainSingle().Subject;
        finding.RuleId.Should().Be(RenderRuleIds.ToolFailed);
        finding.Span!.Value.Should().Be(SourceSpan.At(Path.Combine(temp.Path, "kustomization.yaml"), 1, 1));
        finding.Message.Should().Contain("missing.yaml");
    }

    [SkippableFact]
    public async Task Fields_set_by_labels_images_replicas_and_a_json_patch_file_point_at_those_settings()
    {
        var transforms = RenderingFixture.Path_("kustomize", "transforms");
        var kustomization = Path.Combine(transforms, "kustomization.yaml");

        var rendered = await new KustomizeRenderer(RenderingFixture.Kubectl()).RenderAsync(transforms);

        var deployment = Deployment(rendered);
        deployment.Field("metadata.labels.tier").Span.ToString().Should().Be($"{kustomization}:4:9");
        deployment.Field("spec.selector.matchLabels.tier").Span.Line.Should().Be(4);
        deployment.Field("spec.template.metadata.labels.tier").Span.Line.Should().Be(4);
        ((YamlScalar)deployment.Field("spec.template.spec.containers[0].image")).Value.Should().Be("nginx:1.28");
        deployment.Field("spec.template.spec.containers[0].image").Span.ToString().Should().Be($"{kustomization}:7:13");
        deployment.Field("spec.replicas").Span.ToString().Should().Be($"{kustomization}:10:12");
        deployment.Field("spec.template.spec.containers[0].readinessProbe.httpGet.path").Span.ToString()
            .Should().Be($"{Path.Combine(transforms, "probe.yaml")}:5:13");
        deployment.Field("spec.template.spec.containers[0].name").Span.File.Should().Be(Path.Combine(Base, "deployment.yaml"));
        rendered.Findings.Should().Contain(f => f.RuleId == RenderRuleIds.ToolWarning && f.Message.StartsWith("Warning: 'commonLabels' is deprecated"));
    }
}
