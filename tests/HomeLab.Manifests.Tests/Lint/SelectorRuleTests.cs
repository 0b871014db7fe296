using HomeLab.Manifests.Lint;

namespace HomeLab.Manifests.Tests.Lint;

public class SelectorRuleTests
{
    [Fact]
    public void A_selector_that_misses_the_template_labels_is_an_error_at_the_selector()
    {
        var yaml = LintTestSet.Baseline.Replace("matchLabels: { app: web }", "matchLabels: { app: website }", StringComparison.Ordinal);

        var finding = LintTestSet.Lint(yaml, LintRuleIds.SelectorMatchesTemplate).Should().ContainSingle().Subject;

        finding.FieldPath.Should().Be("spec.selector");
        finding.Span!.Value.Line.Should().Be(21);
    }

    [Fact]
    public void Match_expressions_are_evaluated()
    {
        var matching = LintTestSet.Baseline.Replace("matchLabels: { app: web }", "matchExpressions: [{ key: app, operator: In, values: [web, api] }]", StringComparison.Ordinal);
        var missing = LintTestSet.Baseline.Replace("matchLabels: { app: web }", "matchExpressions: [{ key: tier, operator: Exists }]", StringComparison.Ordinal);

        LintTestSet.Lint(matching, LintRuleIds.SelectorMatchesTemplate).Should().BeEmpty();
        LintTestSet.Lint(missing, LintRuleIds.SelectorMatchesTemplate).Should().ContainSingle();
    }

    [Fact]
    public void A_service_whose_selector_targets_no_pod_template_is_an_error()
    {
        var yaml = LintTestSet.Baseline.Replace("selector: { app: web }", "selector: { app: api }", StringComparison.Ordinal);
        var otherNamespace = LintTestSet.Baseline.Replace("metadata: { name: web, namespace: apps }", "metadata: { name: web, namespace: other }", StringComparison.Ordinal);
        var headless = LintTestSet.Baseline.Replace("selector: { app: web }", "clusterIP: None", StringComparison.Ordinal);

        LintTestSet.Lint(yaml, LintRuleIds.ServiceSelector).Should().ContainSingle().Which.FieldPath.Should().Be("spec.selector");
        LintTestSet.Lint(otherNamespace, LintRuleIds.ServiceSelector).Should().ContainSingle();
        LintTestSet.Lint(headless, LintRuleIds.ServiceSelector).Should().BeEmpty("a Service without a selector has endpoints managed by hand");
    }
}
