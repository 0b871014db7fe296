using HomeLab.Assertions.Sources;
using HomeLab.Manifests.Objects;

namespace HomeLab.Assertions.Tests.Sources;

public class SourceTests
{
    private static ManifestSource Rendered() =>
        new(ManifestSet.Load(Path.Combine(AppContext.BaseDirectory, "Fixtures", "rendered")).Objects);

    [Fact]
    public async Task Rendered_objects_are_found_by_kind_namespace_and_name_not_load_order()
    {
        var source = Rendered();
        var jellyfin = await source.GetAsync(new ResourceQuery("apps/v1", "Deployment", "media", "jellyfin"), default);
        jellyfin!["metadata"]!["name"]!.ToString().Should().Be("jellyfin");
        (await source.GetAsync(new ResourceQuery("apps/v1", "Deployment", "other", "jellyfin"), default)).Should().BeNull();
        source.OriginOf(jellyfin)!.Span.Line.Should().Be(23);
        source.IsLive.Should().BeFalse();
        source.Watch(new ResourceQuery("v1", "Node"), default).Should().BeNull();
    }

    [Fact]
    public async Task Rendered_objects_are_listed_with_set_based_selectors_in_a_stable_order()
    {
        var source = Rendered();
        var nodes = await source.ListAsync(new ResourceQuery("v1", "Node", LabelSelector: "!hardware/nvidia"), default);
        nodes.Select(n => n["metadata"]!["name"]!.ToString()).Should().Equal("pi-1");
        var media = await source.ListAsync(new ResourceQuery("apps/v1", "Deployment", "media", LabelSelector: "tier in (media,db)"), default);
        media.Select(n => n["metadata"]!["name"]!.ToString()).Should().Equal("frigate", "jellyfin");
    }

    [Fact]
    public async Task An_in_memory_source_streams_changes_to_watchers()
    {
        var source = new InMemorySource();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        var watch = source.Watch(new ResourceQuery("v1", "ConfigMap", "a"), cts.Token)!.GetAsyncEnumerator(cts.Token);
        var next = watch.MoveNextAsync();

        source.Put("""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"x","namespace":"b"}}""");
        source.Put("""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"x","namespace":"a"}}""");

        (await next).Should().BeTrue();
        watch.Current.Type.Should().Be(ResourceChangeType.Added);
        watch.Current.Object["metadata"]!["namespace"]!.ToString().Should().Be("a");
        await cts.CancelAsync();
        await watch.DisposeAsync();
    }
}
