using HomeLab.Manifests.Objects;
using HomeLab.Manifests.Yaml;

namespace HomeLab.Manifests.Tests.Objects;

public sealed class LabelSelectorTests
{
    private static readonly Dictionary<string, string> Web = new(StringComparer.Ordinal) { ["app"] = "web", ["tier"] = "frontend", ["replicas"] = "3" };

    private static YamlMap Yaml(string text) => (YamlMap)YamlLoader.Default.LoadString(text, "selector.yaml").Documents[0].Root;

    [Theory]
    [InlineData("app=web", true)]
    [InlineData("app==web,tier!=db", true)]
    [InlineData("tier in (frontend,backend)", true)]
    [InlineData("tier in (backend, frontend)", true)]
    [InlineData("tier notin (frontend)", false)]
    [InlineData("app", true)]
    [InlineData("!app", false)]
    [InlineData("!gpu", true)]
    [InlineData("", true)]
    public void The_text_form_selects_as_kubectl_does(string selector, bool selected)
    {
        LabelSelector.Parse(selector).Matches(Web).Should().Be(selected);
    }

    [Fact]
    public void A_malformed_text_selector_says_which_part_is_wrong_and_try_parse_refuses_it()
    {
        var parse = () => LabelSelector.Parse("app=web,env inn (a)");

        parse.Should().Throw<FormatException>().WithMessage("label selector 'app=web,env inn (a)': 'env inn (a)' is not*");
        LabelSelector.TryParse("env inn (a)", out var selector).Should().BeFalse();
        selector.Should().BeNull();
    }

    [Theory]
    [InlineData("matchLabels: { app: web }", true)]
    [InlineData("matchLabels: { app: api }", false)]
    [InlineData("matchExpressions: [{ key: tier, operator: In, values: [frontend] }]", true)]
    [InlineData("matchExpressions: [{ key: tier, operator: NotIn, values: [frontend] }]", false)]
    [InlineData("matchExpressions: [{ key: gpu, operator: DoesNotExist }]", true)]
    [InlineData("matchExpressions: [{ key: app, operator: Exists }, { key: app, operator: Sideways }]", false)]
    [InlineData("{}", true)]
    public void The_yaml_form_reads_match_labels_and_match_expressions(string selector, bool selected)
    {
        LabelSelector.FromYaml(Yaml(selector)).Matches(Web).Should().Be(selected);
    }

    [Theory]
    [InlineData("Gt", "2", true)]
    [InlineData("Gt", "3", false)]
    [InlineData("Lt", "4", true)]
    [InlineData("Lt", "three", false)]
    public void Node_selector_requirements_compare_numbers(string op, string bound, bool selected)
    {
        var expressions = Yaml($"e: [{{ key: replicas, operator: {op}, values: [\"{bound}\"] }}]").GetList("e")!;

        LabelSelector.FromExpressions(expressions).Matches(Web).Should().Be(selected);
    }
}
