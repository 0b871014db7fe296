using HomeLab.Manifests.Lint;

namespace HomeLab.Manifests.Tests.Lint;

public class IgnoreAnnotationTests
{
    private static string WithIgnore(string value) =>
        LintTestSet.Baseline
            .Replace("  name: web\n  namespace: apps\n", $"  name: web\n  namespace: apps\n  annotations:\n    lint.homelab.dev/ignore: {value}\n", StringComparison.Ordinal)
            .Replace("livenessProbe: { httpGet: { path: /, port: http } }", string.Empty, StringComparison.Ordinal)
            .Replace("readOnlyRootFilesystem: true", "readOnlyRootFilesystem: false", StringComparison.Ordinal);

    [Fact]
    public void An_ignore_with_a_reason_silences_its_rule_on_that_object_only()
    {
        var findings = LintTestSet.Lint(WithIgnore("\"homelab/probes: the app has no health endpoint yet\""));

        findings.Select(f => f.RuleId).Should().Equal(LintRuleIds.ReadOnlyRoot);
    }

    [Fact]
    public void Several_ignores_split_on_semicolons_and_new_lines()
    {
        var semicolons = LintTestSet.Lint(WithIgnore("\"homelab/probes: no endpoint; homelab/read-only-root: writes its cache to /\""));
        var lines = LintTestSet.Lint(WithIgnore("|\n      homelab/probes: no endpoint\n      homelab/read-only-root: writes its cache to /"));

        semicolons.Should().BeEmpty();
        lines.Should().BeEmpty();
    }

    [Fact]
    public void An_ignore_without_a_reason_is_an_error_and_silences_nothing()
    {
        var findings = LintTestSet.Lint(WithIgnore("\"homelab/probes; homelab/read-only-root:   \""));

        findings.Select(f => f.RuleId).Should().BeEquivalentTo([LintRuleIds.Probes, LintRuleIds.ReadOnlyRoot, LintRuleIds.IgnoreAnnotation, LintRuleIds.IgnoreAnnotation]);
        var mistake = findings.First(f => f.RuleId == LintRuleIds.IgnoreAnnotation);
        mistake.Severity.Should().Be(Findings.Severity.Error);
        mistake.Span!.Value.Line.Should().Be(19);
        mistake.FieldPath.Should().Be("metadata.annotations[\"lint.homelab.dev/ignore\"]");
    }

    [Fact]
    public void An_ignore_of_an_unknown_rule_is_an_error()
    {
        var findings = LintTestSet.Lint(WithIgnore("\"homelab/probez: typo\""), LintRuleIds.IgnoreAnnotation);

        findings.Should().ContainSingle().Which.Message.Should().Contain("homelab/probez");
    }
}
