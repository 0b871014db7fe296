using HomeLab.Manifests.Diff;
using HomeLab.Manifests.Findings;
using HomeLab.Manifests.Lint;
using HomeLab.Pipeline.Updates;
using Octokit;

namespace HomeLab.Build.Tests.Updates;

public sealed class PullRequestCommentTests
{
    private static PullRequestComment Comment(FakeGitHub github) =>
        new(new GitHubClient(new ProductHeaderValue("homelab-tests"), github.BaseAddress) { Credentials = new Credentials("test-token") }, "homelab", "lab", 7);

    private static UpdateVerificationResult Result(params ApplicationUpdate[] updates) => new(updates, [], []);

    /// <summary>A report of one Application whose one ConfigMap gains <paramref name="keys"/> keys of 40 characters.</summary>
    private static string BigReport(int keys)
    {
        var fields = Enumerable.Range(0, keys).Select(i => new FieldChange($"data.key{i}", ChangeKind.Added, null, new string('x', 40))).ToList();
        var update = new ApplicationUpdate("big", "k3d", [new ObjectChange(new ObjectRef("", "ConfigMap", "apps", "big"), ChangeKind.Changed, fields)], []);
        return UpdateReport.Render(Result(update), "origin/main");
    }

    [Fact]
    public async Task The_report_comment_is_created_once_then_updated_in_place()
    {
        await using var github = new FakeGitHub();
        github.Seed("LGTM, a human");
        var report = UpdateReport.Render(Result(), "origin/main");

        var first = await Comment(github).UpsertAsync(report);
        var second = await Comment(github).UpsertAsync(report.Replace("affects no", "still affects no", StringComparison.Ordinal));

        first.Created.Should().BeTrue();
        second.Should().Be((first.Id, false));
        github.Comments.Should().HaveCount(2);
        github.Comments.Single(c => c.Id == first.Id).Body.Should().Contain(UpdateReport.Marker).And.Contain("still affects no");
        github.Calls.Should().Contain(c => c.StartsWith("PATCH ", StringComparison.Ordinal));
    }

    [Fact]
    public void A_report_over_the_comment_limit_is_split_at_lines_into_comments_that_each_close_their_diff()
    {
        var report = BigReport(3000);

        var parts = UpdateReport.Split(report, IVerifyUpdate.ReportFile);

        report.Length.Should().BeGreaterThan(UpdateReport.CommentLimit);
        parts.Should().HaveCountGreaterThan(1);
        parts.Should().OnlyContain(p => p.Length <= UpdateReport.CommentLimit);
        parts.Select((p, i) => p.StartsWith(UpdateReport.PartMarker(i + 1) + "\n", StringComparison.Ordinal)).Should().AllBeEquivalentTo(true);
        parts[0].Should().Contain("| big | k3d | 0 | 1 | 0 | ✅ |").And.Contain($"comment 1 of {parts.Count}");
        parts.Should().OnlyContain(p => p.Split('\n').Count(l => l.StartsWith("```", StringComparison.Ordinal)) % 2 == 0, "a diff cut in two is closed and opened again");
        parts[1].Should().Contain("big (k3d): 1 objects (continued)").And.Contain("```diff");
        string.Concat(parts).Should().Contain("+   data.key0: ").And.Contain("+   data.key2999: ");
        UpdateReport.Split("short", IVerifyUpdate.ReportFile).Should().Equal("short");
    }

    [Fact]
    public void A_report_longer_than_the_comments_allowed_is_cut_in_the_last_one_naming_the_artifact()
    {
        var report = BigReport(3000);

        var parts = UpdateReport.Split(report, IVerifyUpdate.ReportFile, mostComments: 1);

        parts.Should().ContainSingle().Which.Should().StartWith(UpdateReport.Marker).And.Contain($"the full report is the artifact `{IVerifyUpdate.ReportFile}`");
        parts[0].Length.Should().BeLessThanOrEqualTo(UpdateReport.CommentLimit);
    }

    [Fact]
    public async Task A_split_report_updates_its_comments_in_place_and_deletes_the_ones_a_shorter_report_no_longer_needs()
    {
        await using var github = new FakeGitHub();
        github.Seed("LGTM, a human");
        var parts = UpdateReport.Split(BigReport(3000), IVerifyUpdate.ReportFile);

        var first = await Comment(github).UpsertAsync(parts);
        var again = await Comment(github).UpsertAsync(parts);
        var shorter = await Comment(github).UpsertAsync(UpdateReport.Split(BigReport(10), IVerifyUpdate.ReportFile));

        first.Comments.Should().HaveCount(parts.Count).And.OnlyContain(c => c.Created);
        again.Comments.Should().Equal(first.Comments.Select(c => (c.Id, false)));
        shorter.Comments.Should().Equal((first.Comments[0].Id, false));
        shorter.Deleted.Should().Be(parts.Count - 1);
        github.Comments.Select(c => c.Body).Should().HaveCount(2).And.Contain("LGTM, a human").And.Contain(b => b.Contains("data.key9:", StringComparison.Ordinal));
        github.Calls.Count(c => c.StartsWith("DELETE ", StringComparison.Ordinal)).Should().Be(parts.Count - 1);
    }

    [Fact]
    public void The_summary_table_counts_objects_and_marks_findings_that_fail()
    {
        var finding = new Finding("values/dropped-key", Severity.Error, "values key a.b is read by chart demo 1.0.0 but no longer by demo 2.0.0");
        var update = new ApplicationUpdate("demo", "k3s", [new ObjectChange(new ObjectRef("apps", "Deployment", "x", "demo"), ChangeKind.Added, [])], [finding]);

        var report = UpdateReport.Render(Result(update), "origin/main");

        report.Should().Contain("VerifyUpdate failed").And.Contain("| demo | k3s | 1 | 0 | 0 | ❌ 1 |").And.Contain("values/dropped-key");
    }

    [Fact]
    public void The_report_says_what_was_not_rendered_how_budgets_moved_and_whether_Verify_ran_on_the_head()
    {
        var ceiling = new BudgetCeiling(BudgetMeasure.MemoryLimits, 1.5m * 1024 * 1024 * 1024, "1.5Gi", default);
        var result = new UpdateVerificationResult(
            [],
            [new EnvironmentScope("k3d", false, ["loki", "root"], ["alloy", "tempo", "velero"]), new EnvironmentScope("k3s", true, ["loki"], [])],
            [new BudgetChange("k3d", "observability", ceiling.Measure, "1.5Gi", "1.5Gi", 512m * 1024 * 1024, 768m * 1024 * 1024, false)]);

        var ran = UpdateReport.Render(result, "origin/main", "passed in this build (0 errors)");
        var alone = UpdateReport.Render(result, "origin/main");

        ran.Should().Contain("k3d: 2 Applications rendered (loki, root); 3 Applications not affected, not rendered")
            .And.Contain("k3s: everything rendered")
            .And.Contain("| observability (memory limits) | k3d | 1.5Gi | 512Mi | 768Mi | +256Mi |")
            .And.Contain("`Verify` on the head: passed in this build (0 errors)");
        alone.Should().Contain("`Verify` did not run on the head in this build");
    }
}
