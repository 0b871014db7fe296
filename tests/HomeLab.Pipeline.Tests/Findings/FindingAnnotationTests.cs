using HomeLab.Manifests.Findings;
using HomeLab.Manifests.Yaml;
using HomeLab.Pipeline.Findings;
using HomeLab.Targets;

namespace HomeLab.Pipeline.Tests.Findings;

public sealed class FindingAnnotationTests
{
    [Fact]
    public void An_annotation_on_a_charts_object_sits_at_the_applications_line_and_names_the_template()
    {
        var span = SourceSpan.At("manifests/argocd/observability/loki.yaml", 14, 12) with { Template = "chart loki 6.45.1, templates/single-binary/statefulset.yaml" };
        var finding = new Finding("homelab/probes", Severity.Warning, "container 'loki' has no livenessProbe (k3d, k3s)") { Span = span, Hint = "add a livenessProbe" };

        var annotation = FindingAnnotation.From(finding);

        annotation.Severity.Should().Be(AnnotationSeverity.Warning);
        (annotation.File, annotation.Line).Should().Be(("manifests/argocd/observability/loki.yaml", 14));
        annotation.Message.Should().Be("container 'loki' has no livenessProbe (k3d, k3s) (chart loki 6.45.1, templates/single-binary/statefulset.yaml) Hint: add a livenessProbe");
    }
}
