using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using HomeLab.Tools;

namespace HomeLab.Pipeline.Benchmarks;

/// <summary>
/// Times <c>./build.sh</c> (Verify) on this repository as a user meets it: nothing changed (warm), the first run after
/// the rendered output and render cache are cleared (cold; the chart cache and the compiled build stay), and one values
/// file changed; each as the median of several runs, with the median of each stage from the build's own summary and
/// what the render cache reused and rendered (read from Render's note).
/// </summary>
public static partial class VerifyBenchmark
{
    /// <summary>The values file the one-file-changed runs touch (a comment is appended, then the file is restored): frigate's,
    /// read by a chart of this repository, so it renders with or without the remote charts in the chart cache.</summary>
    public const string ChangedValuesFile = "manifests/apps/frigate/values.yaml";

    /// <summary>Runs the three scenarios.</summary>
    /// <param name="root">The repository root.</param>
    /// <param name="runs">Timed runs per scenario.</param>
    /// <param name="cancellationToken">Stops the runs.</param>
    /// <returns>The Markdown lines and a one-line summary.</returns>
    public static async Task<(List<string> Lines, string Summary)> RunAsync(string root, int runs, CancellationToken cancellationToken)
    {
        var script = Path.Combine(root, "build.sh");
        var bash = new ExternalProgram("bash").WithWorkingDirectory(root);
        await TimeAsync(bash, script, () => { }, cancellationToken); // compiles the build when stale, fills the caches

        var warm = new List<Run>();
        var cold = new List<Run>();
        var changed = new List<Run>();
        for (var i = 0; i < runs; i++)
        {
            warm.Add(await TimeAsync(bash, script, () => { }, cancellationToken));
        }

        for (var i = 0; i < runs; i++)
        {
            cold.Add(await TimeAsync(bash, script, () => ClearRendered(root), cancellationToken));
        }

        var valuesFile = Path.Combine(root, ChangedValuesFile);
        var original = File.Exists(valuesFile) ? await File.ReadAllBytesAsync(valuesFile, cancellationToken) : null;
        try
        {
            for (var i = 0; original is not null && i < runs; i++)
            {
                var edit = i;
                changed.Add(await TimeAsync(bash, script, () => File.AppendAllText(valuesFile, $"\n# benchmark edit {edit}\n"), cancellationToken));
            }
        }
        finally
        {
            if (original is not null)
            {
                await File.WriteAllBytesAsync(valuesFile, original, CancellationToken.None);
            }
        }

        var scenarios = new (string Name, List<Run> Runs)[]
        {
            ("no change (warm)", warm),
            ("cold: .nuke/cache/rendered and .nuke/temp/rendered cleared", cold),
            ($"one values file changed ({ChangedValuesFile})", changed),
        };
        var stages = scenarios.SelectMany(s => s.Runs).SelectMany(r => r.Stages.Keys).Distinct(StringComparer.Ordinal).ToList();
        var lines = new List<string>
        {
            $"## ./build.sh (Verify) on this repository ({runs} runs each, medians)",
            string.Empty,
            $"| scenario | wall | exit | {string.Join(" | ", stages)} |",
            $"|---|---:|---:|{string.Concat(stages.Select(_ => "---:|"))}",
        };
        foreach (var (name, scenarioRuns) in scenarios.Where(s => s.Runs.Count > 0))
        {
            var stageMedians = stages.Select(stage => Seconds(Median([.. scenarioRuns.Select(r => r.Stages.GetValueOrDefault(stage))])));
            lines.Add($"| {name} | {Seconds(Median([.. scenarioRuns.Select(r => r.Wall)]))} | {scenarioRuns.Max(r => r.ExitCode)} | {string.Join(" | ", stageMedians)} |");
        }

        lines.Add(string.Empty);
        foreach (var (name, scenarioRuns) in scenarios.Where(s => s.Runs.Count > 0))
        {
            lines.Add($"- {name}, last run: {scenarioRuns[^1].Cache ?? "no render cache note"}");
        }

        lines.Add(string.Empty);
        lines.Add("Goals: warm ≤ 3 s, cold ≤ 10 s (charts already in .nuke/cache/charts); reported, not asserted.");
        var summary = $"./build.sh warm {Seconds(Median([.. warm.Select(r => r.Wall)]))}, cold {Seconds(Median([.. cold.Select(r => r.Wall)]))}"
            + (changed.Count > 0 ? $", one values file changed {Seconds(Median([.. changed.Select(r => r.Wall)]))}" : string.Empty);
        return (lines, summary);
    }

    /// <summary>The stages of a build summary table: <c>Render      Succeeded      7.87 s</c>.</summary>
    /// <param name="lines">The build's output.</param>
    /// <returns>Each stage's duration.</returns>
    public static Dictionary<string, TimeSpan> StagesOf(IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var stages = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            if (SummaryRow().Match(line) is { Success: true } row)
            {
                stages[row.Groups["stage"].Value] = TimeSpan.FromSeconds(double.Parse(row.Groups["seconds"].Value, CultureInfo.InvariantCulture));
            }
        }

        return stages;
    }

    /// <summary>What the render cache did, per environment, from Render's summary row:
    /// <c>k3d: 41 reused, 1 rendered (app-cert-manager); k3s: …</c>; null when the row says nothing of it.</summary>
    /// <param name="lines">The build's output.</param>
    /// <returns>The line, or null.</returns>
    public static string? RenderCacheOf(IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var row = lines.FirstOrDefault(line => SummaryRow().Match(line) is { Success: true } match && match.Groups["stage"].Value == "Render");
        var uses = row is null ? [] : RenderCacheNote().Matches(row).Select(m => $"{m.Groups["environment"].Value}: {m.Groups["use"].Value}").ToList();
        return uses.Count == 0 ? null : string.Join("; ", uses);
    }

    private static void ClearRendered(string root)
    {
        foreach (var directory in new[] { Path.Combine(root, ".nuke", "cache", "rendered"), Path.Combine(root, ".nuke", "temp", "rendered") })
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    private static async Task<Run> TimeAsync(ExternalProgram bash, string script, Action prepare, CancellationToken cancellationToken)
    {
        prepare();
        var output = new List<string>();
        var clock = Stopwatch.StartNew();
        var exitCode = await bash.StreamAsync([script, "--no-logo"], line => output.Add(line.Text), cancellationToken);
        return new Run(clock.Elapsed, exitCode, StagesOf(output), RenderCacheOf(output));
    }

    private static TimeSpan Median(List<TimeSpan> times) => times.Count == 0 ? TimeSpan.Zero : times.Order().ElementAt(times.Count / 2);

    private static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture) + " s";

    [GeneratedRegex(@"^(?<stage>[A-Z][A-Za-z]+)\s+(?:Succeeded|Failed|Skipped|NotRun|Aborted|Collective)\s+(?<seconds>\d+(?:\.\d+)?) s\b")]
    private static partial Regex SummaryRow();

    [GeneratedRegex(@"(?<environment>[\w.-]+): \d+ objects, render cache: (?<use>\d+ reused, \d+ rendered(?: \([^)]*\))?)")]
    private static partial Regex RenderCacheNote();

    private sealed record Run(TimeSpan Wall, int ExitCode, Dictionary<string, TimeSpan> Stages, string? Cache);
}
