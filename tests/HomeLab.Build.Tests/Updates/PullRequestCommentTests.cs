using HomeLab.Manifests.Diff;
using HomeLab.Manifests.Findings;
using HomeLab.Pipeline.Updates;
using Octokit;

namespace HomeLab.Build.Tests.Updates;

public sealed class PullRequestCommentTests
{
    private static PullRequestComment Comment(FakeGitHub github) =>
        new(new GitHubClient(new ProductHeaderValue("homelab-tests"), github.BaseAddress) { Credentials = new Credentials("test-token") }, "homelab", "lab", 7);

    [Fact]
    public async Task The_report_comment_is_created_once_then_updated_in_place()
    {
        await using var github = new FakeGitHub();
        github.Seed("LGTM, a human");
        var report = UpdateReport.Render([], "origin/main");

        var first = await Comment(github).UpsertAsync(report);
        var second = await Comment(github).UpsertAsync(report.Replace("affects no", "still affects no", StringComparison.Ordinal));

        first.Created.Should().BeTrue();
        second.Should().Be((first.Id, false));
        github.Comments.Should().HaveCount(2);
        github.Comments.Single(c => c.Id == first.Id).Body.Should().Contain(UpdateReport.Marker).And.Contain("still affects no");
        github.Calls.Should().Contain(c => c.StartsWith("PATCH ", StringComparison.Ordinal));
    }

    [Fact]
    public void A_report_over_the_comment_limit_is_cut_at_a_line_and_names_the_artifact()
    {
        var fields = Enumerable.Range(0, 3000).Select(i => new FieldChange($"data.key{i}", ChangeKind.Added, null, new string('x', 40))).ToList();
        var update = new ApplicationUpdate("big", "k3d", [new ObjectChange(new ObjectRef("", "ConfigMap", "apps", "big"), ChangeKind.Changed, fields)], []);
        var report = UpdateReport.Render([update], "origin/main");

        var comment = UpdateReport.Truncate(report, IVerifyUpdate.ReportFile);

        report.Length.Should().BeGreaterThan(UpdateReport.CommentLimit);
        comment.Length.Should().BeLessThanOrEqualTo(UpdateReport.CommentLimit);
        comment.Should().StartWith(UpdateReport.Marker).And.Contain("| big | k3d | 0 | 1 | 0 | ✅ |").And.Contain($"the full report is the artifact `{IVerifyUpdate.ReportFile}`");
        UpdateReport.Truncate("short", IVerifyUpdate.ReportFile).Should().Be("short");
    }

    [Fact]
    public void The_summary_table_counts_objects_and_marks_findings_that_fail()
    {
        var finding = new Finding("values/dropped-key", Severity.Error, "values key a.b is read by chart demo 1.0.0 but no longer by demo 2.0.0");
        var update = new ApplicationUpdate("demo", "k3s", [new ObjectChange(new ObjectRef("apps", "Deployment", "x", "demo"), ChangeKind.Added, [])], [finding]);

        var report = UpdateReport.Render([update], "origin/main");

        report.Should().Contain("VerifyUpdate failed").And.Contain("| demo | k3s | 1 | 0 | 0 | ❌ 1 |").And.Contain("values/dropped-key");
    }
}
