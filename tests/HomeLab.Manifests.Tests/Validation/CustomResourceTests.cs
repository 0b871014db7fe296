using HomeLab.Manifests.Findings;
using HomeLab.Manifests.Objects;
using HomeLab.Manifests.Validation;

namespace HomeLab.Manifests.Tests.Validation;

public class CustomResourceTests
{
    [Fact]
    public void Custom_resources_validate_against_the_crd_in_the_set()
    {
        var result = ValidationFixtures.Validate(null, "widget-crd.yaml", "widgets.yaml");

        result.ValidatedCount.Should().Be(5, "the CRD and four widgets");
        result.UnvalidatedCount.Should().Be(0);
        result.Findings.Select(f => f.Object!.Name).Distinct().Should().Equal("bad", "old");
    }

    [Fact]
    public void Preserve_unknown_fields_and_int_or_string_are_honoured()
    {
        var result = ValidationFixtures.Validate(null, "widget-crd.yaml", "widgets.yaml");

        result.Findings.Should().NotContain(f => f.Object!.Name == "good" || f.Object!.Name == "numeric-port");
        var port = result.Single(ValidationRuleIds.WrongType, "spec.port");
        port.Message.Should().Be("spec.port must be an integer or a string, not the number 1.5");
        port.Hint.Should().Be("expected an integer or a string");
    }

    [Fact]
    public void Crd_schemas_report_unknown_fields_required_fields_and_enums()
    {
        var result = ValidationFixtures.Validate(null, "widget-crd.yaml", "widgets.yaml");

        var unknown = result.Single(ValidationRuleIds.UnknownField, "spec.sise");
        unknown.Hint.Should().Be("did you mean 'size'?");
        (unknown.Span!.Value.Line, unknown.Span!.Value.Column).Should().Be((26, 3));
        result.Single(ValidationRuleIds.MissingRequired, "spec.size").Span!.Value.Line.Should().Be(26);
        var mode = result.Single(ValidationRuleIds.InvalidValue, "spec.mode");
        mode.Hint.Should().Be("did you mean 'fast'? (one of: fast, slow)");
    }

    [Fact]
    public void Every_served_version_of_a_crd_has_its_own_schema()
    {
        var result = ValidationFixtures.Validate(null, "widget-crd.yaml", "widgets.yaml");

        var finding = result.Findings.Single(f => f.Object!.Name == "old");
        finding.RuleId.Should().Be(ValidationRuleIds.UnknownField);
        finding.FieldPath.Should().Be("spec.size", "v1alpha1 only has colour");
    }

    [Fact]
    public void Crds_from_extra_files_validate_custom_resources()
    {
        var options = new ValidationOptions { ExtraCrdFiles = [ValidationFixtures.PathOf("widget-crd.yaml")] };

        var result = ValidationFixtures.Validate(options, "widgets.yaml");

        result.ValidatedCount.Should().Be(4);
        result.Findings.Select(f => f.Object!.Name).Distinct().Should().Equal("bad", "old");
    }

    [Fact]
    public void Custom_resource_without_a_schema_is_counted_as_unvalidated_information()
    {
        var result = ValidationFixtures.Validate(null, "widget-crd.yaml", "gadget.yaml");

        result.UnvalidatedCount.Should().Be(1);
        result.UnvalidatedKinds.Should().Equal("example.com/v1 Gadget");
        var finding = result.Findings.Should().ContainSingle().Subject;
        finding.RuleId.Should().Be(ValidationRuleIds.Unvalidated);
        finding.Severity.Should().Be(Severity.Info);
        finding.Message.Should().Be("no schema for example.com/v1 Gadget: example.com/Gadget unknown-schema was not validated");
        (finding.Span!.Value.Line, finding.Span!.Value.Column).Should().Be((2, 7));
        result.HasErrors.Should().BeFalse();
    }

    [Fact]
    public void Fail_on_unvalidated_makes_a_custom_resource_without_a_schema_an_error()
    {
        var result = ValidationFixtures.Validate(new ValidationOptions { FailOnUnvalidated = true }, "gadget.yaml");

        result.Findings.Should().ContainSingle().Which.Severity.Should().Be(Severity.Error);
        result.HasErrors.Should().BeTrue();
        result.UnvalidatedCount.Should().Be(1);
    }

    [Fact]
    public void Served_false_versions_give_no_schema()
    {
        var objects = ValidationFixtures.Load("widget-crd.yaml")
            .Concat(ManifestSet.Parse("apiVersion: example.com/v0\nkind: Widget\nmetadata:\n  name: w\n", "w.yaml").Objects)
            .ToList();

        var result = new ManifestValidator().Validate(objects);

        result.UnvalidatedCount.Should().Be(1);
    }
}
