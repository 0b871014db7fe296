using HomeLab.Manifests.Findings;
using HomeLab.Manifests.Yaml;
using HomeLab.Pipeline.Findings;

namespace HomeLab.Pipeline.Tests.Findings;

public sealed class FindingLedgerTests
{
    private static Finding At(string rule, int line, Severity severity = Severity.Error) =>
        new(rule, severity, $"problem on line {line}") { Span = SourceSpan.At("manifests/web/deployment.yaml", line, 3) };

    [Fact]
    public void The_same_problem_from_a_second_environment_is_kept_once()
    {
        var ledger = new FindingLedger();

        var first = ledger.Record([At("schema/wrong-type", 8)], "k3d");
        var second = ledger.Record([At("schema/wrong-type", 8)], "k3s");

        first.Should().ContainSingle().Which.Message.Should().Be("problem on line 8 (k3d)");
        second.Should().BeEmpty();
        ledger.Snapshot().Should().ContainSingle().Which.Message.Should().Be("problem on line 8", "the ledger keeps the finding as found, unlabelled");
    }

    [Fact]
    public void The_same_problem_from_two_environments_at_once_is_shown_and_counted_once_naming_both()
    {
        var ledger = new FindingLedger();

        var shown = ledger.Record([(At("homelab/probes", 8), "k3d"), (At("homelab/image-tag", 9), "k3d"), (At("homelab/probes", 8), "k3s")]);

        shown.Should().HaveCount(2);
        shown[0].Message.Should().Be("problem on line 8 (k3d, k3s)");
        shown[1].Message.Should().Be("problem on line 9 (k3d)");
        ledger.Summary(notesShown: true).Should().StartWith("2 errors");
        ledger.Snapshot()[0].Environments.Should().Equal("k3d", "k3s");
        ledger.Snapshot()[0].Message.Should().Be("problem on line 8", "reports get the environments as a property");
    }

    [Fact]
    public void A_problem_seen_again_in_a_later_environment_adds_it_without_showing_it_twice()
    {
        var ledger = new FindingLedger();
        ledger.Record([At("homelab/probes", 8)], "k3d");

        ledger.Record([At("homelab/probes", 8)], "k3s").Should().BeEmpty();

        ledger.Snapshot().Should().ContainSingle().Which.Environments.Should().Equal("k3d", "k3s");
    }

    [Fact]
    public void The_same_chart_line_from_different_templates_is_two_findings()
    {
        var ledger = new FindingLedger();
        var deployment = At("homelab/probes", 8) with { Span = SourceSpan.At("apps/loki.yaml", 8, 3) with { Template = "chart loki 6.45.1, templates/a.yaml" } };
        var statefulSet = deployment with { Span = deployment.Span!.Value with { Template = "chart loki 6.45.1, templates/b.yaml" } };

        ledger.Record([(deployment, "k3d"), (statefulSet, "k3d"), (deployment, "k3s")]).Should().HaveCount(2);
    }

    [Fact]
    public void Problems_that_differ_in_rule_line_or_field_are_all_kept()
    {
        var ledger = new FindingLedger();

        ledger.Record([At("schema/wrong-type", 8), At("schema/wrong-type", 9), At("homelab/image-tag", 8), At("schema/wrong-type", 8) with { FieldPath = "spec.replicas" }], null);

        ledger.Snapshot().Should().HaveCount(4);
    }

    [Fact]
    public void Without_an_environment_findings_keep_their_message()
    {
        new FindingLedger().Record([At("schema/wrong-type", 8)], null).Single().Message.Should().Be("problem on line 8");
    }

    [Fact]
    public void The_summary_counts_each_severity_and_says_where_notes_are_shown()
    {
        var ledger = new FindingLedger();
        ledger.Record([At("a", 1), At("b", 2, Severity.Warning), At("c", 3, Severity.Warning), At("d", 4, Severity.Info)], null);

        ledger.Summary(notesShown: false).Should().Be("1 error, 2 warnings, 1 note (shown with --verbosity verbose)");
        ledger.Summary(notesShown: true).Should().Be("1 error, 2 warnings, 1 note");
        ledger.HasErrors.Should().BeTrue();
    }

    [Fact]
    public void Many_findings_recorded_from_parallel_targets_are_each_kept_once()
    {
        var ledger = new FindingLedger();
        var findings = Enumerable.Range(1, 20_000).Select(line => At("schema/wrong-type", line)).ToList();

        Parallel.For(0, 4, _ => ledger.Record(findings, null));

        ledger.Snapshot().Should().HaveCount(20_000);
    }
}
