using HomeLab.Manifests.Yaml;

namespace HomeLab.Manifests.Tests.Yaml;

public class YamlMapEntryTests
{
    private static readonly YamlMap Loaded = (YamlMap)YamlLoader.Manifests.LoadString("kind: ConfigMap\nmetadata:\n  name: a\n", "entry.yaml").Documents[0].Root;

    [Fact]
    public void A_loaded_key_keeps_its_span_when_its_value_is_replaced_from_code()
    {
        var changed = Loaded.With("kind", "Secret");

        changed.TryGetEntry("kind", out var entry).Should().BeTrue();
        entry.Value.Should().BeOfType<YamlScalar>().Which.Value.Should().Be("Secret");
        entry.KeySpan.Should().Be(new SourceSpan("entry.yaml", 1, 1, 1, 5));
    }

    [Fact]
    public void A_key_span_given_in_code_is_kept_and_can_be_replaced()
    {
        var given = new SourceSpan("given.yaml", 7, 3, 7, 9);
        var entry = new YamlMapEntry("name", given, "x");

        entry.KeySpan.Should().Be(given);
        (entry with { Value = "y" }).KeySpan.Should().Be(given);
        (entry with { Key = "other" }).Should().Match<YamlMapEntry>(e => e.Key == "other" && e.KeySpan == given);
        (entry with { KeySpan = SourceSpan.None }).KeySpan.Should().Be(SourceSpan.None);
        new YamlMapEntry("name", "x").KeySpan.Should().Be(SourceSpan.None);
    }

    [Fact]
    public void Entries_compare_by_key_span_and_value()
    {
        var value = YamlScalar.From("x");
        var span = new SourceSpan("a.yaml", 1, 1, 1, 2);

        new YamlMapEntry("k", span, value).Should().Be(new YamlMapEntry("k", span, value));
        new YamlMapEntry("k", span, value).Should().NotBe(new YamlMapEntry("k", span with { Line = 2 }, value));
        default(YamlMapEntry).KeySpan.Should().Be(SourceSpan.None);
    }

    [Fact]
    public void A_deconstructed_entry_gives_its_key_span_and_value()
    {
        Loaded.TryGetEntry("metadata", out var entry).Should().BeTrue();

        var (key, keySpan, value) = entry;

        key.Should().Be("metadata");
        keySpan.Should().Be(new SourceSpan("entry.yaml", 2, 1, 2, 9));
        value.Should().BeOfType<YamlMap>();
    }

    [Fact]
    public void The_maps_of_a_loaded_file_each_see_only_their_own_entries()
    {
        var root = (YamlMap)YamlLoader.Manifests.LoadString("a:\n  x: 1\n  y: 2\nb: {}\nc:\n  z: [1]\n", "block.yaml").Documents[0].Root;

        root.Entries.Select(e => e.Key).Should().Equal("a", "b", "c");
        ((YamlMap)root["a"]!).Entries.Select(e => e.Key).Should().Equal("x", "y");
        ((YamlMap)root["b"]!).Entries.Should().BeEmpty();
        var c = (YamlMap)root["c"]!;
        c.Entries.Count.Should().Be(1);
        c.Entries[0].Key.Should().Be("z");
        var keys = new List<string>();
        foreach (var entry in root.Entries)
        {
            keys.Add(entry.Key);
        }

        keys.Should().Equal("a", "b", "c");
        YamlMapEntries none = [];
        none.Length.Should().Be(0);
        default(YamlMapEntries).AsSpan().IsEmpty.Should().BeTrue();
    }
}
