using HomeLab.Manifests.Rendering;
using HomeLab.Pipeline.Manifests;
using HomeLab.Targets;
using HomeLab.Tools;
using Octokit;

namespace HomeLab.Pipeline.Updates;

/// <summary>
/// A component: a build that implements this interface gets a <c>VerifyUpdate</c> target, which proves a change
/// (a Renovate PR) offline against a base — what it changes, object by object, in the Applications it affects, and
/// what it breaks — and reports it to the console, the step summary, <c>.nuke/temp/verify-update.md</c> and, on a
/// pull request, one comment updated in place.
/// </summary>
public interface IVerifyUpdate : IVerifyManifests
{
    /// <summary>The file the full report is written to (the CI artifact).</summary>
    public const string ReportFile = "verify-update.md";

    /// <summary>The git revision to compare with.</summary>
    [Parameter("VerifyUpdate: the git revision to compare the checkout with.", Name = "base")]
    string UpdateBase => TryGetValue(() => UpdateBase) ?? "origin/main";

    /// <summary>Whether charts missing from <c>.nuke/cache/charts</c> may be downloaded.</summary>
    bool UpdateAllowsNetwork => !Offline;

    /// <summary>Renders base and head, diffs the affected Applications, checks what the update breaks and reports it.</summary>
    Target VerifyUpdate => _ => _
        .Description("Verifies a change against --base (default origin/main): renders only the Applications it affects; the per-object diff, dropped values keys and CRD versions, new lint findings, budget changes; PR comments on GitHub; the affected Applications in .nuke/temp/update/affected-components.txt (and the step output components). After Verify when both run.")
        .After(Render, Validate, Lint)
        .AssuredAfterFailure() // `Verify VerifyUpdate`: the report (saying Verify failed) still reaches the PR
        .Executes(async (context, cancellationToken) =>
        {
            // Verify (Render, Validate, Lint and the rest) ran before in this build when anything rendered.
            var headVerification = Rendered.All.Count == 0 ? null : $"{(Findings.HasErrors ? "failed" : "passed")} in this build ({FindingCounts})";
            UpdateVerificationResult result;
            try
            {
                // The base worktree has no .nuke/tools: both sides render with the head's tools.
                var renderer = new EnvironmentRenderer(Kubectl.Locate(KubectlExe?.Value, RootDirectory), Helm.Locate(HelmExe?.Value, RootDirectory));
                result = await UpdateVerification.RunAsync(RootDirectory, UpdateBase, renderer, UpdateAllowsNetwork, cancellationToken).ConfigureAwait(false);
            }
            catch (ToolNotFoundException ex)
            {
                throw new TargetFailedException($"{ex.Message} ({ex.Hint})");
            }
            catch (InvalidOperationException ex) when (ex.Message.StartsWith("git ", StringComparison.Ordinal))
            {
                throw new TargetFailedException($"--base {UpdateBase}: {ex.Message.Split('\n')[0]} (fetch the base first: git fetch origin main)");
            }

            var report = UpdateReport.Render(result, UpdateBase, headVerification);
            Directory.CreateDirectory(TemporaryDirectory);
            var file = Path.Combine(TemporaryDirectory, ReportFile);
            await File.WriteAllTextAsync(file, report, cancellationToken).ConfigureAwait(false);
            if (Environment.GetValueOrDefault("GITHUB_STEP_SUMMARY") is { Length: > 0 } summary)
            {
                // A step summary holds 1 MiB.
                await File.AppendAllTextAsync(summary, UpdateReport.Split(report, ReportFile, 1_000_000, mostComments: 1)[0], cancellationToken).ConfigureAwait(false);
            }

            if (PullRequest() is { } pullRequest)
            {
                var (comments, deleted) = await pullRequest.UpsertAsync(UpdateReport.Split(report, ReportFile)).ConfigureAwait(false);
                context.AddNote($"PR comment{(comments.Count == 1 ? string.Empty : "s")} {string.Join(", ", comments.Select(c => $"{c.Id} {(c.Created ? "created" : "updated")}"))}{(deleted > 0 ? $"; {deleted} old deleted" : string.Empty)}");
            }

            // What the live half of renovate.yml tests: the affected Applications, as a file and a step output.
            var components = AffectedComponents.Of(result);
            await AffectedComponents.WriteAsync(components, TemporaryDirectory, Environment, cancellationToken).ConfigureAwait(false);
            var updates = result.Updates;
            foreach (var finding in updates.SelectMany(u => u.Findings))
            {
                context.Info(finding.ToString());
            }

            var objects = updates.Sum(u => u.Changes.Count);
            var notRendered = result.Environments.Sum(e => e.NotRendered.Count);
            context.AddNote($"{components.Count} Application{(components.Count == 1 ? string.Empty : "s")} affected{(components.Count == 0 ? string.Empty : $" ({string.Join(", ", components)})")}, {objects} objects changed, {notRendered} Application renders left out (not affected); report in {file}");
            var failures = updates.Sum(u => u.Findings.Count(f => f.Severity == HomeLab.Manifests.Findings.Severity.Error));
            if (failures > 0)
            {
                throw new TargetFailedException($"the update breaks {failures} thing{(failures == 1 ? string.Empty : "s")}: see {file}");
            }
        });

    /// <summary>The pull request's comment on GitHub Actions (GITHUB_TOKEN, GITHUB_REPOSITORY, a refs/pull/N/… GITHUB_REF); null elsewhere.</summary>
    private PullRequestComment? PullRequest()
    {
        var token = Environment.GetValueOrDefault("GITHUB_TOKEN");
        var repository = Environment.GetValueOrDefault("GITHUB_REPOSITORY")?.Split('/');
        var reference = Environment.GetValueOrDefault("GITHUB_REF")?.Split('/');
        if (string.IsNullOrEmpty(token) || repository is not [var owner, var name] || reference is not ["refs", "pull", var number, ..] || !int.TryParse(number, out var pr))
        {
            return null;
        }

        var api = new Uri(Environment.GetValueOrDefault("GITHUB_API_URL") ?? "https://api.github.com");
        var client = new GitHubClient(new ProductHeaderValue("homelab-verify-update"), api) { Credentials = new Credentials(token) };
        return new PullRequestComment(client, owner, name, pr);
    }
}
