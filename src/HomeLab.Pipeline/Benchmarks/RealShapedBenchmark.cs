using System.Diagnostics;
using System.Globalization;
using HomeLab.Manifests.Lint;
using HomeLab.Manifests.Objects;
using HomeLab.Manifests.Validation;
using HomeLab.Tools;

namespace HomeLab.Pipeline.Benchmarks;

/// <summary>
/// Validate + Lint of a generated real-shaped corpus (large objects, CRDs, dashboards) beside libyaml's event-only
/// parse of the same files, with the memory the run keeps.
/// </summary>
internal static class RealShapedBenchmark
{
    private const string LibyamlScript = "import sys, time, yaml\nassert yaml.__with_libyaml__\nfiles = open(sys.argv[1]).read().split()\nbest = None\nfor run in range(3):\n    start = time.perf_counter()\n    for f in files:\n        with open(f, 'rb') as stream:\n            for _ in yaml.parse(stream, Loader=yaml.CSafeLoader):\n                pass\n    took = time.perf_counter() - start\n    best = took if best is None else min(best, took)\nprint(best)\n";

    /// <summary>Runs the benchmark and returns its Markdown lines and a one-line summary.</summary>
    /// <param name="directory">Where the corpus and the helper script are written.</param>
    /// <param name="megabytes">The corpus size.</param>
    /// <param name="runs">Timed runs after one warm-up run.</param>
    /// <param name="cancellationToken">Stops the benchmark.</param>
    /// <returns>The report lines and the summary.</returns>
    public static async Task<(List<string> Lines, string Summary)> RunAsync(string directory, int megabytes, int runs, CancellationToken cancellationToken)
    {
        var corpus = Path.Combine(directory, "real-shaped");
        if (Directory.Exists(corpus))
        {
            Directory.Delete(corpus, recursive: true);
        }

        var files = RealShapedCorpus.Write(corpus, megabytes);
        var bytes = files.Sum(f => new FileInfo(f).Length);
        var validator = new ManifestValidator(new ValidationOptions { KubernetesVersion = ValidationOptions.DefaultKubernetesVersion });
        var best = TimeSpan.MaxValue;
        (TimeSpan Scan, TimeSpan Validate, TimeSpan Lint) split = default;
        long retained = 0;
        var objects = 0;
        for (var run = 0; run <= runs; run++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var before = GC.GetTotalMemory(forceFullCollection: true);
            var clock = Stopwatch.StartNew();
            var scan = await ManifestScan.RunAsync(new ManifestScanOptions { Paths = [corpus] }, cancellationToken);
            var set = scan.Objects.ToList();
            var scanned = clock.Elapsed;
            validator.Validate(set);
            var validated = clock.Elapsed;
            Linter.Default.Lint(set);
            var elapsed = clock.Elapsed;
            objects = set.Count;

            // What the loaded objects keep alive: the heap after a full collection, with the set still in use.
            retained = Math.Max(retained, GC.GetTotalMemory(forceFullCollection: true) - before);
            GC.KeepAlive(set);
            if (run > 0 && elapsed < best)
            {
                best = elapsed; // the first run pays for JIT compilation
                split = (scanned, validated - scanned, elapsed - validated);
            }
        }

        var peak = Process.GetCurrentProcess().PeakWorkingSet64;
        var libyaml = await LibyamlEventParseAsync(directory, files, cancellationToken);
        var ratio = libyaml is { } time ? (best / time).ToString("0.00", CultureInfo.InvariantCulture) : "n/a";
        var mb = bytes / (1024.0 * 1024);
        var summary = $"real-shaped: Validate+Lint {Ms(best)}, libyaml events {(libyaml is { } l ? Ms(l) : "n/a")}, ratio {ratio}, heap {retained / (double)bytes:0.00}× the input";
        List<string> lines =
        [
            $"## Real-shaped manifests ({objects:N0} objects, {files.Count} files, {mb:0.0} MB: large Deployments, CRDs, dashboards)",
            string.Empty,
            "| measure | value |",
            "|---|---:|",
            $"| scan + validate + lint, best of warm runs | {Ms(best)} ({mb / best.TotalSeconds:0.0} MB/s) |",
            $"| of which: scan (read and load the files) / validate / lint | {Ms(split.Scan)} / {Ms(split.Validate)} / {Ms(split.Lint)} |",
            $"| libyaml event-only parse of the same files (PyYAML CParser, one process) | {(libyaml is { } t ? Ms(t) : "python3 with libyaml not found")} |",
            $"| **ratio (ours / libyaml; goal ≤ 1.0)** | **{ratio}** |",
            $"| **heap the loaded objects keep alive (goal ≤ 3× the input)** | **{retained / (1024.0 * 1024):0} MB ({retained / (double)bytes:0.00}× the input)** |",
            $"| process peak working set (runtime, corpus generation and every run included) | {peak / (1024.0 * 1024):0} MB ({peak / (double)bytes:0.0}× the input) |",
        ];
        return (lines, summary);
    }

    // How long PyYAML's libyaml binding takes to produce the parse events of the files; null without python3 and libyaml.
    private static async Task<TimeSpan?> LibyamlEventParseAsync(string directory, List<string> files, CancellationToken cancellationToken)
    {
        var list = Path.Combine(directory, "real-shaped.files");
        await File.WriteAllLinesAsync(list, files, cancellationToken);
        var script = Path.Combine(directory, "libyaml_events.py");
        await File.WriteAllTextAsync(script, LibyamlScript, cancellationToken);
        try
        {
            var result = await new ExternalProgram(File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3").ExecuteAsync([script, list], cancellationToken);
            var last = result.StandardOutput.Trim().Split('\n')[^1];
            return result.IsSuccess && double.TryParse(last, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) ? TimeSpan.FromSeconds(seconds) : null;
        }
        catch (ToolNotFoundException)
        {
            return null;
        }
    }

    private static string Ms(TimeSpan time) => time.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture) + " ms";
}
