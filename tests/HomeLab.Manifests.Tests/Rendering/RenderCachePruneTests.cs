using HomeLab.Manifests.Rendering;
using HomeLab.Testing;

namespace HomeLab.Manifests.Tests.Rendering;

/// <summary>The render cache keeps what builds use and deletes what none used for a month, and never grows without bound.</summary>
public sealed class RenderCachePruneTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("homelab-render-cache-");
    private readonly FakeTimeProvider _clock = new();

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public void Entries_no_build_used_for_a_month_are_deleted_when_the_cache_opens()
    {
        var now = _clock.GetUtcNow().UtcDateTime;
        var recent = Entry("recent", 10, now - TimeSpan.FromDays(29));
        var old = Entry("old", 10, now - TimeSpan.FromDays(31));
        var tools = Path.Combine(_directory.FullName, "tools.json");
        File.WriteAllText(tools, "{}");
        File.SetLastWriteTimeUtc(tools, now - TimeSpan.FromDays(400));

        RenderCache.Open(_directory.FullName, reuse: true, _clock);

        File.Exists(recent).Should().BeTrue();
        File.Exists(old).Should().BeFalse();
        File.Exists(tools).Should().BeTrue("only entries are pruned");
    }

    [Fact]
    public void Past_the_size_limit_the_oldest_entries_go_first()
    {
        var now = _clock.GetUtcNow().UtcDateTime;
        var third = RenderCache.MaxBytes / 3 + 1;
        var oldest = Entry("a-oldest", third, now - TimeSpan.FromDays(3));
        var middle = Entry("b-middle", third, now - TimeSpan.FromDays(2));
        var newest = Entry("c-newest", third, now - TimeSpan.FromDays(1));

        RenderCache.Open(_directory.FullName, reuse: true, _clock);

        File.Exists(oldest).Should().BeFalse("three thirds and a bit are more than the limit");
        File.Exists(middle).Should().BeTrue();
        File.Exists(newest).Should().BeTrue();
    }

    [Fact]
    public async Task Reading_an_entry_makes_it_young_again()
    {
        var cache = new RenderCache(_directory.FullName, reuse: true, _clock);
        var source = new RenderedSource("app-web", RenderSourceKind.HelmChart, "charts/web", "kind: ConfigMap\n", [], [], []);
        (await cache.StoreAsync("key", source, CancellationToken.None)).Should().BeNull();
        var path = Path.Combine(_directory.FullName, "key.entry");
        File.SetLastWriteTimeUtc(path, _clock.GetUtcNow().UtcDateTime - TimeSpan.FromDays(20));
        _clock.Advance(TimeSpan.FromDays(15));

        var (loaded, problem) = await cache.LoadAsync("key", CancellationToken.None);
        RenderCache.Open(_directory.FullName, reuse: true, _clock);

        problem.Should().BeNull();
        loaded.Should().NotBeNull();
        File.GetLastWriteTimeUtc(path).Should().Be(_clock.GetUtcNow().UtcDateTime);
        File.Exists(path).Should().BeTrue("it was read 35 days after it was last written, so it is 0 days old");
    }

    private string Entry(string name, long bytes, DateTime written)
    {
        var path = Path.Combine(_directory.FullName, name + ".entry");
        using (var file = File.Create(path))
        {
            file.SetLength(bytes);
        }

        File.SetLastWriteTimeUtc(path, written);
        return path;
    }
}
