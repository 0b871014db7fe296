using HomeLab.Manifests.Environments;
using HomeLab.Manifests.Rendering;

namespace HomeLab.Pipeline.Tests.Suites;

/// <summary>What the in-process host hands to <see cref="SampleSuite"/>; xunit creates it empty.</summary>
public sealed class SampleRendered
{
    /// <summary>Whether this run is the in-process host's (the sample suite fails on purpose only then).</summary>
    public static readonly AsyncLocal<bool> InHost = new();

    /// <summary>The environments the host handed over; none under xunit.</summary>
    public IReadOnlyDictionary<string, RenderedSet> Sets { get; private init; } = new Dictionary<string, RenderedSet>();

    /// <summary>Built by the host from the build's sets.</summary>
    public static SampleRendered FromRendered(string root, EnvironmentCatalog catalog, IReadOnlyDictionary<string, RenderedSet> sets) => new() { Sets = sets };
}

/// <summary>Suites the in-process host runs in <see cref="InProcessSuitesTests"/>; they pass under xunit too.</summary>
[Trait("tier", InProcessSuitesTests.SampleTier)]
public sealed class SampleSuite(SampleRendered fixture) : IClassFixture<SampleRendered>
{
    [Fact]
    public void Passes() => fixture.Should().NotBeNull();

    [Fact(Skip = "skipped on purpose")]
    public void Is_skipped() => throw new InvalidOperationException("a skipped test ran");

    [Theory]
    [InlineData("k3d")]
    [InlineData("k3s")]
    public void Runs_once_per_case(string environment) => environment.Should().StartWith("k3");

    [Fact]
    public async Task Fails_in_the_host_only()
    {
        await Task.Yield();
        SampleRendered.InHost.Value.Should().BeFalse("the host reports this failure");
    }

    [Fact]
    [Trait("tier", "elsewhere")]
    public void Is_in_another_tier() => SampleRendered.InHost.Value.Should().BeFalse();
}
