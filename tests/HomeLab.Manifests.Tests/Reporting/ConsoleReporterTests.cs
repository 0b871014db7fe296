using HomeLab.Manifests.Findings;
using HomeLab.Manifests.Lint;
using HomeLab.Manifests.Reporting;

namespace HomeLab.Manifests.Tests.Reporting;

public class ConsoleReporterTests
{
    [Fact]
    public void Console_output_shows_the_source_line_with_a_caret_under_the_column()
    {
        using var repository = new ReportTestRepository();
        using var writer = new StringWriter();

        new ConsoleReporter(repository.Root).Write(repository.Findings, writer);

        var lines = writer.ToString().Split('\n');
        lines[0].Should().Be("manifests/web.yaml");
        var at = Array.FindIndex(lines, l => l.Contains(LintRuleIds.ImageTag, StringComparison.Ordinal));
        lines[at].Should().StartWith("  30:18 error homelab/image-tag: image 'nginx' has no tag").And.EndWith("[apps/Deployment apps/web]");
        lines[at + 1].Should().Be("    30 |           image: nginx");
        lines[at + 2].Should().Be("       |                  ^^^^^");
        lines[at + 3].Should().Contain("= pin a version tag");
        lines.Where(l => l.Length > 0).Last().Should().Be("1 error, 1 warning, 0 info");
    }

    [Fact]
    public void A_finding_on_a_chart_object_names_the_chart_template_beside_the_applications_line()
    {
        var span = new HomeLab.Manifests.Yaml.SourceSpan("/repo/apps/loki/application.yaml", 14, 12, 14, 16) { Template = "chart loki 6.45.1, templates/single-binary/statefulset.yaml" };
        var finding = new Finding(LintRuleIds.Probes, Severity.Warning, "no liveness probe") { Span = span };
        using var writer = new StringWriter();

        new ConsoleReporter("/repo") { ShowSource = false }.Write([finding], writer);

        writer.ToString().Split('\n').Should().Contain("  14:12 (chart loki 6.45.1, templates/single-binary/statefulset.yaml) warning homelab/probes: no liveness probe");
        finding.ToString().Should().StartWith("/repo/apps/loki/application.yaml:14:12 (chart loki 6.45.1, templates/single-binary/statefulset.yaml): warning");
    }

    [Fact]
    public void Findings_outside_files_are_listed_last_without_source()
    {
        var findings = new[]
        {
            new Finding(LintRuleIds.MeshStrictMtls, Severity.Error, "no mesh-wide PeerAuthentication"),
            new Finding(LintRuleIds.Probes, Severity.Warning, "no probe") { Span = new HomeLab.Manifests.Yaml.SourceSpan("kustomize build apps/", 3, 5, 3, 9) },
        };
        using var writer = new StringWriter();

        new ConsoleReporter(Path.GetTempPath()).Write(findings, writer);

        writer.ToString().Split('\n').Where(l => l.Length > 0).Should().Equal(
            "kustomize build apps/",
            "  3:5 warning homelab/probes: no probe",
            "(not in a file)",
            "  error homelab/mesh-strict-mtls: no mesh-wide PeerAuthentication",
            "1 error, 1 warning, 0 info");
    }
}
