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
