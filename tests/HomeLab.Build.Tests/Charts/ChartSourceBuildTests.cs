using HomeLab.Manifests.Tests.Rendering;
using HomeLab.Targets;
using HomeLab.Tools;

namespace HomeLab.Build.Tests.Charts;

/// <summary>
/// Remote charts end to end on a small repository whose environment has one Application with a remote chart, served by a
/// chart repository on 127.0.0.1: SyncCharts fills the cache, Render says in one line what it could not render,
/// --require-complete fails, and Validate and Lint still check what did render.
/// </summary>
public sealed class ChartSourceBuildTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("homelab-charts-").FullName;
    private readonly string work = Directory.CreateTempSubdirectory("homelab-charts-served-").FullName;

    public ChartSourceBuildTests()
    {
        var fixture = Path.Combine(AppContext.BaseDirectory, "Fixtures", "clean");
        foreach (var file in Directory.GetFiles(fixture, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(root, Path.GetRelativePath(fixture, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        File.AppendAllText(Path.Combine(root, "clusters", "dev", "environment.yaml"), "  applications: [../../apps]\n");
    }

    private string Cache => Path.Combine(work, "cache");

    public void Dispose()
    {
        Directory.Delete(root, recursive: true);
        Directory.Delete(work, recursive: true);
    }

    [SkippableFact]
    public async Task Offline_render_says_in_one_visible_line_how_many_Applications_were_not_rendered_and_how_to_get_them()
    {
        WriteApplication("http://127.0.0.1:1/charts", "1.2.3");

        var (exitCode, output) = await RunAsync("Render", "Validate", "Lint", "--offline");

        exitCode.Should().Be(0, output);
        output.Should().Contain("warning: not rendered: 1 Application on dev (their charts are not in ")
            .And.Contain("and the network is off); run ./build.sh SyncCharts to fetch them");
        output.Should().MatchRegex(@"Lint\s+Succeeded");
    }

    [SkippableFact]
    public async Task Require_complete_fails_Render_and_Validate_and_Lint_still_check_what_rendered()
    {
        WriteApplication("http://127.0.0.1:1/charts", "1.2.3");

        var (exitCode, output) = await RunAsync("Render", "Validate", "Lint", "--offline", "--require-complete");

        exitCode.Should().Be(1, output);
        output.Should().MatchRegex(@"Render\s+Failed.*--require-complete: not rendered: 1 Application on dev");
        output.Should().MatchRegex(@"Validate\s+Failed.*4 validated, 1 unvalidated");
        output.Should().MatchRegex(@"Lint\s+Failed.*5 objects linted");
        output.Should().NotContain("dependency Render failed, ");
    }

    [SkippableFact]
    public async Task One_Application_s_render_error_fails_the_build_but_Validate_and_Lint_check_everything_else()
    {
        await using var repository = await LoopbackChartRepository.StartAsync(LocateHelm(), work, "demo", "1.2.3");
        WriteApplication(repository.Url, "1.2.4");

        var (exitCode, output) = await RunAsync("Verify", "--skip", "StackTests", "VerifySealedSecrets");

        exitCode.Should().Be(1, output);
        output.Should().Contain("does not serve version 1.2.4 of demo");
        output.Should().MatchRegex(@"Validate\s+Failed.*4 validated, 1 unvalidated");
        output.Should().MatchRegex(@"Lint\s+Failed.*5 objects linted");
        output.Should().MatchRegex(@"Verify\s+Failed.*1 error");
    }

    [SkippableFact]
    public async Task SyncCharts_fills_the_chart_cache_so_that_an_offline_render_has_every_chart()
    {
        var helm = LocateHelm();
        await using var repository = await LoopbackChartRepository.StartAsync(helm, work, "demo", "1.2.3");
        WriteApplication(repository.Url, "1.2.3");

        var (synced, syncOutput) = await RunAsync("SyncCharts");
        var (rendered, renderOutput) = await RunAsync("Render", "--offline", "--require-complete");

        synced.Should().Be(0, syncOutput);
        syncOutput.Should().MatchRegex(@"SyncCharts\s+Succeeded.*1 chart package in ");
        rendered.Should().Be(0, renderOutput);
        renderOutput.Should().NotContain("not rendered").And.MatchRegex(@"Render\s+Succeeded.*dev: \d+ objects");
    }

    [SkippableFact]
    public async Task SyncCharts_pulls_through_a_mirror_and_caches_the_chart_as_the_repository_s()
    {
        var helm = LocateHelm();
        const string Upstream = "http://127.0.0.1:1/charts";
        WriteApplication(Upstream, "1.2.3");
        await using (var mirror = await LoopbackChartRepository.StartAsync(helm, work, "demo", "1.2.3"))
        {
            var (synced, output) = await RunAsync("SyncCharts", "--chart-mirror", $"{Upstream}={mirror.Url}");

            synced.Should().Be(0, output);
            mirror.Requests.Should().NotBeEmpty();
        }

        var (rendered, renderOutput) = await RunAsync("Render", "--offline", "--require-complete");
        rendered.Should().Be(0, renderOutput);
    }

    [SkippableFact]
    public async Task SyncCharts_fails_on_a_pinned_version_the_repository_does_not_serve_naming_the_line_and_the_versions_it_has()
    {
        var helm = LocateHelm();
        await using var repository = await LoopbackChartRepository.StartAsync(helm, work, "demo", "1.2.3");
        WriteApplication(repository.Url, "1.2.4");

        var (exitCode, output) = await RunAsync("SyncCharts");

        exitCode.Should().Be(1, output);
        output.Should().Contain("apps/demo.yaml").And.Contain("does not serve version 1.2.4 of demo").And.Contain("versions 1.2.3");
    }

    [SkippableFact]
    public async Task SyncCharts_fails_when_a_repository_cannot_be_reached()
    {
        var helm = LocateHelm();
        WriteApplication("http://127.0.0.1:1/charts", "1.2.3");

        var (exitCode, output) = await RunAsync("SyncCharts");

        exitCode.Should().Be(1, output);
        output.Should().Contain("apps/demo.yaml").And.Contain("could not be fetched").And.Contain("--chart-mirror");
    }

    private static Helm LocateHelm()
    {
        try
        {
            return Helm.Locate(repositoryRoot: Repository.Root);
        }
        catch (ToolNotFoundException exception)
        {
            Skip.If(true, $"helm is needed: {exception.Message} ({exception.Hint})");
            throw;
        }
    }

    private static bool OnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator).Any(d => File.Exists(Path.Combine(d, tool)));

    private void WriteApplication(string repositoryUrl, string version)
    {
        Directory.CreateDirectory(Path.Combine(root, "apps"));
        File.WriteAllText(Path.Combine(root, "apps", "demo.yaml"), $"""
            apiVersion: argoproj.io/v1alpha1
            kind: Application
            metadata:
              name: demo
              namespace: argocd
            spec:
              project: default
              destination:
                server: https://kubernetes.default.svc
                namespace: demo
              source:
                repoURL: {repositoryUrl}
                chart: demo
                targetRevision: {version}
            """);
    }

    private async Task<(int ExitCode, string Output)> RunAsync(params string[] arguments)
    {
        Skip.If(!OnPath("kubectl"), "rendering needs kubectl (with kustomize) on PATH");
        using var output = new StringWriter();
        var exitCode = await BuildRunner.RunAsync(
            new BuildRunSettings { Arguments = [.. arguments, "--helm-exe", LocateHelm().ExecutablePath, "--chart-cache", Cache, "--root", root, "--no-logo"], Output = output, WorkingDirectory = root, WriteSchema = false },
            new global::Build(),
            global::Build.Defaults);
        return (exitCode, output.ToString());
    }
}
