using HomeLab.Manifests.Rendering;
using HomeLab.Pipeline.Charts;
using HomeLab.Pipeline.Findings;
using HomeLab.Pipeline.Manifests;
using HomeLab.Pipeline.Tests.Support;
using HomeLab.Targets;

namespace HomeLab.Pipeline.Tests.Charts;

/// <summary>A build with the chart sources component and one target that shows the render options it gives Render.</summary>
internal sealed class ChartSourcesBuild : BuildBase, IChartSources
{
    public FindingLedger Findings { get; } = new();

    public CheckedSets Rendered { get; } = new();

    public RenderOptions? Seen { get; private set; }

    public Target Show => _ => _.Executes(() => Seen = ((IVerifyManifests)this).RenderSettings);
}

public sealed class ChartSourcesParameterTests : IDisposable
{
    private readonly BuildSandbox sandbox = new("homelab-chart-sources-");

    private string root => sandbox.Root;

    public void Dispose() => sandbox.Dispose();

    private Task<(int ExitCode, string Output, ChartSourcesBuild Build)> RunAsync(params string[] arguments) => sandbox.RunAsync<ChartSourcesBuild>(x => x.Show, arguments);

    [Fact]
    public async Task Render_keeps_the_default_chart_cache_and_no_mirror_when_none_is_given()
    {
        var (exitCode, output, build) = await RunAsync("Show");

        exitCode.Should().Be(0, output);
        build.Seen!.ChartCacheDirectoryOrDefault.Should().Be(Path.Combine(root, ".nuke", "cache", "charts"));
        build.Seen.ChartMirrors.Should().BeEmpty();
        build.Seen.AllowNetwork.Should().BeTrue();
    }

    [Fact]
    public async Task Chart_cache_and_repeated_chart_mirrors_reach_the_render_options()
    {
        var cache = Path.Combine(root, "charts");

        var (exitCode, output, build) = await RunAsync(
            "Show", "--chart-cache", cache, "--offline",
            "--chart-mirror", "https://charts.example.com=http://mirror.lan/charts", "https://grafana.github.io/helm-charts=oci://registry.lan/grafana");

        exitCode.Should().Be(0, output);
        build.Seen!.ChartCacheDirectory.Should().Be(cache);
        build.Seen.AllowNetwork.Should().BeFalse();
        build.Seen.ChartMirrors.Should().BeEquivalentTo(new Dictionary<string, string>
        {
            ["https://charts.example.com"] = "http://mirror.lan/charts",
            ["https://grafana.github.io/helm-charts"] = "oci://registry.lan/grafana",
        });
    }

    [Theory]
    [InlineData("http://mirror.lan/charts")]
    [InlineData("https://charts.example.com=")]
    [InlineData("=http://mirror.lan/charts")]
    [InlineData("https://charts.example.com=mirror.lan/charts")]
    public async Task A_malformed_chart_mirror_is_a_usage_error_naming_the_option_before_anything_runs(string mirror)
    {
        var (exitCode, output, build) = await RunAsync("Show", "--chart-mirror", mirror);

        exitCode.Should().NotBe(0);
        output.Should().Contain("--chart-mirror").And.Contain("<repoURL>=<url>").And.NotContain("   at ");
        build.Seen.Should().BeNull("nothing runs after a usage error");
    }

    [Fact]
    public void Parsing_mirrors_trims_the_sides_and_keeps_the_last_of_a_repeated_repository()
    {
        ChartMirrors.Parse([" https://a.example.com = http://one.lan ", "https://a.example.com=http://two.lan"])
            .Should().Equal(new Dictionary<string, string> { ["https://a.example.com"] = "http://two.lan" });
    }
}
