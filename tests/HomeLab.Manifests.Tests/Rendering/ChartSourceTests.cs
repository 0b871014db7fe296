using HomeLab.Manifests.Findings;
using HomeLab.Manifests.Rendering;

namespace HomeLab.Manifests.Tests.Rendering;

/// <summary>Remote charts against a chart repository served on 127.0.0.1: versions it does not serve, mirrors, digests.</summary>
public sealed class ChartSourceTests
{
    [SkippableFact]
    public async Task A_pinned_version_the_repository_does_not_serve_is_an_error_at_the_targetRevision_naming_the_versions_it_has()
    {
        using var temp = RenderingFixture.Temp();
        var root = Path.Combine(temp.Path, "repo");
        await using var repository = await LoopbackChartRepository.StartAsync(RenderingFixture.Helm(), temp.Path, "demo", "1.2.3");
        EnvironmentRendererTests.WriteRepository(root, repository.Url, version: "1.2.4");

        var set = await EnvironmentRendererTests.Render(root, Path.Combine(temp.Path, "cache"), allowNetwork: true);

        var finding = set.Findings.Should().ContainSingle(f => f.Severity == Severity.Error).Subject;
        finding.RuleId.Should().Be(RenderRuleIds.ChartUnavailable);
        finding.Message.Should().Contain("does not serve version 1.2.4 of demo").And.Contain("versions 1.2.3");
        finding.Span!.Value.ToString().Should().Be($"{Path.Combine(root, "apps", "demo.yaml")}:11:21");
        set.Counts.NotRenderedOffline.Should().Be(0, "an unserved version is an error, not a chart waiting for the network");
    }

    [SkippableFact]
    public async Task A_mirror_stands_in_for_an_unreachable_repository_and_fills_its_cache()
    {
        using var temp = RenderingFixture.Temp();
        var root = Path.Combine(temp.Path, "repo");
        var cache = Path.Combine(temp.Path, "cache");
        const string Upstream = "http://127.0.0.1:1/charts";
        EnvironmentRendererTests.WriteRepository(root, Upstream);

        await using (var mirror = await LoopbackChartRepository.StartAsync(RenderingFixture.Helm(), temp.Path, "demo", "1.2.3"))
        {
            var set = await EnvironmentRendererTests.Render(root, cache, allowNetwork: true, new Dictionary<string, string> { [Upstream] = mirror.Url });

            set.Findings.Should().BeEmpty();
            set.Objects.Should().Contain(o => o.Kind == "Deployment" && o.Name == "demo");
            mirror.Requests.Should().NotBeEmpty();
        }

        var offline = await EnvironmentRendererTests.Render(root, cache, allowNetwork: false);
        offline.Counts.NotRenderedOffline.Should().Be(0, "the mirrored chart was cached under the repository's own URL");
    }

    [SkippableFact]
    public async Task Pulling_only_fills_the_cache_with_the_pinned_chart_without_rendering_it()
    {
        using var temp = RenderingFixture.Temp();
        var root = Path.Combine(temp.Path, "repo");
        var cache = Path.Combine(temp.Path, "cache");
        RenderedSet pulled;
        await using (var repository = await LoopbackChartRepository.StartAsync(RenderingFixture.Helm(), temp.Path, "demo", "1.2.3"))
        {
            EnvironmentRendererTests.WriteRepository(root, repository.Url);
            pulled = await EnvironmentRendererTests.Render(root, cache, allowNetwork: true, pullOnly: true);
            repository.Requests.Should().Contain(r => r.EndsWith("index.yaml", StringComparison.Ordinal), "the index gives the digest the package is checked against");
        }

        pulled.Findings.Should().BeEmpty();
        pulled.Sources.Should().NotContain(s => s.Kind == RenderSourceKind.RemoteChart, "the chart is pulled, not rendered");
        pulled.Objects.Should().NotContain(o => o.Kind == "Deployment");
        Directory.GetFiles(cache, "demo-1.2.3.tgz", SearchOption.AllDirectories).Should().ContainSingle();

        // The repository is gone: what was pulled renders offline.
        var offline = await EnvironmentRendererTests.Render(root, cache, allowNetwork: false);
        offline.Counts.NotRenderedOffline.Should().Be(0);
        offline.Objects.Should().Contain(o => o.Kind == "Deployment" && o.Name == "demo");
    }

    [SkippableTheory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_package_that_does_not_match_its_index_digest_is_an_error_and_is_not_cached(bool pullOnly)
    {
        using var temp = RenderingFixture.Temp();
        var root = Path.Combine(temp.Path, "repo");
        var cache = Path.Combine(temp.Path, "cache");
        await using var repository = await LoopbackChartRepository.StartAsync(RenderingFixture.Helm(), temp.Path, "demo", "1.2.3");
        var index = Path.Combine(repository.ServedDirectory, "index.yaml");
        var text = await File.ReadAllTextAsync(index);
        var digest = text.Split('\n').Single(l => l.TrimStart().StartsWith("digest:", StringComparison.Ordinal)).Split(':')[1].Trim();
        await File.WriteAllTextAsync(index, text.Replace(digest, new string('0', digest.Length), StringComparison.Ordinal));
        EnvironmentRendererTests.WriteRepository(root, repository.Url);

        var set = await EnvironmentRendererTests.Render(root, cache, allowNetwork: true, pullOnly: pullOnly);

        set.Findings.Should().ContainSingle(f => f.Severity == Severity.Error).Which.Message.Should().Contain("does not match the digest");
        (Directory.Exists(cache) ? Directory.GetFiles(cache, "*.tgz", SearchOption.AllDirectories) : []).Should().BeEmpty();
    }
}
