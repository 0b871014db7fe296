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

    [Fact]
    public void A_service_is_held_against_every_pod_template_of_its_namespace_not_only_the_first()
    {
        var api = LintTestSet.Deployment.Replace("name: web\n", "name: api\n", StringComparison.Ordinal).Replace("{ app: web }", "{ app: api }", StringComparison.Ordinal);
        var yaml = LintTestSet.Join(LintTestSet.Namespace, LintTestSet.Deployment, api, LintTestSet.Service.Replace("{ app: web }", "{ app: api }", StringComparison.Ordinal));

        LintTestSet.Lint(yaml, LintRuleIds.ServiceSelector).Should().BeEmpty("the second Deployment's pods carry app: api");
    }

    [Fact]
    public void Every_service_that_selects_nothing_has_its_own_finding_at_its_own_selector()
    {
        var services = Enumerable.Range(0, 3).Select(i => LintTestSet.Service.Replace("name: web,", $"name: lost{i},", StringComparison.Ordinal).Replace("{ app: web }", $"{{ app: gone{i} }}", StringComparison.Ordinal));
        var yaml = LintTestSet.Join([LintTestSet.Namespace, LintTestSet.Deployment, .. services]);

        var findings = LintTestSet.Lint(yaml, LintRuleIds.ServiceSelector);

        findings.Select(f => f.Object!.Name).Should().Equal("lost0", "lost1", "lost2");
        findings.Should().OnlyContain(f => f.FieldPath == "spec.selector");
        findings.Select(f => f.Span!.Value.Line).Should().OnlyHaveUniqueItems();
    }
}
