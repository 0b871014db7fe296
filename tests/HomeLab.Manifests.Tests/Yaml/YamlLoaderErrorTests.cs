using HomeLab.Manifests.Findings;
using HomeLab.Manifests.Yaml;

namespace HomeLab.Manifests.Tests.Yaml;

public class YamlLoaderErrorTests
{
    [Fact]
    public void Loader_reports_duplicate_keys_with_both_lines_and_keeps_the_first()
    {
        var result = YamlLoader.Manifests.LoadFile(FixturePath.Of("duplicate-key.yaml"));

        var finding = result.Findings.Should().ContainSingle().Which;
        finding.RuleId.Should().Be(YamlRuleIds.DuplicateKey);
        finding.Severity.Should().Be(Severity.Error);
        finding.Message.Should().Contain("'mode'").And.Contain("line 6").And.Contain("line 8");
        (finding.Span!.Value.Line, finding.Span.Value.Column).Should().Be((8, 3));
        result.Documents[0].Root.Find("data.mode")!.ToString().Should().Be("fast");
    }

    [Fact]
    public void Loader_reports_a_tab_used_for_indentation_at_the_tab()
    {
        var result = YamlLoader.Manifests.LoadFile(FixturePath.Of("tab-indent.yaml"));

        var finding = result.Findings.Should().ContainSingle().Which;
        finding.RuleId.Should().Be(YamlRuleIds.TabIndentation);
        (finding.Span!.Value.Line, finding.Span.Value.Column).Should().Be((6, 1));
        finding.Hint.Should().Contain("spaces");
    }

    [Fact]
    public void Loader_translates_malformed_yaml_into_plain_words_with_a_line()
    {
        var result = YamlLoader.Manifests.LoadFile(FixturePath.Of("malformed.yaml"));

        var finding = result.Findings.Should().ContainSingle().Which;
        finding.RuleId.Should().Be(YamlRuleIds.Syntax);
        finding.Span!.Value.Line.Should().Be(5);
        finding.Message.Should().Contain("indented").And.NotContain("While scanning");
        finding.ToString().Should().StartWith($"{FixturePath.Of("malformed.yaml")}:5:").And.Contain(": error yaml/syntax: ").And.EndWith(")");
    }

    [Theory]
    [InlineData("a: [1, 2\nb: 3\n", 1)]
    [InlineData("a: 'open\nb: 2\n", 1)]
    [InlineData("a: 1\nb: @x\n", 2)]
    public void Loader_returns_findings_not_exceptions_for_broken_text(string text, int line)
    {
        var result = YamlLoader.Default.LoadString(text, "inline.yaml");

        var finding = result.Findings.Should().ContainSingle().Which;
        finding.RuleId.Should().Be(YamlRuleIds.Syntax);
        finding.Span!.Value.Line.Should().BeGreaterThanOrEqualTo(line).And.BeLessThanOrEqualTo(line + 1);
        finding.Hint.Should().NotBeNullOrEmpty();
    }

    [Fact]
    public void Loader_keeps_the_documents_before_a_syntax_error()
    {
        var result = YamlLoader.Default.LoadString("a: 1\n---\nb: [\n", "two.yaml");

        result.Documents.Should().ContainSingle();
        result.HasErrors.Should().BeTrue();
    }

    [Fact]
    public void Manifest_loader_reports_a_document_that_is_not_a_mapping()
    {
        var result = YamlLoader.Manifests.LoadFile(FixturePath.Of("not-a-mapping.yaml"));

        result.Documents.Should().ContainSingle();
        var finding = result.Findings.Should().ContainSingle().Which;
        finding.RuleId.Should().Be(YamlRuleIds.NotAMapping);
        finding.Message.Should().Contain("document 2").And.Contain("a list");
        finding.Span!.Value.Line.Should().Be(6);
    }

    [Fact]
    public void Default_loader_accepts_any_document()
    {
        YamlLoader.Default.LoadFile(FixturePath.Of("not-a-mapping.yaml")).Documents.Should().HaveCount(2);
    }

    [Fact]
    public void Loader_reports_an_alias_with_no_anchor()
    {
        var result = YamlLoader.Default.LoadFile(FixturePath.Of("anchors.yaml"));

        var finding = result.Findings.Should().ContainSingle().Which;
        finding.RuleId.Should().Be(YamlRuleIds.UnknownAlias);
        finding.Message.Should().Contain("*missing");
        finding.Span!.Value.Line.Should().Be(8);
        ((YamlScalar)result.Documents[0].Root.Find("broken")!).IsNull.Should().BeTrue();
    }

    [Fact]
    public void Loader_reports_a_missing_file_as_a_finding()
    {
        var result = YamlLoader.Default.LoadFile(FixturePath.Of("does-not-exist.yaml"));

        result.Findings.Should().ContainSingle().Which.RuleId.Should().Be(YamlRuleIds.UnreadableFile);
    }

    [Fact]
    public void Loader_rejects_nesting_deeper_than_its_limit()
    {
        var text = new string('[', 300) + new string(']', 300);

        var result = YamlLoader.Default.LoadString(text, "deep.yaml");

        result.Findings.Should().ContainSingle().Which.RuleId.Should().Be(YamlRuleIds.TooDeep);
    }
}
