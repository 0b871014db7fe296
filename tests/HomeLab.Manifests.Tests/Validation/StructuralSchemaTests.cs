using HomeLab.Manifests.Validation;

namespace HomeLab.Manifests.Tests.Validation;

public class StructuralSchemaTests
{
    private static IEnumerable<string> Problems(string name) =>
        ValidationFixtures.Validate(null, "alert-crd.yaml", "alerts.yaml").Findings
            .Where(f => f.Object!.Name == name)
            .Select(f => $"{f.FieldPath}: {f.Message[(f.Message.IndexOf(": ", StringComparison.Ordinal) + 2)..]}");

    [Fact]
    public void A_resource_that_meets_every_keyword_passes()
    {
        Problems("good").Should().BeEmpty();
    }

    [Fact]
    public void Pattern_length_range_items_and_one_of_are_enforced()
    {
        Problems("bad").Should().BeEquivalentTo(
            "spec.for: \"five minutes\" does not match the pattern ^(0|(([0-9]+)h)?(([0-9]+)m)?(([0-9]+)s)?)$",
            "spec.name: the value is longer than 8 characters (16)",
            "spec.replicas: 9 is above the maximum of 5",
            "spec.receivers: the list has 0 items, fewer than the 1 required",
            "spec.target: the value matches 2 of the alternatives, but exactly one is allowed (oneOf)");
    }

    [Fact]
    public void Minimums_and_an_object_matching_no_alternative_are_enforced()
    {
        Problems("short").Should().BeEquivalentTo(
            "spec.name: \"ab\" is shorter than 3 characters",
            "spec.replicas: 0 is below the minimum of 1",
            "spec.target: the value matches none of the alternatives the schema allows (oneOf)");
    }

    [Fact]
    public void Findings_of_keywords_are_invalid_values_at_their_line()
    {
        var finding = ValidationFixtures.Validate(null, "alert-crd.yaml", "alerts.yaml").Single(ValidationRuleIds.InvalidValue, "spec.for");

        finding.Span!.Value.Line.Should().Be(15);
        finding.Hint.Should().Contain("CRD alerts.example.dev");
    }
}
