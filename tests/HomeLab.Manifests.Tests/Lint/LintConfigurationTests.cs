using HomeLab.Manifests.Findings;
using HomeLab.Manifests.Lint;

namespace HomeLab.Manifests.Tests.Lint;

public class LintConfigurationTests
{
    [Fact]
    public void The_configuration_file_changes_severities_and_turns_rules_off()
    {
        var configuration = LintConfiguration.Load(LintFixture.Of("lint.yaml"));
        var yaml = LintTestSet.Baseline
            .Replace("livenessProbe: { httpGet: { path: /, port: http } }", string.Empty, StringComparison.Ordinal)
            .Replace("readOnlyRootFilesystem: true", "readOnlyRootFilesystem: false", StringComparison.Ordinal);

        var findings = LintTestSet.Lint(yaml, configuration: configuration).Where(f => !f.RuleId.StartsWith("lint/", StringComparison.Ordinal)).ToList();

        findings.Should().ContainSingle().Which.Should().Match<Finding>(f => f.RuleId == LintRuleIds.Probes && f.Severity == Severity.Error);
        configuration.AllowPrivileged.Should().Equal("kube-system/*");
        configuration.AllowHostNamespaces.Should().Equal("monitoring/node-exporter");
        configuration.IstioRootNamespace.Should().Be("mesh-root");
    }

    [Fact]
    public void Unknown_rule_ids_and_bad_severities_are_errors_at_their_line()
    {
        var configuration = LintConfiguration.Load(LintFixture.Of("lint.yaml"));

        configuration.Findings.Select(f => (f.RuleId, f.Severity, f.Span!.Value.Line, f.Span!.Value.Column)).Should().Equal(
            (LintRuleIds.Configuration, Severity.Error, 5, 3),
            (LintRuleIds.Configuration, Severity.Error, 6, 22));
        configuration.Findings[0].Message.Should().Contain("homelab/no-such-rule");
        configuration.Findings[0].Span!.Value.File.Should().EndWith("lint.yaml");
        configuration.Findings[1].Hint.Should().Contain("error, warning, info or off");
        configuration.SeverityOf(LintRules.Find(LintRuleIds.ImageTag)!).Should().Be(Severity.Error, "a bad severity leaves the default");
    }

    [Fact]
    public void Configuration_mistakes_come_out_of_the_linter_first()
    {
        var configuration = LintConfiguration.Parse("rules:\n  homelab/probs: off\nextra: 1\n", ".homelab/lint.yaml");

        var findings = LintTestSet.Lint(LintTestSet.Baseline, configuration: configuration);

        findings.Select(f => f.Span!.Value.Line).Should().Equal(2, 3);
        findings[0].Hint.Should().Contain("homelab/probes");
    }

    [Fact]
    public void Every_rule_has_a_unique_id_and_a_rationale()
    {
        LintRules.All.Select(r => r.Id).Should().OnlyHaveUniqueItems().And.OnlyContain(id => id.StartsWith("homelab/", StringComparison.Ordinal));
        LintRules.All.Should().OnlyContain(r => r.Rationale.Length > 20 && !r.Rationale.Contains('\n', StringComparison.Ordinal));
    }
}
