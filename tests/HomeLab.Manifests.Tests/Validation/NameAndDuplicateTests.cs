using HomeLab.Manifests.Findings;
using HomeLab.Manifests.Objects;
using HomeLab.Manifests.Validation;

namespace HomeLab.Manifests.Tests.Validation;

public class NameAndDuplicateTests
{
    [Fact]
    public void Namespace_names_follow_dns_1123_label_rules()
    {
        var finding = ValidationFixtures.Validate(null, "bad-names.yaml").Findings
            .Single(f => f.RuleId == ValidationRuleIds.InvalidName && f.Object!.Kind == "Namespace");

        finding.Message.Should().Be("name \"Media\" of Namespace is invalid: must consist of lower-case letters, digits and '-', and start and end with a letter or digit");
        finding.Hint.Should().Contain("DNS-1123 label");
        finding.Span!.Value.ToString().Should().EndWith("bad-names.yaml:4:9");
    }

    [Fact]
    public void Service_names_must_start_with_a_letter()
    {
        var finding = ValidationFixtures.Validate(null, "bad-names.yaml").Findings
            .Single(f => f.RuleId == ValidationRuleIds.InvalidName && f.Object!.Kind == "Service");

        finding.Message.Should().Be("name \"1web\" of Service is invalid: must start with a lower-case letter");
        (finding.Span!.Value.Line, finding.Span!.Value.Column).Should().Be((9, 9));
    }

    [Fact]
    public void Other_names_follow_dns_1123_subdomain_rules_and_rbac_names_may_have_colons()
    {
        var result = ValidationFixtures.Validate(null, "bad-names.yaml");

        var finding = result.Findings.Single(f => f.RuleId == ValidationRuleIds.InvalidName && f.Object!.Kind == "ConfigMap");
        finding.Message.Should().StartWith("name \"my_config\" of ConfigMap is invalid");
        finding.Hint.Should().Contain("DNS-1123 subdomain");
        ValidationFixtures.Validate(null, "valid-deployment.yaml").Findings.Should().BeEmpty("system:web-reader is a valid ClusterRole name");
    }

    [Fact]
    public void Invalid_label_keys_are_reported_at_the_key_and_values_at_the_value()
    {
        var result = ValidationFixtures.Validate(null, "bad-names.yaml");

        var key = result.Findings.Single(f => f.RuleId == ValidationRuleIds.InvalidLabel && f.FieldPath == "metadata.labels.-bad");
        key.Message.Should().StartWith("label key \"-bad\" is invalid: the name part must");
        (key.Span!.Value.Line, key.Span!.Value.Column).Should().Be((21, 5));

        var value = result.Findings.Single(f => f.RuleId == ValidationRuleIds.InvalidLabel && f.FieldPath == "metadata.labels.good");
        value.Message.Should().Contain("must be at most 63 characters (it has 75)");
        (value.Span!.Value.Line, value.Span!.Value.Column).Should().Be((22, 11));
    }

    [Theory]
    [InlineData("app.kubernetes.io/name", true)]
    [InlineData("example.com/a_b.c-d", true)]
    [InlineData("Example.com/x", false)]
    [InlineData("a/b/c", false)]
    [InlineData("/x", false)]
    [InlineData("x/", false)]
    [InlineData("_x", false)]
    public void Qualified_names_follow_the_label_key_rules(string key, bool valid) =>
        (KubernetesNames.CheckQualifiedName(key) is null).Should().Be(valid);

    [Theory]
    [InlineData("", true)]
    [InlineData("v1.2_3-beta", true)]
    [InlineData("-x", false)]
    [InlineData("has space", false)]
    public void Label_values_may_be_empty_but_not_malformed(string value, bool valid) =>
        (KubernetesNames.CheckLabelValue(value) is null).Should().Be(valid);

    [Fact]
    public void Duplicate_objects_across_files_name_both_places()
    {
        var result = ValidationFixtures.Validate(null, "duplicate-a.yaml", "duplicate-b.yaml");

        var finding = result.Findings.Should().ContainSingle().Subject;
        finding.RuleId.Should().Be(ValidationRuleIds.DuplicateObject);
        finding.Severity.Should().Be(Severity.Error);
        finding.Message.Should().MatchRegex(@"^ConfigMap media/settings is defined twice: at .*duplicate-a\.yaml:4:9 and at .*duplicate-b\.yaml:5:9$");
        finding.Span!.Value.File.Should().EndWith("duplicate-b.yaml");
        finding.Hint.Should().Contain("duplicate-a.yaml:4:9");
    }

    [Fact]
    public void Same_name_in_another_namespace_or_kind_is_not_a_duplicate()
    {
        var objects = ManifestSet.Parse(
            "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a, namespace: x}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: a, namespace: w}\n---\napiVersion: v1\nkind: Secret\nmetadata: {name: a, namespace: x}\n",
            "d.yaml").Objects;

        new ManifestValidator().Validate(objects).Findings.Should().BeEmpty();
    }
}
