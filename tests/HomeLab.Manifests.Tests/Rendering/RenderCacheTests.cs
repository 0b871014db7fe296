using HomeLab.Manifests.Environments;
using HomeLab.Manifests.Objects;
using HomeLab.Manifests.Rendering;
using HomeLab.Manifests.Yaml;
using HomeLab.Tools;

namespace HomeLab.Manifests.Tests.Rendering;

/// <summary>
/// The render cache: a second render with nothing changed starts no kubectl or helm and gives the same objects and
/// spans; each kind of input change renders again exactly what read it. kubectl and helm are the real ones behind a
/// wrapper that records every start.
/// </summary>
public sealed class RenderCacheTests : IDisposable
{
    private readonly RenderingFixture.TempDirectory _temp = RenderingFixture.Temp();

    public RenderCacheTests()
    {
        Root = Path.Combine(_temp.Path, "repo");
        Copy(RenderingFixture.Path_("repo"), Root);
        Log = Path.Combine(_temp.Path, "starts.log");
    }

    private string Root { get; }

    private string Log { get; }

    private string CacheDirectory => Path.Combine(_temp.Path, "rendered-cache");

    public void Dispose() => _temp.Dispose();

    [SkippableFact]
    public async Task A_render_with_nothing_changed_starts_no_tool_and_gives_the_same_objects_and_spans()
    {
        var cold = await RenderAsync();
        File.Delete(Log);

        var warm = await RenderAsync();

        Starts().Should().BeEmpty("every source comes from .nuke/cache/rendered and the tool versions from tools.json");
        warm.Cache.Rendered.Should().BeEmpty();
        warm.Cache.Reused.Should().Equal("kustomize-clusters-k3d", "app-config", "app-web");
        warm.Sources.Select(s => s.Text).Should().Equal(cold.Sources.Select(s => s.Text));
        warm.Objects.Select(Spans).Should().Equal(cold.Objects.Select(Spans), "every node keeps the span it had when it was rendered");
        warm.Notes.Should().BeEquivalentTo(cold.Notes);
        warm.Findings.Should().BeEquivalentTo(cold.Findings);
    }

    [SkippableFact]
    public async Task Findings_and_span_notes_come_back_from_the_cache_as_they_were_rendered()
    {
        File.AppendAllText(Path.Combine(Root, "manifests", "config", "kustomization.yaml"), "commonLabels:\n  team: home\nconfigMapGenerator:\n  - name: extra\n    literals: [mode=slow]\n");
        var cold = await RenderAsync();
        cold.Findings.Should().Contain(f => f.Message.Contains("commonLabels", StringComparison.Ordinal), "kustomize warns that commonLabels is deprecated");
        cold.Notes.Should().Contain(n => n.Reason.Contains("configMapGenerator", StringComparison.Ordinal));

        var warm = await RenderAsync();

        warm.Cache.Rendered.Should().BeEmpty();
        warm.Findings.Should().BeEquivalentTo(cold.Findings, o => o.WithStrictOrdering());
        warm.Notes.Should().BeEquivalentTo(cold.Notes, o => o.WithStrictOrdering());
    }

    [SkippableFact]
    public async Task A_changed_file_of_a_kustomize_tree_renders_only_that_tree_again()
    {
        await RenderAsync();
        File.AppendAllText(Path.Combine(Root, "manifests", "config", "settings.yaml"), "  added: \"yes\"\n");

        var set = await RenderAsync();

        set.Cache.Rendered.Should().Equal("app-config");
        set.Objects.Single(o => o.Kind == "ConfigMap").Find("data.added").Should().NotBeNull();
    }

    [SkippableFact]
    public async Task A_changed_values_file_renders_only_the_chart_that_reads_it_again()
    {
        await RenderAsync();
        File.Delete(Log);
        File.AppendAllText(Path.Combine(Root, "charts", "web", "values-k3s.yaml"), "# edited\n");

        var set = await RenderAsync();

        set.Cache.Rendered.Should().Equal("app-web");
        Starts().Should().ContainSingle().Which.Should().StartWith("helm template");
    }

    [SkippableFact]
    public async Task Changed_inline_values_render_the_chart_again()
    {
        var before = await RenderAsync();
        var apps = Path.Combine(Root, "manifests", "argocd", "apps.yaml");
        File.WriteAllText(apps, File.ReadAllText(apps).Replace("replicaCount: 4", "replicaCount: 5", StringComparison.Ordinal));

        var set = await RenderAsync();

        set.Cache.Rendered.Should().Contain("app-web");
        Replicas(before).Should().Be("4");
        Replicas(set).Should().Be("5");
    }

    [SkippableFact]
    public async Task A_new_pinned_chart_version_renders_the_chart_again()
    {
        await using var first = await LoopbackChartRepository.StartAsync(RenderingFixture.Helm(), Directory.CreateDirectory(Path.Combine(_temp.Path, "one")).FullName, "demo", "1.2.3");
        EnvironmentRendererTests.WriteRepository(Root, first.Url, version: "1.2.3");
        (await RenderAsync("lab")).Cache.Rendered.Should().Equal("chart-demo-1.2.3");
        await using var second = await LoopbackChartRepository.StartAsync(RenderingFixture.Helm(), Directory.CreateDirectory(Path.Combine(_temp.Path, "two")).FullName, "demo", "1.2.4");
        EnvironmentRendererTests.WriteRepository(Root, second.Url, version: "1.2.4");

        var set = await RenderAsync("lab");

        set.Cache.Rendered.Should().Equal("chart-demo-1.2.4");
        set.Cache.Reused.Should().BeEmpty();
    }

    [SkippableFact]
    public async Task A_different_package_in_the_chart_cache_renders_the_chart_again()
    {
        await using var first = await LoopbackChartRepository.StartAsync(RenderingFixture.Helm(), Directory.CreateDirectory(Path.Combine(_temp.Path, "one")).FullName, "demo", "1.2.3");
        EnvironmentRendererTests.WriteRepository(Root, first.Url, version: "1.2.3");
        await RenderAsync("lab");
        await using var second = await LoopbackChartRepository.StartAsync(RenderingFixture.Helm(), Directory.CreateDirectory(Path.Combine(_temp.Path, "two")).FullName, "demo", "1.2.4");
        var cached = Directory.EnumerateFiles(ChartCache, "*.tgz", SearchOption.AllDirectories).Single();
        File.Copy(Path.Combine(second.ServedDirectory, "demo-1.2.4.tgz"), cached, overwrite: true);

        var set = await RenderAsync("lab");

        set.Cache.Rendered.Should().Equal("chart-demo-1.2.3");
        set.Objects.Should().Contain(o => o.Labels.GetValueOrDefault("helm.sh/chart") == "demo-1.2.4", "the new package rendered, not the old entry");
    }

    [SkippableFact]
    public async Task Another_tool_version_renders_everything_again()
    {
        await RenderAsync(version: "v1");
        File.Delete(Log);

        var set = await RenderAsync(version: "v2");

        set.Cache.Reused.Should().BeEmpty();
        set.Cache.Rendered.Should().Equal("kustomize-clusters-k3d", "app-config", "app-web");
        Starts().Should().Contain("kubectl version --client -o json").And.Contain("helm version");
    }

    [SkippableFact]
    public async Task A_changed_environment_file_renders_everything_again()
    {
        await RenderAsync();
        File.AppendAllText(Path.Combine(Root, "clusters", "k3d", "environment.yaml"), "# edited\n");

        var set = await RenderAsync();

        set.Cache.Reused.Should().BeEmpty();
        set.Cache.Rendered.Should().HaveCount(3);
    }

    [SkippableFact]
    public async Task A_corrupted_or_truncated_entry_is_a_note_and_its_source_renders_again()
    {
        var cold = await RenderAsync();
        var entries = Directory.GetFiles(CacheDirectory, "*.entry").Order(StringComparer.Ordinal).ToList();
        entries.Should().HaveCountGreaterThanOrEqualTo(2);
        var damaged = File.ReadAllBytes(entries[0]);
        damaged[^1] ^= 0xFF;
        File.WriteAllBytes(entries[0], damaged);
        File.WriteAllBytes(entries[1], File.ReadAllBytes(entries[1])[..100]);

        var set = await RenderAsync();

        set.Cache.Notes.Should().HaveCount(2).And.OnlyContain(n => n.Contains("truncated or corrupted", StringComparison.Ordinal));
        set.Cache.Rendered.Should().NotBeEmpty();
        set.Objects.Select(Spans).Should().Equal(cold.Objects.Select(Spans));
        (await RenderAsync()).Cache.Rendered.Should().BeEmpty("the entries were written again");
    }

    [SkippableFact]
    public async Task No_cache_renders_everything_again_and_refreshes_the_entries()
    {
        await RenderAsync();
        File.Delete(Log);

        var set = await RenderAsync(refresh: true);

        set.Cache.Reused.Should().BeEmpty();
        Starts().Should().Contain(s => s.StartsWith("kubectl kustomize", StringComparison.Ordinal)).And.Contain(s => s.StartsWith("helm template", StringComparison.Ordinal));
        (await RenderAsync()).Cache.Rendered.Should().BeEmpty();
    }

    [SkippableFact]
    public async Task Without_a_cache_directory_nothing_is_cached()
    {
        var set = await new EnvironmentRenderer(Tool("kubectl", RenderingFixture.Kubectl().ExecutablePath, "v1", k => new Kubectl(k)), Tool("helm", RenderingFixture.Helm().ExecutablePath, "v1", h => new Helm(h)))
            .RenderAsync(Environment("k3d"), new RenderOptions(Root) { WriteOutput = false, AllowNetwork = false, ChartCacheDirectory = ChartCache });

        set.Cache.Should().Be(RenderCacheUse.Off);
        Directory.Exists(CacheDirectory).Should().BeFalse();
        Starts().Should().NotContain(["kubectl version --client -o json", "helm version"], "no cache key needs the tool versions");
    }

    private string ChartCache => Path.Combine(_temp.Path, "charts");

    private static string? Replicas(RenderedSet set) => set.Objects.Single(o => o.Kind == "Deployment").Find("spec.replicas")?.ToString();

    // Each node's path, value and span, in document order.
    private static string Spans(KubeObject obj)
    {
        var lines = new List<string>();
        void Walk(YamlNode node, string path)
        {
            lines.Add($"{path} {node.Span} {node.Span.EndLine}:{node.Span.EndColumn} {(node as YamlScalar)?.Value}");
            if (node is YamlMap map)
            {
                foreach (var entry in map.Entries)
                {
                    lines.Add($"{path}.{entry.Key} key {entry.KeySpan}");
                    Walk(entry.Value, $"{path}.{entry.Key}");
                }
            }
            else if (node is YamlList list)
            {
                for (var i = 0; i < list.Count; i++)
                {
                    Walk(list[i], $"{path}[{i}]");
                }
            }
        }

        Walk(obj.Root, obj.Ref.ToString());
        return string.Join('\n', lines);
    }

    private static void Copy(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private EnvironmentDefinition Environment(string name) => EnvironmentCatalog.Discover(Root).Find(name)!;

    private async Task<RenderedSet> RenderAsync(string environment = "k3d", string version = "v1", bool refresh = false)
    {
        var kubectl = Tool("kubectl", RenderingFixture.Kubectl().ExecutablePath, version, path => new Kubectl(path));
        var helm = Tool("helm", RenderingFixture.Helm().ExecutablePath, version, path => new Helm(path));
        return await new EnvironmentRenderer(kubectl, helm).RenderAsync(Environment(environment), new RenderOptions(Root)
        {
            WriteOutput = false,
            AllowNetwork = environment == "lab", // k3d's remote chart is unreachable: no helm pull; lab's is served here
            ChartCacheDirectory = ChartCache,
            RenderCacheDirectory = CacheDirectory,
            RefreshRenderCache = refresh,
        });
    }

    // The real tool behind a script that logs each start; `version` answers with the given version, so a test can
    // stand in another release of the tool (the script at the same path changes, as a replaced binary would).
    private T Tool<T>(string name, string real, string version, Func<string, T> create)
    {
        Skip.If(OperatingSystem.IsWindows(), "the recording wrapper is a shell script");
        var script = Path.Combine(_temp.Path, "bin", name);
        var text = $"""
            #!/bin/sh
            echo "{name} $*" >> '{Log}'
            if [ "$1" = version ]; then echo "{name} {version}"; exit 0; fi
            exec '{real}' "$@"
            """.ReplaceLineEndings("\n") + "\n";
        if (!File.Exists(script) || File.ReadAllText(script) != text)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(script)!);
            File.WriteAllText(script, text);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }

        return create(script);
    }

    private List<string> Starts() => File.Exists(Log) ? [.. File.ReadAllLines(Log)] : [];
}
