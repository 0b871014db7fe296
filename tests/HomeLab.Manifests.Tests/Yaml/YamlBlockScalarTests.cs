using HomeLab.Manifests.Yaml;

namespace HomeLab.Manifests.Tests.Yaml;

public class YamlBlockScalarTests
{
    // What loki's chart renders with `config.yaml: |` followed by `{{- tpl ... | nindent 4 }}`: the block's first line
    // holds only its indentation. helm, kubectl and PyYAML read it.
    private const string SpaceOnlyFirstLine = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: loki\ndata:\n  config.yaml: |\n    \n    auth_enabled: false\n    server:\n      http_listen_port: 3100\n  other: kept\n";

    [Fact]
    public void A_literal_block_whose_first_line_holds_only_spaces_loads_with_its_content()
    {
        var result = YamlLoader.Manifests.LoadString(SpaceOnlyFirstLine, "loki.yaml");

        result.Findings.Should().BeEmpty();
        var data = (YamlMap)result.Documents[0].Root.Find("data")!;
        data.GetString("config.yaml").Should().Be("\nauth_enabled: false\nserver:\n  http_listen_port: 3100\n");
        data.GetString("other").Should().Be("kept");
    }

    [Fact]
    public void A_literal_block_keeps_its_line_numbers_after_a_space_only_first_line()
    {
        var result = YamlLoader.Manifests.LoadString(SpaceOnlyFirstLine, "loki.yaml");

        var data = (YamlMap)result.Documents[0].Root.Find("data")!;
        data["other"]!.Span.Line.Should().Be(11);
    }
}
