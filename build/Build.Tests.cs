using HomeLab.Assertions;
using HomeLab.Assertions.Chainsaw;
using HomeLab.Assertions.Cluster;
using HomeLab.Assertions.Reports;
using HomeLab.Assertions.Running;
using HomeLab.Assertions.Sources;
using HomeLab.Assertions.Steps;
using HomeLab.Cluster.Client;
using HomeLab.Targets;

/// <summary>The stack's suites: Chainsaw-format tests and the C# suites, offline and live.</summary>
partial class Build
{
    /// <summary>Which suites Test runs.</summary>
    public enum TestTier
    {
        /// <summary>Offline and, where a cluster answers, live.</summary>
        All,

        /// <summary>Checks of the rendered manifests only.</summary>
        Offline,

        /// <summary>Checks against the cluster only.</summary>
        Live,
    }

    [Parameter("Test: which suites run: all, offline (rendered manifests) or live (the cluster).")]
    readonly TestTier Tier = TestTier.All;

    [Parameter("Test: run only tests whose name contains this text.")]
    readonly string? TestFilter;

    [Parameter("Test: run only C# suite tests with one of these tags (xunit [Trait(\"tag\", ...)]).")]
    readonly string[] Tag = [];

    AbsolutePath ChainsawTests => RootDirectory / "tests" / "chainsaw";

    AbsolutePath StackTestProject => RootDirectory / "tests" / "HomeLab.Stack.Tests" / "HomeLab.Stack.Tests.csproj";

    AbsolutePath TestResults => TemporaryDirectory / "test-results";

    Target StackTests => _ => _
        .Description("Runs the stack's offline C# suites (tests/HomeLab.Stack.Tests, tier offline).")
        .OnlyWhenStatic(() => File.Exists(StackTestProject), "no tests/HomeLab.Stack.Tests")
        .ProceedAfterFailure()
        .Executes(ct => DotNet(ct, "test", StackTestProject, "--nologo", "--filter", "tier=offline", "--logger", "console;verbosity=minimal"));

    Target Test => _ => _
        .Description("Runs the suites: Chainsaw tests in tests/chainsaw (offline/<env> against rendered manifests, live/ against the cluster) and the C# stack suites; JUnit and JSON in .nuke/temp/test-results.")
        .DependsOn(Render)
        .Exclusive("cluster")
        .Produces(".nuke/temp/test-results/**")
        .Executes(async (context, ct) =>
        {
            Directory.CreateDirectory(TestResults);
            var reports = new List<TestReport>();
            if (Tier != TestTier.Live)
            {
                foreach (var set in checkedSets)
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
                    var reachability = await ClusterConnection.TryConnectAsync(new ClusterConnectionOptions { Context = KubeContext }, ct);
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

            context.AddNote($"chainsaw: {reports.Count(r => r.Status == ReportStatus.Passed)} passed, {reports.Count(r => r.Status == ReportStatus.Failed)} failed, {reports.Count(r => r.Status == ReportStatus.Skipped)} skipped");
            if (GitHubStepSummary is { } summary)
            {
                var table = new System.Text.StringBuilder("### Chainsaw tests\n\n| test | status | duration | failures |\n|---|---|---:|---|\n");
                foreach (var test in reports)
                {
                    table.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"| {test.Name} | {test.Status} | {test.Duration.TotalSeconds:0.00} s | {string.Join("; ", test.Failures).Replace("|", "\\|", StringComparison.Ordinal)} |");
                }

                await File.AppendAllTextAsync(summary, table.ToString() + "\n", ct);
            }

            if (File.Exists(StackTestProject))
            {
                var filter = StackTestFilter(Tier, TestFilter, Tag);
                string[] filterArguments = filter.Length == 0 ? [] : ["--filter", filter];
                await DotNet(ct, ["test", StackTestProject, "--nologo", "--logger", "trx", "--results-directory", TestResults, .. filterArguments]);
            }
        });

    /// <summary>The dotnet test filter for the selected tier, name and tags, all of which must hold.</summary>
    internal static string StackTestFilter(TestTier tier, string? name, IReadOnlyList<string> tags)
    {
        var parts = new List<string>();
        if (tier != TestTier.All)
        {
            parts.Add(tier == TestTier.Offline ? "tier=offline" : "tier=live");
        }

        if (name is not null)
        {
            parts.Add($"FullyQualifiedName~{name}");
        }

        if (tags.Count > 0)
        {
            parts.Add("(" + string.Join('|', tags.Select(tag => $"tag={tag}")) + ")");
        }

        return string.Join('&', parts);
    }

    string? GitHubStepSummary => Environment.TryGetValue("GITHUB_STEP_SUMMARY", out var path) && path.Length > 0 ? path : null;

    List<TestDefinition> LoadChainsaw(TargetContext context, string directory)
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
