using HomeLab.Manifests.Yaml;

namespace HomeLab.Manifests.Tests.Yaml;

public class YamlScalarTests
{
    [Theory]
    [InlineData("v: \"1\"", YamlScalarKind.String)]
    [InlineData("v: '1'", YamlScalarKind.String)]
    [InlineData("v: 1", YamlScalarKind.Int)]
    [InlineData("v: -42", YamlScalarKind.Int)]
    [InlineData("v: 0x1F", YamlScalarKind.Int)]
    [InlineData("v: 0o17", YamlScalarKind.Int)]
    [InlineData("v: 1.5", YamlScalarKind.Float)]
    [InlineData("v: 1e3", YamlScalarKind.Float)]
    [InlineData("v: .inf", YamlScalarKind.Float)]
    [InlineData("v: true", YamlScalarKind.Bool)]
    [InlineData("v: False", YamlScalarKind.Bool)]
    [InlineData("v: yes", YamlScalarKind.Bool)]
    [InlineData("v: On", YamlScalarKind.Bool)]
    [InlineData("v: yesterday", YamlScalarKind.String)]
    [InlineData("v: off", YamlScalarKind.Bool)]
    [InlineData("v: n", YamlScalarKind.Bool)]
    [InlineData("v: 'on'", YamlScalarKind.String)]
    [InlineData("v: null", YamlScalarKind.Null)]
    [InlineData("v: ~", YamlScalarKind.Null)]
    [InlineData("v:", YamlScalarKind.Null)]
    [InlineData("v: 1.2.3", YamlScalarKind.String)]
    [InlineData("v: 012abc", YamlScalarKind.String)]
    [InlineData("v: |\n  1\n", YamlScalarKind.String)]
    [InlineData("v: !!str 12", YamlScalarKind.String)]
    public void Scalars_resolve_as_kubernetes_reads_them_with_yaml_1_1_booleans(string yaml, YamlScalarKind kind)
    {
        var value = YamlLoader.Default.LoadString(yaml, "t.yaml").Documents[0].Root.Find("v");

        value.Should().BeOfType<YamlScalar>().Which.Kind.Should().Be(kind);
    }

    [Fact]
    public void Typed_accessors_read_values_of_their_own_kind_only()
    {
        var root = YamlLoader.Default.LoadString("i: 0x10\nf: 2.5\nb: true\ns: \"7\"\nn: ~\n", "t.yaml").Documents[0].Root;

        ((YamlScalar)root.Find("i")!).AsInt64().Should().Be(16);
        ((YamlScalar)root.Find("i")!).AsDouble().Should().Be(16);
        ((YamlScalar)root.Find("f")!).AsDouble().Should().Be(2.5);
        ((YamlScalar)root.Find("f")!).AsInt64().Should().BeNull();
        ((YamlScalar)root.Find("b")!).AsBool().Should().BeTrue();
        ((YamlScalar)root.Find("s")!).AsInt64().Should().BeNull();
        ((YamlScalar)root.Find("s")!).IsQuoted.Should().BeTrue();
        ((YamlScalar)root.Find("n")!).AsString().Should().BeNull();
    }

    [Fact]
    public void Scalars_built_in_code_keep_their_kind()
    {
        YamlScalar.From("1").Kind.Should().Be(YamlScalarKind.String);
        YamlScalar.From(1).Kind.Should().Be(YamlScalarKind.Int);
        YamlScalar.From(2.0).Value.Should().Be("2.0");
        YamlScalar.From(2.0).Kind.Should().Be(YamlScalarKind.Float);
        YamlScalar.From(false).AsBool().Should().BeFalse();
        YamlScalar.Null.Span.IsKnown.Should().BeFalse();
    }
}
