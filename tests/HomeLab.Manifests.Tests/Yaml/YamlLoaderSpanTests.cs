using HomeLab.Manifests.Yaml;

namespace HomeLab.Manifests.Tests.Yaml;

public class YamlLoaderSpanTests
{
    private readonly YamlLoadResult _result = YamlLoader.Default.LoadFile(FixturePath.Of("multi-doc.yaml"));

    [Fact]
    public void Loader_reads_every_document_and_skips_empty_ones_keeping_their_index()
    {
        _result.Findings.Should().BeEmpty();
        _result.Documents.Select(d => d.Index).Should().Equal(0, 2);
        _result.Documents[1].Root.Find("kind").Should().BeOfType<YamlScalar>().Which.Value.Should().Be("Service");
    }

    [Fact]
    public void Scalar_values_carry_their_file_line_and_column()
    {
        var replicas = _result.Documents[0].Root.Find("spec.replicas")!;

        replicas.Span.File.Should().Be(FixturePath.Of("multi-doc.yaml"));
        (replicas.Span.Line, replicas.Span.Column, replicas.Span.EndLine, replicas.Span.EndColumn).Should().Be((8, 13, 8, 14));
        replicas.Span.ToString().Should().Be($"{FixturePath.Of("multi-doc.yaml")}:8:13");
    }

    [Fact]
    public void Keys_carry_their_own_span_apart_from_the_value()
    {
        var container = (YamlMap)_result.Documents[0].Root.Find("spec.template.spec.containers[0]")!;

        container.TryGetEntry("image", out var entry).Should().BeTrue();
        (entry.KeySpan.Line, entry.KeySpan.Column).Should().Be((13, 11));
        (entry.Value.Span.Line, entry.Value.Span.Column).Should().Be((13, 18));
    }

    [Fact]
    public void List_items_point_at_their_dash_and_later_documents_keep_absolute_lines()
    {
        var containers = (YamlList)_result.Documents[0].Root.Find("spec.template.spec.containers")!;
        var port = _result.Documents[1].Root.Find("spec.ports[0].port")!;

        (containers.Span.Line, containers.Span.Column).Should().Be((12, 9));
        (containers[1].Span.Line, containers[1].Span.Column).Should().Be((14, 11));
        containers.Span.EndLine.Should().Be(15);
        (port.Span.Line, port.Span.Column).Should().Be((23, 18));
        _result.Documents[1].Span.Line.Should().Be(17);
    }

    [Fact]
    public void Loader_reads_json_as_yaml_with_positions()
    {
        var result = YamlLoader.Manifests.LoadFile(FixturePath.Of("deployment.json"));

        result.Findings.Should().BeEmpty();
        var root = (YamlMap)result.Documents.Should().ContainSingle().Which.Root;
        var replicas = (YamlScalar)root.Find("spec.replicas")!;
        replicas.Kind.Should().Be(YamlScalarKind.Int);
        replicas.Span.Line.Should().Be(5);
        ((YamlScalar)root.Find("metadata.labels.tier")!).Kind.Should().Be(YamlScalarKind.String);
    }

    [Fact]
    public void Loader_names_text_after_its_display_name()
    {
        var result = YamlLoader.Default.LoadString("a:\n  b: 1\n", "kustomize build apps/");

        result.Documents[0].Root.Find("a.b")!.Span.ToString().Should().Be("kustomize build apps/:2:6");
    }

    [Fact]
    public void Anchors_and_merge_keys_resolve_with_explicit_keys_winning()
    {
        var root = (YamlMap)YamlLoader.Default.LoadFile(FixturePath.Of("anchors.yaml")).Documents[0].Root;

        root.Find("small.memory")!.ToString().Should().Be("64Mi");
        root.Find("small.cpu")!.ToString().Should().Be("100m");
        root.Find("copy.memory")!.ToString().Should().Be("128Mi");
        root.Find("copy")!.Span.Line.Should().Be(1, "an alias shares the anchored node, whose span starts at its anchor");
    }

    [Theory]
    [InlineData("CR LF", "a: 1\r\nb: \"x\r\n  y\"\r\nc: 3\r\n", 4)]
    [InlineData("CR", "a: 1\rb: |\r  x\r  y\rc: 3\r", 5)]
    public void Positions_count_CR_LF_and_a_lone_CR_as_one_line_break(string breaks, string text, int line)
    {
        var result = YamlLoader.Manifests.LoadString(text, "breaks.yaml");

        result.Findings.Should().BeEmpty(breaks);
        var root = (YamlMap)result.Documents[0].Root;
        root.TryGetEntry("c", out var c).Should().BeTrue();
        c.KeySpan.Should().Be(new SourceSpan("breaks.yaml", line, 1, line, 2), breaks);
        c.Value.Span.Should().Be(new SourceSpan("breaks.yaml", line, 4, line, 5), breaks);
    }
}
