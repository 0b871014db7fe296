using System.Diagnostics;
using System.Globalization;
using HomeLab.Assertions.Trees;
using HomeLab.Manifests.Lint;
using HomeLab.Manifests.Objects;
using HomeLab.Manifests.Validation;
using HomeLab.Targets;
using HomeLab.Tools;

namespace HomeLab.Pipeline.Benchmarks;

/// <summary>
/// A component: measures the speed goals and writes the figures to the summary and <c>.nuke/temp/benchmarks/</c>.
/// Timings are reported, never asserted: a benchmark on a shared machine is a measurement, not a test.
/// </summary>
public interface IBenchmark : IPipelineBuild
{
    /// <summary>How many timed runs each benchmark makes.</summary>
    [Parameter("How many timed runs each benchmark makes.")]
    int BenchmarkRuns => TryGetValue<int?>(() => BenchmarkRuns) ?? 10;

    /// <summary>What to measure; empty measures everything.</summary>
    [Parameter("Benchmark: what to measure (bootstrap, manifests, assertions, realshaped, buildscript, update); default: all.")]
    BenchmarkKind[] Benchmarks => TryGetValue(() => Benchmarks) ?? [];

    /// <summary>How many megabytes the real-shaped corpus has.</summary>
    [Parameter("Benchmark: how many megabytes the real-shaped manifest corpus has.")]
    int RealCorpusMegabytes => TryGetValue<int?>(() => RealCorpusMegabytes) ?? 40;

    /// <summary>How many objects the generated corpus has.</summary>
    [Parameter("Benchmark: how many objects the generated manifest corpus has.")]
    int CorpusSize => TryGetValue<int?>(() => CorpusSize) ?? 10_000;

    /// <summary>Measures the speed goals.</summary>
    Target Benchmark => _ => _
        .Description("Measures the speed goals: bootstrap, manifest validation + lint throughput, ./build.sh warm/cold/one-file-changed, assertion evaluation, VerifyUpdate on a one-chart bump.")
        .Produces(".nuke/temp/benchmarks/**")
        .Executes(async (context, ct) =>
        {
            var kinds = Benchmarks.Length == 0 ? Enum.GetValues<BenchmarkKind>() : Benchmarks;
            var report = new List<string> { $"# Benchmarks ({System.Environment.ProcessorCount} cores, {Time.GetUtcNow():yyyy-MM-dd HH:mm} UTC)", string.Empty };
            foreach (var kind in kinds)
            {
                var lines = kind switch
                {
                    BenchmarkKind.Bootstrap => await BenchmarkBootstrapAsync(context, ct),
                    BenchmarkKind.Manifests => await BenchmarkManifestsAsync(context, ct),
                    BenchmarkKind.RealShaped => await BenchmarkRealShapedAsync(context, ct),
                    BenchmarkKind.BuildScript => await BenchmarkVerifyAsync(context, ct),
                    BenchmarkKind.Update => await BenchmarkUpdateAsync(context, ct),
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

    private async Task<List<string>> BenchmarkBootstrapAsync(TargetContext context, CancellationToken ct)
    {
        var script = RootDirectory / "build.sh";
        string[] help = ["--help", "--no-logo"];
        var bash = new ExternalProgram("bash");
        await TimeAsync(bash, [script, .. help], 1, ct); // warm: builds the build when stale
        var ours = await TimeAsync(bash, [script, .. help], BenchmarkRuns, ct);
        var dotnetRun = await TimeAsync(new ExternalProgram("dotnet"), ["run", "--project", RootDirectory / "build" / "_build.csproj", "--", .. help], Math.Max(1, BenchmarkRuns / 3), ct);
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

    private async Task<List<string>> BenchmarkManifestsAsync(TargetContext context, CancellationToken ct)
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

        var validator = new ManifestValidator(ValidationOptions.Default);
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
        var exitCode = await new ExternalProgram("bash").WithWorkingDirectory(RootDirectory)
            .StreamAsync([RootDirectory / "build.sh", "Verify", "--skip", "StackTests", "--no-logo", "--verbosity", "quiet"], _ => { }, ct);
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

    private async Task<List<string>> BenchmarkRealShapedAsync(TargetContext context, CancellationToken ct)
    {
        var (lines, summary) = await RealShapedBenchmark.RunAsync(TemporaryDirectory / "benchmarks", RealCorpusMegabytes, BenchmarkRuns, ct);
        context.AddNote(summary);
        return lines;
    }

    private async Task<List<string>> BenchmarkVerifyAsync(TargetContext context, CancellationToken ct)
    {
        var (lines, summary) = await VerifyBenchmark.RunAsync(RootDirectory, Math.Max(3, BenchmarkRuns / 3), ct);
        context.AddNote(summary);
        return lines;
    }

    private async Task<List<string>> BenchmarkUpdateAsync(TargetContext context, CancellationToken ct)
    {
        var (lines, summary) = await Updates.UpdateBenchmark.RunAsync(RootDirectory, Math.Max(3, BenchmarkRuns / 3), ct);
        context.AddNote(summary);
        return lines;
    }

    private static List<string> BenchmarkAssertions(TargetContext context)
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

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private static string PerSecond(double value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static async Task<List<TimeSpan>> TimeAsync(ExternalProgram program, string[] arguments, int runs, CancellationToken ct)
    {
        var times = new List<TimeSpan>();
        for (var i = 0; i < runs; i++)
        {
            var clock = Stopwatch.StartNew();
            var exitCode = await program.StreamAsync(arguments, _ => { }, ct);
            times.Add(clock.Elapsed);
            if (exitCode != 0)
            {
                throw new TargetFailedException($"{program.ExecutablePath} {string.Join(' ', arguments)} exited with {exitCode}.");
            }
        }

        return times;
    }

    private static TimeSpan Median(List<TimeSpan> times) => times.Order().ElementAt(times.Count / 2);

    private static string Ms(TimeSpan time) => time.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture) + " ms";
}
