using HomeLab.Manifests.Rendering;
using HomeLab.Manifests.Yaml;

namespace HomeLab.Manifests.Tests.Rendering;

public sealed class HelmChartRendererTests
{
    private static readonly string Chart = RenderingFixture.Path_("repo", "charts", "web");

    private static Task<RenderedSource> RenderAsync(HelmChartRequest? request = null) =>
        new HelmChartRenderer(RenderingFixture.Helm()).RenderAsync(request ?? new HelmChartRequest(Chart, "site") { Namespace = "web" });

    [SkippableFact]
    public async Task An_object_maps_to_the_template_helm_named_and_a_field_to_its_key_line()
    {
        var rendered = await RenderAsync();

        var deployment = rendered.Objects.Single(o => o.Kind == "Deployment");
        var template = Path.Combine(Chart, "templates", "deployment.yaml");
        deployment.Span.ToString().Should().Be($"{template}:1:1");
        deployment.Field("spec.template.spec.containers[0].image").Span.ToString().Should().Be($"{template}:19:11");
        deployment.Field("metadata.name").Span.ToString().Should().Be($"{template}:4:3");
        rendered.Objects.Single(o => o.Kind == "Service").Field("spec.ports[0].name").Span.ToString()
            .Should().Be($"{Path.Combine(Chart, "templates", "service.yaml")}:9:7");
    }

    [SkippableFact]
    public async Task A_value_used_verbatim_maps_to_its_line_in_values_yaml()
    {
        var rendered = await RenderAsync();

        var deployment = rendered.Objects.Single(o => o.Kind == "Deployment");
        var values = Path.Combine(Chart, "values.yaml");
        deployment.Field("spec.replicas").Span.ToString().Should().Be($"{values}:1:15");
        deployment.Field("spec.template.spec.containers[0].resources.limits.memory").Span.ToString().Should().Be($"{values}:9:13");
    }

    [SkippableFact]
    public async Task A_value_from_an_override_file_maps_to_the_override_line()
    {
        var overrides = Path.Combine(Chart, "values-k3s.yaml");

        var rendered = await RenderAsync(new HelmChartRequest(Chart, "site") { ValueFiles = [overrides] });

        var port = rendered.Objects.Single(o => o.Kind == "Deployment").Field("spec.template.spec.containers[0].ports[0].containerPort");
        ((YamlScalar)port).Value.Should().Be("9090");
        port.Span.ToString().Should().Be($"{overrides}:2:9");
    }

    [SkippableFact]
    public async Task A_value_helm_builds_from_several_values_points_at_the_template_line()
    {
        var rendered = await RenderAsync();

        var image = rendered.Objects.Single(o => o.Kind == "Deployment").Field("spec.template.spec.containers[0].image");
        ((YamlScalar)image).Value.Should().Be("nginx:1.27");
        image.Span.File.Should().EndWith(Path.Combine("templates", "deployment.yaml"));
    }

    [SkippableFact]
    public async Task A_chart_helm_cannot_render_is_an_error_at_its_chart_yaml_with_helms_message()
    {
        using var temp = RenderingFixture.Temp();
        Directory.CreateDirectory(Path.Combine(temp.Path, "templates"));
        await File.WriteAllTextAsync(Path.Combine(temp.Path, "Chart.yaml"), "apiVersion: v2\nname: broken\nversion: 0.1.0\n");
        await File.WriteAllTextAsync(Path.Combine(temp.Path, "templates", "cm.yaml"), "kind: ConfigMap\nname: {{ .Values.missing.deeper }}\n");

        var rendered = await RenderAsync(new HelmChartRequest(temp.Path, "broken"));

        var finding = rendered.Findings.Should().ContainSingle().Subject;
        finding.RuleId.Should().Be(RenderRuleIds.ToolFailed);
        finding.Span!.Value.Should().Be(SourceSpan.At(Path.Combine(temp.Path, "Chart.yaml"), 1, 1));
        finding.Message.Should().Contain("cm.yaml");
    }
}
