using HomeLab.Manifests.Objects;
using HomeLab.Manifests.Tests.Yaml;
using HomeLab.Manifests.Yaml;

namespace HomeLab.Manifests.Tests.Objects;

public class ManifestSetTests
{
    [Fact]
    public void Kind_list_items_become_objects_in_order()
    {
        var set = ManifestSet.Load(FixturePath.Of("list.yaml"));

        set.Findings.Should().BeEmpty();
        set.Objects.Select(o => o.Name).Should().Equal("first", "second");
        set.Objects[1].Span.Line.Should().Be(8);
    }

    [Fact]
    public void Directories_load_recursively_in_ordinal_order_of_relative_paths()
    {
        var directory = FixturePath.Of("tree");

        var set = ManifestSet.Load(directory);

        set.Findings.Should().BeEmpty();
        set.Objects.Select(o => o.Name).Should().Equal("tree-B-c-json", "tree-a-yaml", "tree-a-z-yml", "tree-b-yaml");
        ManifestSet.FindManifestFiles(directory).Should().NotContain(f => f.EndsWith("notes.txt", StringComparison.Ordinal) || f.Contains(".hidden", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Async_load_gives_the_same_objects_in_the_same_order()
    {
        var sync = ManifestSet.Load(FixturePath.Of("tree"), FixturePath.Of("multi-doc.yaml"));

        var async = await ManifestSet.LoadAsync([FixturePath.Of("tree"), FixturePath.Of("multi-doc.yaml")]);

        async.Objects.Select(o => o.Ref).Should().Equal(sync.Objects.Select(o => o.Ref));
        async.Objects.Should().HaveCount(6);
    }

    [Fact]
    public void Objects_missing_identity_are_reported_with_their_line_and_still_loaded()
    {
        var set = ManifestSet.Load(FixturePath.Of("missing-fields.yaml"));

        set.Objects.Should().HaveCount(2);
        set.Objects[1].DocumentIndex.Should().Be(1);
        set.Findings.Select(f => f.FieldPath).Should().Equal("apiVersion", "metadata.name");
        set.Findings.Should().OnlyContain(f => f.RuleId == ManifestRuleIds.MissingField && f.Span!.Value.Line == 6);
    }

    [Fact]
    public void Yaml_findings_and_missing_paths_reach_the_set()
    {
        var set = ManifestSet.Load(FixturePath.Of("duplicate-key.yaml"), FixturePath.Of("nowhere"));

        set.HasErrors.Should().BeTrue();
        set.Findings.Select(f => f.RuleId).Should().Equal(ManifestRuleIds.PathNotFound, YamlRuleIds.DuplicateKey);
        set.Objects.Should().ContainSingle();
    }
}
