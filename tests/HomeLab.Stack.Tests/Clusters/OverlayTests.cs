using HomeLab.Manifests.Objects;
using HomeLab.Manifests.Yaml;
using HomeLab.Stack.Tests.Platform;

namespace HomeLab.Stack.Tests.Clusters;

/// <summary>The per-environment overlays (clusters/&lt;env&gt;/apps) take effect on the rendered Applications.</summary>
[Collection(RenderedEnvironments.Collection)]
[Trait(Tier.Name, Tier.Offline)]
public class OverlayTests(RenderedEnvironments fixture)
{
    [Fact]
    public void The_k3s_loki_and_prometheus_Applications_layer_their_values_k3s_over_the_shared_values()
    {
        foreach (var name in new[] { "loki", "kube-prometheus-stack" })
        {
            var shared = $"manifests/observability/{name}/values.yaml";
            var k3s = $"manifests/observability/{name}/values-k3s.yaml";

            Applications.ValueFiles(Applications.Named(fixture, "k3s", name)).Should().Equal([shared, k3s], $"the k3s overlay patches {name}");
            Applications.ValueFiles(Applications.Named(fixture, "k3d", name)).Should().Equal([shared], $"k3d takes {name}'s shared values");
        }
    }

    [Fact]
    public void Every_values_k3s_file_is_layered_over_its_shared_values_on_k3s_and_on_no_k3d_Application()
    {
        var overlays = Directory.EnumerateFiles(System.IO.Path.Combine(fixture.Root, "manifests"), "values-k3s.yaml", SearchOption.AllDirectories)
            .Select(f => System.IO.Path.GetRelativePath(fixture.Root, f).Replace('\\', '/'))
            .ToList();
        overlays.Should().Contain("manifests/observability/loki/values-k3s.yaml");

        foreach (var overlay in overlays)
        {
            var shared = overlay[..^"values-k3s.yaml".Length] + "values.yaml";
            var k3s = Applications.In(fixture, "k3s").Where(a => AllValueFiles(a).Contains(shared)).ToList();

            k3s.Should().NotBeEmpty($"some k3s Application uses {shared}");
            k3s.Should().OnlyContain(a => AllValueFiles(a).SkipWhile(f => f != shared).Contains(overlay), $"k3s layers {overlay} after {shared}");
            Applications.In(fixture, "k3d").Should().NotContain(a => AllValueFiles(a).Contains(overlay), $"{overlay} is for the hardware only");
        }
    }

    /// <summary>The <c>$values/...</c> value files of every source of an Application (chart or path), from the repository root.</summary>
    private static List<string> AllValueFiles(KubeObject application) =>
        [.. Applications.Sources(application)
            .SelectMany(s => (s.Find("helm.valueFiles") as YamlList)?.Items.OfType<YamlScalar>() ?? [])
            .Select(v => v.Value)
            .Where(v => v.StartsWith("$values/", StringComparison.Ordinal))
            .Select(v => v["$values/".Length..])];
}
