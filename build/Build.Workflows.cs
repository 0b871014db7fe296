using HomeLab.Pipeline.GitHubActions;
using HomeLab.Targets;
using HomeLab.Targets.Workflows;

/// <summary>
/// The CI tiers, generated into .github/workflows by ./build.sh GenerateWorkflows (--check in the PR tier and a test).
/// Every step runs ./build.sh, so each tier runs the same way on a laptop.
/// </summary>
partial class Build : IGitHubActions
{
    // ─── AWAITED: targets and options the tiers invoke that other work is bringing into the build. ───────────────────
    // The generator accepts these names; a test fails once one of them exists, so the entry is removed when it lands.
    internal static readonly string[] Awaited =
    [
    ];

    [Parameter("GenerateWorkflows: compare .github/workflows with what the build generates instead of writing it; fail with the diff.")]
    readonly bool Check;

    [Parameter("ReportNightlyFailure: the GitHub token (GITHUB_TOKEN in Actions).", Name = "github-token", EnvironmentVariable = "GITHUB_TOKEN"), Secret]
    readonly string? GitHubToken;

    /// <summary>Where Verify writes SARIF in CI and code scanning reads it.</summary>
    const string SarifReport = ".nuke/temp/homelab.sarif";

    /// <summary>A step's or a job's condition: the pull request comes from this repository, not a fork.</summary>
    const string FromThisRepository = "github.event.pull_request.head.repo.full_name == github.repository";

    bool IGitHubActions.CheckWorkflows => Check;

    string? IGitHubActions.GitHubToken => GitHubToken;

    IReadOnlyCollection<string> IGitHubActions.AwaitedNames => Awaited;

    IEnumerable<Workflow> IGitHubActions.Workflows => [PullRequestTier, ExtendedTier, NightlyTier, RenovateTier];

    /// <summary>pr.yml: the offline verification, SARIF to code scanning, and the drift check; about 3 minutes warm.</summary>
    Workflow PullRequestTier => new("pr.yml", "PR")
    {
        On = new() { PullRequest = WorkflowEvent.ToBranches("main") },
        ConcurrencyGroup = "pr-${{ github.event.pull_request.number }}",
        Environment = DotNetQuiet,
        Jobs =
        [
            new WorkflowJob("verify", "Verify")
            {
                TimeoutMinutes = 15,
                Steps =
                [
                    .. Setup(charts: true),
                    WorkflowStep.Run("Verify (render, validate, lint, offline suites)", ["Verify"], "--require-complete", "--output", $"sarif={SarifReport}"),
                    WorkflowStep.Run("Check the workflows are what the build generates", ["GenerateWorkflows"], "--check").When("success() || failure()"),
                    WorkflowStep.Uses("Upload findings to code scanning", PinnedActions.UploadSarif, ("sarif_file", SarifReport), ("category", "homelab"))
                        .When($"(success() || failure()) && {FromThisRepository} && hashFiles('{SarifReport}') != ''"),
                ],
            }.Grant("contents", "read").Grant("security-events", "write"),
        ],
    };

    /// <summary>extended.yml: a k3d cluster, the stack, every suite; on main, on observability changes, by hand.</summary>
    Workflow ExtendedTier => new("extended.yml", "Extended")
    {
        On = new()
        {
            Push = WorkflowEvent.ToBranches("main"),
            PullRequest = new(["main"], ObservabilityPaths),
            Manual = true,
        },
        ConcurrencyGroup = "extended-${{ github.event.pull_request.number || github.ref }}",
        CancelInProgress = "${{ github.event_name == 'pull_request' }}",
        Environment = DotNetQuiet,
        Jobs = [ClusterJob("integration", "Cluster and live tests", 60, "extended-results", [])],
    };

    /// <summary>nightly.yml at 06:00 UTC: chart drift (digests), the extended run, and one issue when it fails.</summary>
    Workflow NightlyTier => new("nightly.yml", "Nightly")
    {
        On = new() { Schedules = ["0 6 * * *"], Manual = true },
        ConcurrencyGroup = "nightly",
        CancelInProgress = "false",
        Environment = DotNetQuiet,
        Jobs =
        [
            // No chart cache: every chart is fetched again, so one re-published under the same version shows as drift.
            ClusterJob("nightly", "Chart drift, cluster and live tests", 90, "nightly-results", [WorkflowStep.Run("Fetch every chart and check its digest", ["SyncCharts"])], charts: false),
            new WorkflowJob("report", "Report the failure")
            {
                TimeoutMinutes = 10,
                Needs = ["nightly"],
                Condition = "failure()",
                Steps =
                [
                    .. Setup(charts: false),
                    WorkflowStep.Run("Open or update the nightly-failure issue", ["ReportNightlyFailure"])
                        .WithEnvironment("GITHUB_TOKEN", "${{ secrets.GITHUB_TOKEN }}"),
                ],
            }.Grant("contents", "read").Grant("issues", "write"),
        ],
    };

    /// <summary>renovate.yml: Renovate's pull requests, verified offline (VerifyUpdate) and then on a cluster.</summary>
    Workflow RenovateTier => new("renovate.yml", "Renovate")
    {
        On = new() { PullRequest = WorkflowEvent.ToBranches("main") },
        ConcurrencyGroup = "renovate-${{ github.event.pull_request.number }}",
        Environment = DotNetQuiet,
        Jobs =
        [
            ClusterJob(
                "verify-update",
                "Verify the update",
                60,
                "renovate-results",
                [
                    WorkflowStep.Run("Verify the head and the update offline (rendered diff as PR comments)", ["Verify", "VerifyUpdate"], "--base", "origin/main")
                        .WithId(VerifyUpdateStep)
                        .WithEnvironment("GITHUB_TOKEN", "${{ github.token }}"),
                ],
                // The live half: only when the verification passed and named the Applications it affects, and only
                // their live tests plus the stack-wide ones. The names reach the shell through the environment, not
                // the script text, and split into --tag's values there.
                testArguments: ["--tier", "live", "--tag", "$COMPONENTS", HomeLab.Stack.Tests.Component.Stack],
                fullHistory: true,
                liveCondition: $"success() && {AffectedComponentsOutput} != ''",
                liveEnvironment: [KeyValuePair.Create("COMPONENTS", $"${{{{ {AffectedComponentsOutput} }}}}")]).Grant("pull-requests", "write") with
            {
                Condition = $"startsWith(github.head_ref, 'renovate/') && {FromThisRepository}",
            },
        ],
    };

    /// <summary>The id of renovate.yml's VerifyUpdate step, whose output the live half reads.</summary>
    const string VerifyUpdateStep = "verify";

    /// <summary>The affected Applications VerifyUpdate names (space separated), as an expression of renovate.yml.</summary>
    static string AffectedComponentsOutput => $"steps.{VerifyUpdateStep}.outputs.{HomeLab.Pipeline.Updates.AffectedComponents.Output}";

    /// <summary>The observability Applications' files and the directories they deploy from (k3d and k3s patches included).</summary>
    IReadOnlyList<string> ObservabilityPaths =>
        ApplicationPaths.OfProject(RootDirectory, [RootDirectory / "manifests" / "argocd", RootDirectory / "clusters"], "observability");

    static IReadOnlyList<KeyValuePair<string, string>> DotNetQuiet =>
        [KeyValuePair.Create("DOTNET_CLI_TELEMETRY_OPTOUT", "1"), KeyValuePair.Create("DOTNET_NOLOGO", "1")];

    /// <summary>A job that runs on a k3d cluster: the steps before, the stack and the suites, the cluster deleted whatever happened, what the targets produced uploaded.</summary>
    /// <remarks>The live step runs when <paramref name="liveCondition"/> holds: by default also after a failed step before it.</remarks>
    static WorkflowJob ClusterJob(string id, string name, int timeoutMinutes, string artifact, IReadOnlyList<WorkflowStep> before, string[]? testArguments = null, bool charts = true, bool fullHistory = false, string liveCondition = "success() || failure()", IReadOnlyList<KeyValuePair<string, string>>? liveEnvironment = null) =>
        new WorkflowJob(id, name)
        {
            TimeoutMinutes = timeoutMinutes,
            Steps =
            [
                .. Setup(charts, fullHistory),
                .. before,
                WorkflowStep.Run("Create the cluster, install the stack, run the suites", ["ClusterUp", "StackUp", "Test"], testArguments ?? []).When(liveCondition) with
                {
                    Environment = liveEnvironment ?? [],
                },
                WorkflowStep.Run("Delete the cluster", ["ClusterDown"]).When("always()"),
                WorkflowStep.UploadProduced(artifact),
            ],
        }.Grant("contents", "read");

    /// <summary>Check-out, the SDK global.json names, and the caches, each keyed by the files that pin what it holds.</summary>
    static IEnumerable<WorkflowStep> Setup(bool charts, bool fullHistory = false)
    {
        // VerifyUpdate renders the base revision from a git worktree, so it needs the history, not one commit.
        yield return fullHistory
            ? WorkflowStep.Uses("Check out (with history, for the base revision)", PinnedActions.Checkout, ("persist-credentials", "false"), ("fetch-depth", "0"))
            : WorkflowStep.Uses("Check out", PinnedActions.Checkout, ("persist-credentials", "false"));
        yield return WorkflowStep.Uses("Install the .NET SDK global.json names", PinnedActions.SetupDotNet, ("global-json-file", "global.json"));
        yield return Cache("Cache NuGet packages", "~/.nuget/packages", "nuget-${{ runner.os }}-", "'global.json', 'Directory.Packages.props', '**/*.csproj'");
        yield return Cache("Cache the pinned tools", ".nuke/tools", "tools-${{ runner.os }}-", "'build/tools/**', 'src/HomeLab.Tools/**/*.cs'");
        if (charts)
        {
            yield return Cache("Cache the remote charts", ".nuke/cache/charts", "charts-", "'manifests/argocd/**', 'clusters/**'");
        }
    }

    static WorkflowStep Cache(string name, string path, string prefix, string pinnedBy) =>
        WorkflowStep.Uses(name, PinnedActions.Cache, ("path", path), ("key", $"{prefix}${{{{ hashFiles({pinnedBy}) }}}}"), ("restore-keys", prefix));
}
