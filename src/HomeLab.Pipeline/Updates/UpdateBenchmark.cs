using System.Diagnostics;
using System.Globalization;
using HomeLab.Manifests.Rendering;
using HomeLab.Tools;

namespace HomeLab.Pipeline.Updates;

/// <summary>
/// Times <see cref="UpdateVerification"/> on a one-chart bump of this repository, the way Renovate opens one: a copy
/// of the committed tree (a git worktree) gets a commit that moves one Application's chart pin up a patch version,
/// with both versions already in the chart cache (a warm cache, as CI restores it). The cached packages are charts
/// made with <c>helm create</c> under the Application's chart name — no network, and no upstream chart is needed —
/// so the figure is the pipeline's own cost: the base worktree, the renders that find what the change affects, the
/// two renders of the affected Application, the diff and the checks.
/// </summary>
public static class UpdateBenchmark
{
    /// <summary>The Application whose chart pin the benchmark bumps.</summary>
    public const string BumpedApplication = "manifests/argocd/observability/jaeger.yaml";

    private const string Chart = "jaeger";
    private const string Repository = "https://jaegertracing.github.io/helm-charts";
    private const string Before = "3.4.1";
    private const string After = "3.4.2";

    /// <summary>Runs the benchmark.</summary>
    /// <param name="root">The repository root (its committed HEAD is copied).</param>
    /// <param name="runs">Timed runs (after one untimed warm-up run).</param>
    /// <param name="cancellationToken">Stops the runs.</param>
    /// <returns>The Markdown lines and a one-line summary.</returns>
    public static async Task<(List<string> Lines, string Summary)> RunAsync(string root, int runs, CancellationToken cancellationToken)
    {
        var copy = Path.Combine(Path.GetTempPath(), $"homelab-update-bench-{Guid.NewGuid():N}");
        await UpdateVerification.GitLinesAsync(root, ["worktree", "add", "--detach", "--quiet", copy, "HEAD"], cancellationToken).ConfigureAwait(false);
        try
        {
            var kubectl = Kubectl.Locate(repositoryRoot: root);
            var helm = Helm.Locate(repositoryRoot: root);
            var cache = Path.Combine(copy, ".nuke", "cache", "charts");
            foreach (var version in new[] { Before, After })
            {
                await PackageAsync(helm, copy, version, ChartCacheLayout.Folder(cache, Repository, Chart, version), cancellationToken).ConfigureAwait(false);
            }

            var application = Path.Combine(copy, BumpedApplication);
            var text = await File.ReadAllTextAsync(application, cancellationToken).ConfigureAwait(false);
            if (!text.Contains($"targetRevision: {Before}", StringComparison.Ordinal))
            {
                return ([$"## VerifyUpdate: one chart bumped", string.Empty, $"Not measured: {BumpedApplication} no longer pins {Chart} {Before}; point {nameof(UpdateBenchmark)} at its pin."], "VerifyUpdate benchmark not measured (pin moved)");
            }

            await File.WriteAllTextAsync(application, text.Replace($"targetRevision: {Before}", $"targetRevision: {After}", StringComparison.Ordinal), cancellationToken).ConfigureAwait(false);
            await UpdateVerification.GitLinesAsync(copy, ["-c", "user.email=benchmark@homelab.invalid", "-c", "user.name=benchmark", "commit", "--quiet", "--no-verify", "-am", $"chore(deps): update chart {Chart} to {After}"], cancellationToken).ConfigureAwait(false);

            var times = new List<TimeSpan>();
            UpdateVerificationResult? result = null;
            for (var run = 0; run <= runs; run++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var clock = Stopwatch.StartNew();
                // A new renderer each run: nothing rendered is kept between runs, only the chart cache.
                result = await UpdateVerification.RunAsync(copy, "HEAD~1", new EnvironmentRenderer(kubectl, helm), allowNetwork: false, cancellationToken).ConfigureAwait(false);
                if (run > 0)
                {
                    times.Add(clock.Elapsed);
                }
            }

            var median = times.Order().ElementAt(times.Count / 2);
            var rendered = string.Join("; ", result!.Environments.Select(e => $"{e.Environment}: {e.Rendered.Count} rendered, {e.NotRendered.Count} not"));
            var affected = string.Join(", ", result.Updates.Select(u => $"{u.Application} ({u.Environment}) {u.Changes.Count} objects").Distinct(StringComparer.Ordinal));
            return (
            [
                $"## VerifyUpdate: one chart bumped ({Chart} {Before} → {After} in {BumpedApplication}; warm chart cache; {runs} runs after a warm-up)",
                string.Empty,
                "| runs | min | median | max | goal |",
                "|---:|---:|---:|---:|---:|",
                $"| {times.Count} | {Seconds(times.Min())} | {Seconds(median)} | {Seconds(times.Max())} | ≤ 15 s |",
                string.Empty,
                $"Applications rendered per environment: {rendered}. Reported: {(affected.Length == 0 ? "nothing" : affected)}. The cached packages are `helm create` charts under the name {Chart}, so the findings against them say nothing about the real chart.",
            ], $"VerifyUpdate one-chart bump median {Seconds(median)}");
        }
        finally
        {
            await UpdateVerification.GitLinesAsync(root, ["worktree", "remove", "--force", copy], CancellationToken.None).ConfigureAwait(false);
        }
    }

    private static async Task PackageAsync(Helm helm, string root, string version, string folder, CancellationToken cancellationToken)
    {
        var work = Path.Combine(root, ".nuke", "temp", "update-bench", version);
        Directory.CreateDirectory(work);
        Directory.CreateDirectory(folder);
        foreach (var arguments in new[] { new[] { "create", Chart }, ["package", Chart, "--version", version, "--app-version", version, "--destination", folder] })
        {
            var result = await helm.WithWorkingDirectory(work).ExecuteAsync(arguments, cancellationToken).ConfigureAwait(false);
            if (!result.IsSuccess)
            {
                throw new InvalidOperationException($"helm {string.Join(' ', arguments)}: {result.ErrorMessage}");
            }
        }
    }

    private static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";
}
