using System.Diagnostics;
using System.Globalization;
using Benchmarks;
using HomeLab.Assertions.Trees;
using HomeLab.Manifests.Lint;
using HomeLab.Manifests.Objects;
using HomeLab.Manifests.Validation;
using HomeLab.Targets;
using HomeLab.Targets.Components;

partial class Build
{
    /// <summary>What the Benchmark target can measure.</summary>
    public enum BenchmarkKind
    {
        /// <summary>./build.sh --help with nothing changed, beside dotnet run of the same build.</summary>
        Bootstrap,

        /// <summary>Load, validation and lint throughput over a generated corpus, and Verify's wall time on this repository.</summary>
        Manifests,

        /// <summary>Assertion tree evaluations per second on one core.</summary>
        Assertions,

        /// <summary>Validate + Lint of a real-shaped corpus (large objects, CRDs, dashboards) beside libyaml's event-only parse of the same files, and peak memory.</summary>
        RealShaped,
    }

    [Parameter("Benchmark: how many megabytes the real-shaped manifest corpus has.")]
    readonly int RealCorpusMegabytes = 40;

    [Parameter("How many timed runs each benchmark makes.")]
    readonly int BenchmarkRuns = 10;

    [Parameter("Benchmark: what to measure (bootstrap, manifests, assertions); default: all.")]
    readonly BenchmarkKind[] Benchmarks = [];

    [Parameter("Benchmark: how many objects the generated manifest corpus has.")]
    readonly int CorpusSize = 10_000;

    /// <summary>
    /// Measures the speed goals and writes the figures to the summary and .nuke/temp/benchmarks/. Timings are
    /// reported, never asserted: a benchmark on a shared machine is a measurement, not a test.
    /// </summary>
    Target Benchmark => _ => _
        .Description("Measures the speed goals: bootstrap, manifest validation + lint throughput, Verify wall time, assertion evaluation.")
        .Produces(".nuke/temp/benchmarks/**")
        .Executes(async (context, ct) =>
        {
            var kinds = Benchmarks.Length == 0 ? Enum.GetValues<BenchmarkKind>() : Benchmarks;
            var report = new List<string> { $"# Benchmarks ({System.Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC)", string.Empty };
            foreach (var kind in kinds)
            {
                var lines = kind switch
                {
                    BenchmarkKind.Bootstrap => await BenchmarkBootstrapAsync(context, ct),
                    BenchmarkKind.Manifests => await BenchmarkManifestsAsync(context, ct),
                    BenchmarkKind.RealShaped => await BenchmarkRealShapedAsync(context, ct),
                    _ => BenchmarkAssertions(context),
                };
                report.AddRange(lines);
                report.Add(string.Empty);
            }

            var file = TemporaryDirectory / "benchmarks" / "benchmarks.md";
            Directory.CreateDirectory(file.Parent);
            await File.WriteAllLinesAsync(file, report, ct);
            foreach (var line in report)
            {
                context.Info(line);
            }
        });

    async Task<List<string>> BenchmarkBootstrapAsync(TargetContext context, CancellationToken ct)
    {
        var script = RootDirectory / "build.sh";
        string[] help = ["--help", "--no-logo"];
        await TimeAsync("bash", [script, .. help], 1, ct); // warm: builds the build when stale
        var ours = await TimeAsync("bash", [script, .. help], BenchmarkRuns, ct);
        var dotnetRun = await TimeAsync("dotnet", ["run", "--project", RootDirectory / "build" / "_build.csproj", "--", .. help], Math.Max(1, BenchmarkRuns / 3), ct);
        context.AddNote($"build.sh --help median {Ms(Median(ours))} (dotnet run {Ms(Median(dotnetRun))})");
        return
        [
            "## Bootstrap",
            string.Empty,
            "| command | runs | min | median | max |",
            "|---|---:|---:|---:|---:|",
            $"| ./build.sh --help (nothing changed) | {ours.Count} | {Ms(ours.Min())} | {Ms(Median(ours))} | {Ms(ours.Max())} |",
            $"| dotnet run --project build -- --help | {dotnetRun.Count} | {Ms(dotnetRun.Min())} | {Ms(Median(dotnetRun))} | {Ms(dotnetRun.Max())} |",
        ];
    }

    async Task<List<string>> BenchmarkManifestsAsync(TargetContext context, CancellationToken ct)
    {
        // The corpus as a directory of files, the way --path and rendered environments arrive: files load in parallel.
        var corpus = TemporaryDirectory / "benchmarks" / "corpus";
        if (Directory.Exists(corpus))
        {
            Directory.Delete(corpus, recursive: true);
        }

        Directory.CreateDirectory(corpus);
        const int files = 100;
        for (var file = 0; file < files; file++)
        {
            await File.WriteAllTextAsync(corpus / $"{file:D3}.yaml", ManifestCorpus.Generate(CorpusSize / files), ct);
        }

        var validator = new ManifestValidator(new ValidationOptions { KubernetesVersion = "1.32" });
        var linter = Linter.Default;
        TimeSpan load = TimeSpan.MaxValue, validate = TimeSpan.MaxValue, lint = TimeSpan.MaxValue, total = TimeSpan.MaxValue;
        var objects = 0;
        var findings = 0;
        var cold = TimeSpan.Zero;
        for (var run = 0; run <= BenchmarkRuns; run++)
        {
            ct.ThrowIfCancellationRequested();
            var clock = Stopwatch.StartNew();
            var set = await ManifestSet.LoadAsync([corpus], ct);
            var loaded = clock.Elapsed;
            var result = validator.Validate(set.Objects);
            var validated = clock.Elapsed;
            var linted = linter.Lint(set.Objects);
            var done = clock.Elapsed;
            objects = set.Objects.Count;
            findings = result.Findings.Count + linted.Count;
            if (run == 0)
            {
                cold = done; // the first run pays for JIT compilation: reported apart from the warm runs
                continue;
            }

            load = Min(load, loaded);
            validate = Min(validate, validated - loaded);
            lint = Min(lint, done - validated);
            total = Min(total, done);
        }

        var clockVerify = Stopwatch.StartNew();
        var exitCode = await ChildProcess.RunAsync("bash", [RootDirectory / "build.sh", "Verify", "--skip", "StackTests", "--no-logo", "--verbosity", "quiet"], RootDirectory, _ => { }, ct);
        var verify = clockVerify.Elapsed;
        var perSecond = objects / total.TotalSeconds;
        context.AddNote($"{PerSecond(perSecond)} objects/s load+validate+lint; Verify {verify.TotalSeconds:0.0} s");
        return
        [
            $"## Manifests ({objects:N0} generated objects in {files} files, {findings} findings)",
            string.Empty,
            "| stage | best of warm runs | objects/s |",
            "|---|---:|---:|",
            $"| load (source-positioned YAML) | {Ms(load)} | {PerSecond(objects / load.TotalSeconds)} |",
            $"| validate | {Ms(validate)} | {PerSecond(objects / validate.TotalSeconds)} |",
            $"| lint | {Ms(lint)} | {PerSecond(objects / lint.TotalSeconds)} |",
            $"| **load + validate + lint** | {Ms(total)} | **{PerSecond(perSecond)}** |",
            $"| the same, first (cold) run in the process | {Ms(cold)} | {PerSecond(objects / cold.TotalSeconds)} |",
            string.Empty,
            $"Verify on this repository (render every environment, validate, lint, sealed secrets; offline suites skipped): {verify.TotalSeconds:0.0} s, exit {exitCode}.",
        ];
    }

    async Task<List<string>> BenchmarkRealShapedAsync(TargetContext context, CancellationToken ct)
    {
        var corpus = TemporaryDirectory / "benchmarks" / "real-shaped";
        if (Directory.Exists(corpus))
        {
            Directory.Delete(corpus, recursive: true);
        }

        var files = RealShapedCorpus.Write(corpus, RealCorpusMegabytes);
        var bytes = files.Sum(f => new FileInfo(f).Length);
        var validator = new ManifestValidator(new ValidationOptions { KubernetesVersion = "1.32" });
        var best = TimeSpan.MaxValue;
        long retained = 0;
        var objects = 0;
        for (var run = 0; run <= BenchmarkRuns; run++)
        {
            ct.ThrowIfCancellationRequested();
            GC.Collect();
            var clock = Stopwatch.StartNew();
            var scan = await ManifestScan.RunAsync(new ManifestScanOptions { Paths = [corpus] }, ct);
            var set = scan.Objects.ToList();
            validator.Validate(set);
            Linter.Default.Lint(set);
            var elapsed = clock.Elapsed;
            objects = set.Count;
            retained = Math.Max(retained, GC.GetTotalMemory(forceFullCollection: false));
            GC.KeepAlive(set);
            if (run > 0)
            {
                best = Min(best, elapsed); // the first run pays for JIT compilation
            }
        }

        var peak = Process.GetCurrentProcess().PeakWorkingSet64;
        var libyaml = await LibyamlEventParseAsync(files, ct);
        var ratio = libyaml is { } time ? (best / time).ToString("0.00", CultureInfo.InvariantCulture) : "n/a";
        context.AddNote($"real-shaped: Validate+Lint {Ms(best)}, libyaml events {(libyaml is { } l ? Ms(l) : "n/a")}, ratio {ratio}");
        var mb = bytes / (1024.0 * 1024);
        return
        [
            $"## Real-shaped manifests ({objects:N0} objects, {files.Count} files, {mb:0.0} MB: large Deployments, CRDs, dashboards)",
            string.Empty,
            "| measure | value |",
            "|---|---:|",
            $"| scan + validate + lint, best of warm runs | {Ms(best)} ({mb / best.TotalSeconds:0.0} MB/s) |",
            $"| libyaml event-only parse of the same files (PyYAML CParser, one process) | {(libyaml is { } t ? Ms(t) : "python3 with libyaml not found")} |",
            $"| **ratio (ours / libyaml; goal ≤ 1.0)** | **{ratio}** |",
            $"| managed heap after a run (objects alive) | {retained / (1024.0 * 1024):0} MB ({retained / (double)bytes:0.0}× the input) |",
            $"| process peak working set | {peak / (1024.0 * 1024):0} MB ({peak / (double)bytes:0.0}× the input) |",
        ];
    }

    /// <summary>How long PyYAML's libyaml binding takes to produce the parse events of the files; null when there is no python3 with libyaml.</summary>
    async Task<TimeSpan?> LibyamlEventParseAsync(List<string> files, CancellationToken ct)
    {
        var python = File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
        var list = TemporaryDirectory / "benchmarks" / "real-shaped.files";
        await File.WriteAllLinesAsync(list, files, ct);
        const string Script = "import sys, time, yaml\nassert yaml.__with_libyaml__\nfiles = open(sys.argv[1]).read().split()\nbest = None\nfor run in range(3):\n    start = time.perf_counter()\n    for f in files:\n        with open(f, 'rb') as stream:\n            for _ in yaml.parse(stream, Loader=yaml.CSafeLoader):\n                pass\n    took = time.perf_counter() - start\n    best = took if best is None else min(best, took)\nprint(best)\n";
        var script = TemporaryDirectory / "benchmarks" / "libyaml_events.py";
        await File.WriteAllTextAsync(script, Script, ct);
        var output = new List<string>();
        try
        {
            var exitCode = await ChildProcess.RunAsync(python, [script, list], RootDirectory, line => output.Add(line.Text), ct);
            return exitCode == 0 && output.Count > 0 && double.TryParse(output[^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
                ? TimeSpan.FromSeconds(seconds)
                : null;
        }
        catch (Exception exception) when (exception is System.ComponentModel.Win32Exception or IOException)
        {
            return null;
        }
    }

    List<string> BenchmarkAssertions(TargetContext context)
    {
        var tree = AssertionTree.Parse(TypicalAssertion.Tree);
        if (!tree.Evaluate(TypicalAssertion.Actual).IsMatch)
        {
            throw new TargetFailedException("The benchmark's assertion does not match its object: the benchmark itself is broken.");
        }

        for (var i = 0; i < 20_000; i++)
        {
            tree.Evaluate(TypicalAssertion.Actual);
        }

        const int evaluations = 200_000;
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < evaluations; i++)
        {
            tree.Evaluate(TypicalAssertion.Actual);
        }

        var perSecond = evaluations / clock.Elapsed.TotalSeconds;
        context.AddNote($"{PerSecond(perSecond)} assertion evaluations/s");
        return
        [
            "## Assertions",
            string.Empty,
            $"{PerSecond(perSecond)} evaluations/s of a 22-field tree (3 JMESPath expressions, one iteration) on one thread ({evaluations:N0} evaluations in {Ms(clock.Elapsed)}).",
        ];
    }

    static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    static string PerSecond(double value) => value.ToString("N0", CultureInfo.InvariantCulture);

    static async Task<List<TimeSpan>> TimeAsync(string program, string[] arguments, int runs, CancellationToken ct)
    {
        var times = new List<TimeSpan>();
        for (var i = 0; i < runs; i++)
        {
            var clock = Stopwatch.StartNew();
            var exitCode = await ChildProcess.RunAsync(program, arguments, Directory.GetCurrentDirectory(), _ => { }, ct);
            times.Add(clock.Elapsed);
            if (exitCode != 0)
            {
                throw new TargetFailedException($"{program} {string.Join(' ', arguments)} exited with {exitCode}.");
            }
        }

        return times;
    }

    static TimeSpan Median(List<TimeSpan> times) => times.Order().ElementAt(times.Count / 2);

    static string Ms(TimeSpan time) => time.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture) + " ms";
}
