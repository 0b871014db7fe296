using System.Globalization;
using System.Text;
using HomeLab.Assertions;
using HomeLab.Assertions.Chainsaw;
using HomeLab.Assertions.Cluster;
using HomeLab.Assertions.Reports;
using HomeLab.Assertions.Running;
using HomeLab.Assertions.Sources;
using HomeLab.Assertions.Steps;
using HomeLab.Pipeline.ClusterAccess;
using HomeLab.Pipeline.Manifests;
using HomeLab.Pipeline.Solution;
using HomeLab.Targets;

namespace HomeLab.Pipeline.Suites;

/// <summary>
/// A component: the stack's suites — Chainsaw-format tests (offline against what Render produced, live against the
/// cluster) and the C# suites of the stack's test project.
/// </summary>
public interface IStackTests : IVerifyManifests, IClusterAccess
{
    /// <summary>Which suites run.</summary>
    [Parameter("Test: which suites run: all, offline (rendered manifests) or live (the cluster).")]
    TestTier Tier => TryGetValue<TestTier?>(() => Tier) ?? TestTier.All;

    /// <summary>Text a test's name must contain.</summary>
    [Parameter("Test: run only tests whose name contains this text.")]
    string? TestFilter => TryGetValue(() => TestFilter);

    /// <summary>Tags a C# suite test must have one of.</summary>
    [Parameter("Test: run only C# suite tests with one of these tags (xunit [Trait(\"tag\", ...)]).")]
    string[] Tag => TryGetValue(() => Tag) ?? [];

    /// <summary>The Chainsaw tests: <c>offline/&lt;environment&gt;/</c> and <c>live/</c> under it.</summary>
    AbsolutePath ChainsawTests => RootDirectory / "tests" / "chainsaw";

    /// <summary>The stack's C# suites.</summary>
    AbsolutePath StackTestProject => RootDirectory / "tests" / "HomeLab.Stack.Tests" / "HomeLab.Stack.Tests.csproj";

    /// <summary>Where JUnit, JSON and TRX results go.</summary>
    AbsolutePath TestResults => TemporaryDirectory / "test-results";

    /// <summary>Runs the stack's offline C# suites inside the build, against what Render produced.</summary>
    Target StackTests => _ => _
        .Description("Runs the stack's offline C# suites (tests/HomeLab.Stack.Tests, tier offline) in the build process against what Render produced.")
        .OnlyWhenStatic(() => File.Exists(StackTestProject), "no tests/HomeLab.Stack.Tests")
        .OnlyWhenStatic(() => ManifestPaths.Length == 0, "--path checks only the given paths")
        .ProceedAfterFailure()
        .DependsOn(Render)
        .Executes(async (context, ct) =>
        {
            // In-process, against the sets Render produced: the suites' assembly ships with the build (build/_build.csproj references it).
            var sets = Rendered.All.Where(s => s.Rendered is not null).ToDictionary(s => s.Name, s => s.Rendered!, StringComparer.Ordinal);
            var started = Time.GetTimestamp();
            var outcomes = await new InProcessSuites(RootDirectory, Catalog, sets).RunAsync(LoadSuites(), "offline", TestFilter, ct);
            foreach (var failed in outcomes.Where(o => o.Failure is not null))
            {
                context.Report(new BuildAnnotation(AnnotationSeverity.Error, $"stack test {failed.Name} failed: {failed.Failure}", Title: "test/failed"));
            }

            var failures = outcomes.Count(o => o.Failure is not null);
            context.AddNote(SuiteTally.Of("stack suites", outcomes, Time.GetElapsedTime(started)).ToString());
            if (failures > 0)
            {
                throw new TargetFailedException($"{failures} stack tests failed; hint: dotnet test {StackTestProject} --filter tier=offline shows them in detail");
            }
        });

    /// <summary>The stack suites' assembly, which the build carries beside itself.</summary>
    /// <returns>The assembly.</returns>
    static System.Reflection.Assembly LoadSuites()
    {
        try
        {
            return System.Reflection.Assembly.Load(new System.Reflection.AssemblyName("HomeLab.Stack.Tests"));
        }
        catch (FileNotFoundException exception)
        {
            throw new TargetFailedException($"the stack suites are not part of this build ({exception.Message}); hint: build/_build.csproj must reference tests/HomeLab.Stack.Tests");
        }
    }

    /// <summary>Runs the suites.</summary>
    Target Test => _ => _
        .Description("Runs the suites: Chainsaw tests in tests/chainsaw (offline/<env> against rendered manifests, live/ against the cluster) and the C# stack suites; JUnit and JSON in .nuke/temp/test-results.")
        .DependsOn(Render)
        .Exclusive("cluster")
        .Produces(".nuke/temp/test-results/**")
        .Executes(async (context, ct) =>
        {
            if (Tier == TestTier.Live && await ProbeClusterAsync(ct) is { IsReachable: false } unreachable)
            {
                // Asking for the live tier only, and getting no test at all, must not look like a success.
                throw new TargetFailedException($"--tier live needs a cluster, and none answered: {unreachable.Reason}; hint: ./build.sh ClusterUp Test --tier live, or point KUBECONFIG at a cluster");
            }

            Directory.CreateDirectory(TestResults);
            var reports = new List<TestReport>();
            var started = Time.GetTimestamp();
            if (Tier != TestTier.Live)
            {
                foreach (var set in Rendered.All)
                {
                    var tests = LoadChainsaw(context, ChainsawTests / "offline" / set.Name);
                    if (tests.Count > 0)
                    {
                        var cluster = new ClusterUnderTest(new ManifestSource(set.Objects, $"rendered {set.Name}"), timeProvider: Time);
                        reports.AddRange((await new TestRunner(cluster).RunAsync(tests, ct)).Tests);
                    }
                }
            }

            if (Tier != TestTier.Offline)
            {
                var live = LoadChainsaw(context, ChainsawTests / "live");
                if (live.Count > 0)
                {
                    var reachability = await ProbeClusterAsync(ct);
                    if (!reachability.IsReachable)
                    {
                        context.Report(new BuildAnnotation(AnnotationSeverity.Warning, $"{live.Count} live Chainsaw tests skipped: no cluster answered ({reachability.Reason}). Run ./build.sh ClusterUp Test, or point KUBECONFIG at one."));
                    }
                    else
                    {
                        using var connection = ConnectToCluster();
                        var source = new ClusterSource(connection, Time);
                        var cluster = new ClusterUnderTest(source, new ClusterOperations(source, Time), Time);
                        reports.AddRange((await new TestRunner(cluster).RunAsync(live, ct)).Tests);
                    }
                }
            }

            var run = new RunReport(reports, TimeSpan.FromTicks(reports.Sum(r => r.Duration.Ticks)));
            await File.WriteAllTextAsync(TestResults / "chainsaw.junit.xml", ReportWriter.ToJUnit(run, "HomeLab stack"), ct);
            await File.WriteAllTextAsync(TestResults / "chainsaw.json", ReportWriter.ToJson(run), ct);
            foreach (var failed in reports.Where(r => r.Status == ReportStatus.Failed))
            {
                context.Info(ReportWriter.Narrate(failed));
                context.Report(new BuildAnnotation(AnnotationSeverity.Error, $"test {failed.Name} failed: {string.Join("; ", failed.Failures)}", Title: "test/failed"));
            }

            var tallies = new List<SuiteTally>
            {
                new("chainsaw", reports.Count(r => r.Status == ReportStatus.Passed), reports.Count(r => r.Status == ReportStatus.Failed), reports.Count(r => r.Status == ReportStatus.Skipped), Time.GetElapsedTime(started)),
            };
            TargetFailedException? suitesFailed = null;
            IReadOnlyList<SuiteOutcome> suites = [];
            if (File.Exists(StackTestProject))
            {
                (suites, suitesFailed, var duration) = await RunStackSuitesAsync(ct);
                tallies.Add(SuiteTally.Of("C# suites", suites, duration));
                ReportTagSelection(context, suites.Count);
            }

            context.AddNote(string.Join("; ", tallies) + (tallies.Count > 1 ? $"; {SuiteTally.Total(tallies)}" : string.Empty));
            if (Environment.TryGetValue("GITHUB_STEP_SUMMARY", out var summary) && summary.Length > 0)
            {
                await File.AppendAllTextAsync(summary, SuiteTally.ToMarkdown(tallies) + "\n" + StepSummary(reports) + "\n" + SuiteFailures(suites), ct);
            }

            var failedSuites = suites.Where(o => o.Failure is not null).ToList();
            if (failedSuites.Count > 0)
            {
                throw new TargetFailedException($"{failedSuites.Count} C# suite tests failed ({string.Join(", ", failedSuites.Take(3).Select(o => o.Name))}{(failedSuites.Count > 3 ? ", …" : string.Empty)}); hint: {TestResults / StackSuitesTrx} has each failure");
            }

            if (suitesFailed is not null)
            {
                throw suitesFailed;
            }
        });

    /// <summary>A tag of <c>--tag</c> that no C# suite test has, or tags that leave no test of the tier, select nothing: say so rather than pass on zero tests.</summary>
    /// <param name="context">The running target.</param>
    /// <param name="ran">How many C# suite tests ran.</param>
    private void ReportTagSelection(TargetContext context, int ran)
    {
        if (Tag.Length == 0)
        {
            return;
        }

        IReadOnlyList<string> unknown = [];
        try
        {
            var known = SuiteTags.Of(LoadSuites());
            unknown = SuiteTags.Unknown(Tag, known);
            if (unknown.Count > 0)
            {
                var requested = Tag.Distinct(StringComparer.Ordinal).Count();
                context.Report(new BuildAnnotation(SuiteTags.Severity(unknown.Count, requested), SuiteTags.Note(unknown, requested, known), Title: "test/unknown-tag"));
            }
        }
        catch (TargetFailedException)
        {
            // A build without the suites' assembly cannot tell which tags exist; the count below still speaks.
        }

        if (ran == 0 && unknown.Count < Tag.Distinct(StringComparer.Ordinal).Count())
        {
            context.Report(new BuildAnnotation(AnnotationSeverity.Warning, SuiteTags.NothingSelected(Tag, Tier.ToString().ToLowerInvariant()), Title: "test/unknown-tag"));
        }
    }

    /// <summary>The TRX file the C# suites' <c>dotnet test</c> writes into <see cref="TestResults"/>.</summary>
    private const string StackSuitesTrx = "stack-suites.trx";

    /// <summary>Runs the stack's C# suites in <c>dotnet test</c> and reads their results back from its TRX file.</summary>
    /// <param name="cancellationToken">Stops dotnet test.</param>
    /// <returns>The outcomes, dotnet test's failure when it failed, and how long it took.</returns>
    private async Task<(IReadOnlyList<SuiteOutcome> Outcomes, TargetFailedException? Failure, TimeSpan Duration)> RunStackSuitesAsync(CancellationToken cancellationToken)
    {
        var trx = TestResults / StackSuitesTrx;
        File.Delete(trx);
        var filter = StackTestFilter.For(Tier, TestFilter, Tag);
        string[] filterArguments = filter.Length == 0 ? [] : ["--filter", filter];
        var started = Time.GetTimestamp();
        TargetFailedException? failure = null;
        try
        {
            await DotNetCommand.RunAsync(RootDirectory, ["test", StackTestProject, "--nologo", "--logger", $"trx;LogFileName={StackSuitesTrx}", "--results-directory", TestResults, .. filterArguments], cancellationToken);
        }
        catch (TargetFailedException exception)
        {
            // A failing test makes dotnet test exit non-zero: count the results first, then fail.
            failure = exception;
        }

        var duration = Time.GetElapsedTime(started);
        if (!File.Exists(trx))
        {
            return ([], failure ?? new TargetFailedException($"dotnet test wrote no results to {trx}"), duration);
        }

        try
        {
            return (TrxResults.Read(trx), failure, duration);
        }
        catch (InvalidDataException exception)
        {
            return ([], new TargetFailedException(exception.Message), duration);
        }
    }

    /// <summary>The failed C# suite tests as Markdown for the GitHub Actions step summary.</summary>
    /// <param name="outcomes">The C# suites' outcomes.</param>
    /// <returns>The Markdown; empty when none failed.</returns>
    static string SuiteFailures(IEnumerable<SuiteOutcome> outcomes)
    {
        var failed = outcomes.Where(o => o.Failure is not null).ToList();
        return failed.Count == 0
            ? string.Empty
            : "### Failed C# suite tests\n\n" + string.Concat(failed.Select(o => $"- `{o.Name}`: {o.Failure!.Split('\n')[0].Replace("|", "\\|", StringComparison.Ordinal)}\n"));
    }

    /// <summary>The Chainsaw results as a Markdown table for the GitHub Actions step summary.</summary>
    /// <param name="reports">The results.</param>
    /// <returns>The Markdown.</returns>
    static string StepSummary(IEnumerable<TestReport> reports)
    {
        ArgumentNullException.ThrowIfNull(reports);
        var table = new StringBuilder("### Chainsaw tests\n\n| test | status | duration | failures |\n|---|---|---:|---|\n");
        foreach (var test in reports)
        {
            table.AppendLine(CultureInfo.InvariantCulture, $"| {test.Name} | {test.Status} | {test.Duration.TotalSeconds:0.00} s | {string.Join("; ", test.Failures).Replace("|", "\\|", StringComparison.Ordinal)} |");
        }

        return table.ToString();
    }

    private List<TestDefinition> LoadChainsaw(TargetContext context, string directory)
    {
        if (!Directory.Exists(directory))
        {
            return [];
        }

        try
        {
            return [.. ChainsawTestLoader.LoadDirectory(directory).Where(t => TestFilter is null || t.Name.Contains(TestFilter, StringComparison.OrdinalIgnoreCase))];
        }
        catch (ChainsawFormatException exception)
        {
            context.Report(new BuildAnnotation(AnnotationSeverity.Error, exception.Message, directory, null, null, "test/format"));
            return [];
        }
    }
}
