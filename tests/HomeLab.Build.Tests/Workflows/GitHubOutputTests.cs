using System.Text.Json;
using HomeLab.Targets;
using YamlDotNet.RepresentationModel;

namespace HomeLab.Build.Tests.Workflows;

/// <summary>What the build does on GitHub Actions, driven with GITHUB_ACTIONS=true, temp files and a loopback fake of GitHub.</summary>
public sealed class GitHubOutputTests : IDisposable
{
    private const string Token = "ghs_fakeTokenForTheTests0123456789";
    private readonly string root = Directory.CreateTempSubdirectory("homelab-github-").FullName;

    public GitHubOutputTests() => Directory.CreateDirectory(Path.Combine(root, ".nuke"));

    public void Dispose() => Directory.Delete(root, recursive: true);

    private async Task<(int ExitCode, string Output)> RunAsync(Dictionary<string, string> environment, params string[] arguments)
    {
        using var output = new StringWriter();
        var exitCode = await BuildRunner.RunAsync(
            new BuildRunSettings { Arguments = [.. arguments, "--root", root, "--no-logo"], Output = output, WorkingDirectory = root, WriteSchema = false, Environment = environment },
            new global::Build(),
            global::Build.Defaults);
        return (exitCode, output.ToString());
    }

    [Fact]
    public async Task The_pr_tier_uploads_the_sarif_file_the_build_writes_and_findings_become_annotations_and_a_summary()
    {
        var verify = CommittedWorkflows.Load(Path.Combine(CommittedWorkflows.Directory, "pr.yml")).Jobs().Single().Job.Steps().ToList();
        var run = verify.Select(s => s.Get("run")?.ToString()).OfType<string>().First(r => r.Contains("--output", StringComparison.Ordinal)).Split(' ');
        var written = run[Array.IndexOf(run, "--output") + 1]["sarif=".Length..];
        var uploaded = ((YamlMappingNode)verify.Single(s => s.Get("uses")?.ToString().Contains("upload-sarif", StringComparison.Ordinal) == true).Get("with")!).Get("sarif_file")!.ToString();
        uploaded.Should().Be(written);

        File.WriteAllText(Path.Combine(root, "app.yaml"), "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: web\nspec:\n  replicas: 1\n  selector:\n    matchLabels: { app: web }\n  template:\n    metadata:\n      labels: { app: web }\n    spec:\n      containers:\n        - name: web\n          image: nginx:latest\n");
        var summary = Path.Combine(root, "summary.md");
        var (_, output) = await RunAsync(new() { ["GITHUB_ACTIONS"] = "true", ["GITHUB_STEP_SUMMARY"] = summary }, "Lint", "--path", "app.yaml", "--output", $"sarif={written}");

        output.Should().Contain("::group::Lint").And.MatchRegex(@"::(error|warning) file=app\.yaml,line=\d+");
        File.ReadAllText(summary).Should().Contain("| Target | Status | Duration | Notes |").And.Contain("| Lint |");
        using var sarif = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, uploaded)));
        sarif.RootElement.GetProperty("runs")[0].GetProperty("results").GetArrayLength().Should().BePositive();
    }

    [Fact]
    public async Task A_failed_nightly_run_opens_an_issue_when_none_is_open_with_a_link_to_the_run()
    {
        await using var github = new FakeGitHub();
        var (exitCode, output) = await RunAsync(Nightly(github), "ReportNightlyFailure");

        exitCode.Should().Be(0, output);
        output.Should().Contain("opened issue #101").And.NotContain(Token);
        var calls = github.Calls.ToList();
        calls.Select(c => $"{c.Method} {c.Path.Split('?')[0]}").Should().Equal("GET /api/v3/repos/homelab/lab/issues", "POST /api/v3/repos/homelab/lab/issues");
        calls[0].Path.Should().Contain("state=open").And.Contain("labels=nightly-failure");
        calls[1].Body.Should().Contain("\"labels\":[\"nightly-failure\"]").And.Contain("https://github.com/homelab/lab/actions/runs/4242");
        calls.Should().AllSatisfy(c => c.Authorization.Should().EndWith($" {Token}"));
    }

    [Fact]
    public async Task A_failed_nightly_run_comments_on_the_open_issue_instead_of_opening_another()
    {
        await using var github = new FakeGitHub(7, 12);
        var (exitCode, output) = await RunAsync(Nightly(github), "ReportNightlyFailure");

        exitCode.Should().Be(0, output);
        output.Should().Contain("commented on issue #7");
        github.Calls.Select(c => $"{c.Method} {c.Path.Split('?')[0]}").Should().Equal("GET /api/v3/repos/homelab/lab/issues", "POST /api/v3/repos/homelab/lab/issues/7/comments");
    }

    [Fact]
    public async Task A_refused_token_is_a_one_line_failure_that_names_the_permission_and_never_the_token()
    {
        await using var github = new FakeGitHub();
        var environment = Nightly(github);
        environment["GITHUB_REPOSITORY"] = "homelab/other";
        var (exitCode, output) = await RunAsync(environment, "ReportNightlyFailure");

        exitCode.Should().Be(1);
        output.Should().Contain("GitHub answered 404").And.Contain("issues: write").And.NotContain(Token).And.NotContain("   at ");
    }

    [Fact]
    public async Task Without_a_token_the_nightly_report_asks_for_one_before_calling_github()
    {
        await using var github = new FakeGitHub();
        var environment = Nightly(github);
        environment.Remove("GITHUB_TOKEN");
        var (exitCode, output) = await RunAsync(environment, "ReportNightlyFailure");

        exitCode.Should().Be(1);
        output.Should().Contain("No GitHub token. Hint: give the step env GITHUB_TOKEN");
        github.Calls.Should().BeEmpty();
    }

    [Fact]
    public async Task The_token_from_the_environment_is_masked_wherever_the_build_shows_parameter_values()
    {
        var (exitCode, output) = await RunAsync(new() { ["GITHUB_ACTIONS"] = "true", ["GITHUB_TOKEN"] = Token }, "--help");

        exitCode.Should().Be(0, output);
        output.Should().Contain("--github-token").And.Contain("***** (from the environment variable GITHUB_TOKEN").And.NotContain(Token);
    }

    private static Dictionary<string, string> Nightly(FakeGitHub github) => new()
    {
        ["GITHUB_ACTIONS"] = "true",
        ["GITHUB_TOKEN"] = Token,
        ["GITHUB_REPOSITORY"] = "homelab/lab",
        ["GITHUB_API_URL"] = github.BaseAddress.AbsoluteUri.TrimEnd('/'),
        ["GITHUB_SERVER_URL"] = "https://github.com",
        ["GITHUB_RUN_ID"] = "4242",
    };
}
