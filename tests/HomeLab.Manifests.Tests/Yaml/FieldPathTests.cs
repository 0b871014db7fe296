using HomeLab.Manifests.Yaml;

namespace HomeLab.Manifests.Tests.Yaml;

public class FieldPathTests
{
    [Fact]
    public void Paths_render_keys_with_dots_and_indexes_in_brackets()
    {
        var path = FieldPath.Root.Key("spec").Key("template").Key("spec").Key("containers").Index(0).Key("image");

        path.ToString().Should().Be("spec.template.spec.containers[0].image");
        FieldPath.Root.Key("metadata").Key("labels").Key("app.kubernetes.io/name").ToString()
            .Should().Be("metadata.labels[\"app.kubernetes.io/name\"]");
    }

    [Theory]
    [InlineData("spec.template.spec.containers[0].image")]
    [InlineData("metadata.labels[\"app.kubernetes.io/name\"]")]
    [InlineData("items[2][3].x")]
    [InlineData("")]
    public void Paths_parse_back_to_what_they_render(string text)
    {
        FieldPath.Parse(text).ToString().Should().Be(text);
    }

    [Theory]
    [InlineData("a..b")]
    [InlineData("a[x]")]
    [InlineData("a.")]
    [InlineData("a[\"open")]
    public void Malformed_paths_are_rejected(string text)
    {
        FieldPath.TryParse(text, out _).Should().BeFalse();
    }

    [Fact]
    public void Equal_paths_are_equal_however_they_were_built()
    {
        FieldPath.Parse("a.b[1]").Should().Be(FieldPath.Root.Key("a").Key("b").Index(1));
        FieldPath.Parse("a.b[1]").GetHashCode().Should().Be(FieldPath.Root.Key("a").Key("b").Index(1).GetHashCode());
        FieldPath.Parse("a.b[1]").Should().NotBe(FieldPath.Parse("a.b[2]"));
    }

    [Fact]
    public void Find_follows_paths_and_returns_null_off_the_tree()
    {
        var root = YamlMap.Of(
            ("metadata", YamlMap.Of(("labels", YamlMap.Of(("app.kubernetes.io/name", "web"))))),
            ("spec", YamlMap.Of(("ports", YamlList.Of(YamlMap.Of(("port", 80)))))));

        root.Find("metadata.labels[\"app.kubernetes.io/name\"]")!.ToString().Should().Be("web");
        root.Find("spec.ports[0].port").Should().BeOfType<YamlScalar>().Which.AsInt64().Should().Be(80);
        root.Find("spec.ports[1]").Should().BeNull();
        root.Find("spec.ports.port").Should().BeNull();
        root.Find("spec.missing.deeper").Should().BeNull();
        root.Find(FieldPath.Root).Should().BeSameAs(root);
    }

    [Fact]
    public void Large_maps_find_keys_too()
    {
        var map = new YamlMap(Enumerable.Range(0, 50).Select(i => new YamlMapEntry($"k{i}", i)));

        map.Find("k37").Should().BeOfType<YamlScalar>().Which.AsInt64().Should().Be(37);
        map.ContainsKey("k50").Should().BeFalse();
    }
}
