using HomeLab.Pipeline.Assertions;
using HomeLab.Pipeline.Benchmarks;
using HomeLab.Pipeline.Findings;
using HomeLab.Pipeline.Manifests;
using HomeLab.Pipeline.Suites;
using HomeLab.Pipeline.Tests.Support;
using HomeLab.Targets;

namespace HomeLab.Pipeline.Tests.Components;

/// <summary>A build made of components only, the way build/ composes them, with one target that shows what they were given.</summary>
internal sealed class ComponentBuild : BuildBase, IBenchmark, IStackTests, IAssert
{
    public FindingLedger Findings { get; } = new();

    public CheckedSets Rendered { get; } = new();

    public string? Seen { get; private set; }

    public Target Show => _ => _.Executes(() =>
    {
        IStackTests tests = this;
        IBenchmark benchmark = this;
        Seen = $"runs={benchmark.BenchmarkRuns} corpus={benchmark.CorpusSize} tier={tests.Tier} tags={string.Join('|', tests.Tag)} filter={tests.TestFilter ?? "-"}";
    });
}

public sealed class ComponentParameterTests : IDisposable
{
    private readonly BuildSandbox sandbox = new("homelab-components-");

    private string root => sandbox.Root;

    public void Dispose() => sandbox.Dispose();

    private Task<(int ExitCode, string Output, ComponentBuild Build)> RunAsync(params string[] arguments) => sandbox.RunAsync<ComponentBuild>(x => x.Show, arguments);

    [Fact]
    public async Task A_component_parameter_keeps_its_default_when_no_source_gives_one()
    {
        var (exitCode, output, build) = await RunAsync("Show");

        exitCode.Should().Be(0, output);
        build.Seen.Should().Be("runs=10 corpus=10000 tier=All tags= filter=-");
    }

    [Fact]
    public async Task Component_parameters_take_their_values_from_the_command_line()
    {
        var (exitCode, output, build) = await RunAsync("Show", "--benchmark-runs", "3", "--tier", "offline", "--tag", "gpu", "media", "--test-filter", "Frigate");

        exitCode.Should().Be(0, output);
        build.Seen.Should().Be("runs=3 corpus=10000 tier=Offline tags=gpu|media filter=Frigate");
    }

    [Fact]
    public async Task Component_parameters_take_their_values_from_the_parameters_file()
    {
        File.WriteAllText(Path.Combine(root, ".nuke", "parameters.json"), """{ "CorpusSize": 500 }""");

        var (_, output, build) = await RunAsync("Show");

        build.Seen.Should().StartWith("runs=10 corpus=500", output);
    }

    [Fact]
    public async Task Help_lists_the_parameters_of_every_component()
    {
        var (exitCode, output, _) = await RunAsync("--help");

        exitCode.Should().Be(0, output);
        output.Should().Contain("--benchmark-runs").And.Contain("--tier").And.Contain("--assertion").And.Contain("--kube-context").And.Contain("--environment");
    }

    [Fact]
    public async Task A_required_component_parameter_is_checked_before_anything_runs()
    {
        var (exitCode, output, _) = await RunAsync("Assert");

        exitCode.Should().Be(2, output);
        output.Should().Contain("Assertion");
    }
}
