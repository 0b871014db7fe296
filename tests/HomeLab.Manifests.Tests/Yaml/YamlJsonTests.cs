using System.Text.Json.Nodes;
using HomeLab.Manifests.Yaml;

namespace HomeLab.Manifests.Tests.Yaml;

public class YamlJsonTests
{
    [Fact]
    public void Yaml_converts_to_json_with_the_types_kubernetes_reads()
    {
        var root = YamlLoader.Default.LoadString("a: \"1\"\nb: 1\nc: 1.5\nd: yes\ne: true\nf: ~\ng: [x, 2]\n", "t.yaml").Documents[0].Root;

        root.ToJson()!.ToJsonString().Should().Be("""{"a":"1","b":1,"c":1.5,"d":true,"e":true,"f":null,"g":["x",2]}""");
    }

    [Fact]
    public void Json_round_trips_through_yaml_nodes()
    {
        var manifest = YamlLoader.Manifests.LoadFile(FixturePath.Of("deployment.json")).Documents[0].Root;
        var json = manifest.ToJson();

        var span = new SourceSpan("patch.json", 3, 1, 3, 10);
        var back = YamlNode.FromJson(json, span);

        JsonNode.DeepEquals(back.ToJson(), json).Should().BeTrue();
        back.Find("spec.template.spec.containers[0].image")!.Span.Should().Be(span);
        ((YamlScalar)back.Find("metadata.labels.tier")!).Kind.Should().Be(YamlScalarKind.String);
        ((YamlScalar)back.Find("spec.paused")!).AsBool().Should().BeFalse();
    }

    [Fact]
    public void Nodes_built_in_code_are_immutable_and_reject_duplicate_keys()
    {
        var map = YamlMap.Of(("replicas", 1), ("image", "nginx"));

        var changed = map.With("replicas", 3).Without("image");

        map.Find("replicas")!.ToString().Should().Be("1");
        map.Count.Should().Be(2);
        changed.ToJson().ToJsonString().Should().Be("""{"replicas":3}""");
        FluentActions.Invoking(() => YamlMap.Of(("a", 1), ("a", 2))).Should().Throw<ArgumentException>();
    }
}
