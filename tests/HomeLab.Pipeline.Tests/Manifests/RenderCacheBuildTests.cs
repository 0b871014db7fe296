using HomeLab.Pipeline.Findings;
using HomeLab.Pipeline.Manifests;
using HomeLab.Pipeline.Tests.Support;
using HomeLab.Targets;
using HomeLab.Tools;

namespace HomeLab.Pipeline.Tests.Manifests;

/// <summary>A build with only the manifest component: Render, over a one-kustomization environment.</summary>
internal sealed class RenderOnlyBuild : BuildBase, IVerifyManifests
{
    public FindingLedger Findings { get; } = new();

    public CheckedSets Rendered { get; } = new();
}

/// <summary>Render through the build: the render cache under .nuke/cache/rendered, and --no-cache.</summary>
public sealed class RenderCacheBuildTests : IDisposable
{
    private readonly BuildSandbox sandbox = new("homelab-render-cache-");

    public RenderCacheBuildTests()
    {
        var lab = Directory.CreateDirectory(Path.Combine(sandbox.Root, "clusters", "lab")).FullName;
        File.WriteAllText(Path.Combine(lab, "environment.yaml"), "render:\n  kustomizations: [.]\n");
        File.WriteAllText(Path.Combine(lab, "kustomization.yaml"), "resources: [settings.yaml]\n");
        File.WriteAllText(Path.Combine(lab, "settings.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n  namespace: lab\ndata:\n  mode: fast\n");
    }

    public void Dispose() => sandbox.Dispose();

    [SkippableFact]
    public async Task A_second_render_reuses_the_cache_and_no_cache_renders_again()
    {
        RequireKubectl();

        var first = await RenderAsync();
        var second = await RenderAsync();
        var forced = await RenderAsync("--no-cache");

        first.Should().Contain("lab: 1 objects, render cache: 0 reused, 1 rendered (kustomize-clusters-lab)");
        second.Should().Contain("lab: 1 objects, render cache: 1 reused, 0 rendered");
        forced.Should().Contain("lab: 1 objects, render cache: 0 reused, 1 rendered");
        Directory.GetFiles(Path.Combine(sandbox.Root, ".nuke", "cache", "rendered"), "*.entry").Should().ContainSingle();
    }

    private async Task<string> RenderAsync(params string[] arguments)
    {
        var (exitCode, output, _) = await sandbox.RunAsync<RenderOnlyBuild>(x => ((IVerifyManifests)x).Render, ["Render", .. arguments]);
        exitCode.Should().Be(0, output);
        return output;
    }

    private static void RequireKubectl()
    {
        try
        {
            Kubectl.Locate();
        }
        catch (ToolNotFoundException exception)
        {
            Skip.If(true, $"kubectl is needed: {exception.Message}");
        }
    }
}
