using System.Diagnostics;
using System.Globalization;
using HomeLab.Targets;
using HomeLab.Targets.Components;

partial class Build
{
    [Parameter("How many timed runs each benchmark makes.")]
    readonly int BenchmarkRuns = 10;

    /// <summary>
    /// Measures the bootstrap: `./build.sh --help` with nothing changed, beside `dotnet run` of the same build
    /// (what a NUKE-style bootstrap pays on every call). Results go to the summary and .nuke/temp/benchmarks.
    /// </summary>
    Target Benchmark => _ => _
        .Description("Measures ./build.sh --help with nothing changed, beside dotnet run of the same build.")
        .Executes(async (context, ct) =>
        {
            var script = RootDirectory / "build.sh";
            string[] help = ["--help", "--no-logo"];
            await TimeAsync("bash", [script, .. help], 1, ct); // warm: builds the build when stale
            var ours = await TimeAsync("bash", [script, .. help], BenchmarkRuns, ct);
            var dotnetRun = await TimeAsync("dotnet", ["run", "--project", RootDirectory / "build" / "_build.csproj", "--", .. help], Math.Max(1, BenchmarkRuns / 3), ct);
            var report = $"""
                # Bootstrap benchmark ({Environment.GetValueOrDefault("HOSTNAME", "this machine")}, {System.Environment.ProcessorCount} cores)

                | command | runs | min | median | max |
                |---|---:|---:|---:|---:|
                | ./build.sh --help (nothing changed) | {ours.Count} | {Ms(ours.Min())} | {Ms(Median(ours))} | {Ms(ours.Max())} |
                | dotnet run --project build -- --help | {dotnetRun.Count} | {Ms(dotnetRun.Min())} | {Ms(Median(dotnetRun))} | {Ms(dotnetRun.Max())} |
                """;
            var file = TemporaryDirectory / "benchmarks" / "bootstrap.md";
            Directory.CreateDirectory(file.Parent);
            await File.WriteAllTextAsync(file, report + "\n", ct);
            context.Info(report);
            context.AddNote($"build.sh --help median {Ms(Median(ours))}, dotnet run median {Ms(Median(dotnetRun))}");
        });

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
