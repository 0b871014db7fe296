using HomeLab.Manifests.Lint;

namespace HomeLab.Manifests.Tests.Lint;

public class ResourceBudgetFileTests
{
    [Fact]
    public void Budgets_read_their_selection_and_caps_in_base_units()
    {
        var file = ResourceBudgetFile.Parse(
            "budgets:\n  observability:\n    select: { namespaces: [monitoring], applications: [loki], labels: { tier: obs } }\n    limits: { memory: 1.5Gi, cpu: \"2\" }\n    requests: { cpu: 500m }\n",
            "budgets.yaml");

        file.Findings.Should().BeEmpty();
        var budget = file.Budgets.Should().ContainSingle().Subject;
        budget.Namespaces.Should().Equal("monitoring");
        budget.Applications.Should().Equal("loki");
        budget.Labels.Should().Contain("tier", "obs");
        budget.Ceilings.Select(c => (c.Measure, c.Value)).Should().Equal(
            (BudgetMeasure.MemoryLimits, 1.5m * 1024 * 1024 * 1024),
            (BudgetMeasure.CpuLimits, 2m),
            (BudgetMeasure.CpuRequests, 0.5m));
        budget.Ceilings[0].Span.Line.Should().Be(4);
    }

    [Fact]
    public void Mistakes_in_the_budgets_file_are_errors_at_their_line_and_drop_the_budget()
    {
        var file = ResourceBudgetFile.Parse(
            "budgets:\n  grafana:\n    select: { labels: { app: grafana } }\n    limits: { memory: lots }\n  empty:\n    limits: { memory: 1Gi }\n",
            "budgets.yaml");

        file.Budgets.Should().BeEmpty();
        file.Findings.Select(f => (f.RuleId, f.Span!.Value.Line)).Should().Equal((LintRuleIds.Budgets, 4), (LintRuleIds.Budgets, 5));
        file.Findings[0].Message.Should().Contain("'lots' is not a quantity");
    }
}
