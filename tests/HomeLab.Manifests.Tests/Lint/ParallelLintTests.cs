using HomeLab.Manifests.Findings;
using HomeLab.Manifests.Lint;
using HomeLab.Manifests.Objects;

namespace HomeLab.Manifests.Tests.Lint;

public class ParallelLintTests
{
    // Enough objects for the rules to run at once, each namespace broken in its own way.
    private static ManifestSet LargeSet()
    {
        var documents = Enumerable.Range(0, 60).Select(i =>
        {
            var yaml = LintTestSet.Baseline.Replace("namespace: apps", $"namespace: apps{i}", StringComparison.Ordinal).Replace("name: apps\n", $"name: apps{i}\n", StringComparison.Ordinal);
            return (i % 5) switch
            {
                0 => yaml.Replace("image: nginx:1.27", "image: nginx", StringComparison.Ordinal),
                1 => yaml.Replace("selector: { app: web }", "selector: { app: api }", StringComparison.Ordinal),
                2 => yaml.Replace("readOnlyRootFilesystem: true", "privileged: true", StringComparison.Ordinal),
                3 => yaml.Replace("requests: { cpu: 100m, memory: 64Mi }", "requests: { cpu: -1, memory: 100m }", StringComparison.Ordinal).Replace("istio-injection: enabled", "team: a", StringComparison.Ordinal),
                _ => yaml.Replace("          livenessProbe: { httpGet: { path: /, port: http } }\n", string.Empty, StringComparison.Ordinal),
            };
        });
        var set = ManifestSet.Parse(string.Join("\n---\n", documents) + "\n", "large.yaml");
        set.Findings.Should().BeEmpty("the test YAML must load cleanly");
        set.Objects.Should().HaveCountGreaterThan(128, "so that the rules run in parallel");
        return set;
    }

    private static IEnumerable<string> Described(IEnumerable<Finding> findings) =>
        findings.Select(f => $"{f} | {f.Object} | {f.FieldPath}");

    [Fact]
    public void Rules_run_at_once_give_the_findings_and_order_of_the_rules_run_one_by_one()
    {
        var set = LargeSet();

        var together = Linter.Default.Lint(set);
        var oneByOne = LintRules.All.SelectMany(rule => Linter.Default.WithRules([rule]).Lint(set))
            .OrderBy(f => f.Span!.Value.File, StringComparer.Ordinal).ThenBy(f => f.Span!.Value.Line).ThenBy(f => f.Span!.Value.Column)
            .ThenBy(f => f.RuleId, StringComparer.Ordinal).ThenBy(f => f.Message, StringComparer.Ordinal);

        together.Select(f => f.RuleId).Distinct().Should().HaveCountGreaterThan(5, "many rules find something");
        Described(together).Should().Equal(Described(oneByOne));
        Described(Linter.Default.Lint(set)).Should().Equal(Described(together), "a second run gives the same order");
    }

    [Fact]
    public void A_rule_that_fails_on_a_large_set_fails_the_run_with_its_own_exception()
    {
        var set = LargeSet();
        var linter = Linter.Default.WithRules([LintRules.All[0], new FailingRule("test/first"), new FailingRule("test/second")]);

        var act = () => linter.Lint(set);

        act.Should().Throw<InvalidOperationException>().WithMessage("test/first cannot check this set", "the first failing rule in rule order, not an AggregateException");
    }

    private sealed class FailingRule(string id) : LintRule(id, Severity.Error, "a rule with a bug, for the test")
    {
        public override void Check(LintContext context) => throw new InvalidOperationException($"{Id} cannot check this set");
    }
}
