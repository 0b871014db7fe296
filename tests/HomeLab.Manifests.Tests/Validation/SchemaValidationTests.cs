using HomeLab.Manifests.Findings;
using HomeLab.Manifests.Objects;
using HomeLab.Manifests.Validation;

namespace HomeLab.Manifests.Tests.Validation;

public class SchemaValidationTests
{
    [Fact]
    public void Valid_built_in_objects_have_no_findings()
    {
        var result = ValidationFixtures.Validate(null, "valid-deployment.yaml");

        result.Findings.Should().BeEmpty();
        result.ValidatedCount.Should().Be(4);
        result.UnvalidatedCount.Should().Be(0);
    }

    [Fact]
    public void Unknown_field_is_reported_at_its_key_with_the_near_miss()
    {
        var result = ValidationFixtures.Validate(null, "broken-deployment.yaml");

        var finding = result.Single(ValidationRuleIds.UnknownField, "spec.template.spec.containers[0].ports[0].containerport");
        finding.Severity.Should().Be(Severity.Error);
        finding.Message.Should().Be("unknown field \"containerport\" in spec.template.spec.containers[0].ports[0]");
        finding.Hint.Should().Be("did you mean 'containerPort'?");
        finding.Span!.Value.Line.Should().Be(18);
        finding.Span!.Value.Column.Should().Be(15);
        finding.Object.Should().Be(new ObjectRef("apps", "Deployment", null, "web"));
    }

    [Fact]
    public void Unknown_field_without_a_near_miss_lists_the_known_fields()
    {
        var objects = ManifestSet.Parse("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\nspecification: {}\n", "cm.yaml").Objects;

        var finding = new ManifestValidator().Validate(objects).Single(ValidationRuleIds.UnknownField, "specification");

        finding.Message.Should().Be("unknown field \"specification\" in the object");
        finding.Hint.Should().Be("known fields: apiVersion, binaryData, data, immutable, kind, metadata");
        finding.Span!.Value.ToString().Should().Be("cm.yaml:5:1");
    }

    [Fact]
    public void Wrong_type_is_reported_at_the_value_with_the_expected_type()
    {
        var result = ValidationFixtures.Validate(null, "broken-deployment.yaml");

        var finding = result.Single(ValidationRuleIds.WrongType, "spec.replicas");
        finding.Message.Should().Be("spec.replicas must be an integer, not the string \"3\"");
        finding.Hint.Should().Be("expected an integer; remove the quotes: 3");
        finding.Span!.Value.Line.Should().Be(6);
        finding.Span!.Value.Column.Should().Be(13);
    }

    [Fact]
    public void Unquoted_number_where_a_string_belongs_is_a_wrong_type_with_a_quoting_hint()
    {
        var result = ValidationFixtures.Validate(null, "bad-names.yaml");

        var finding = result.Single(ValidationRuleIds.WrongType, "data.port");
        finding.Hint.Should().Be("expected a string; quote it: \"8080\"");
        finding.Span!.Value.Line.Should().Be(24);
        finding.Span!.Value.Column.Should().Be(9);
    }

    [Fact]
    public void Missing_required_fields_are_reported_at_the_parent_map()
    {
        var result = ValidationFixtures.Validate(null, "broken-deployment.yaml");

        var name = result.Single(ValidationRuleIds.MissingRequired, "spec.template.spec.containers[0].name");
        name.Message.Should().Be("missing required field \"name\" in spec.template.spec.containers[0]");
        name.Hint.Should().Be("add name: a string");
        (name.Span!.Value.Line, name.Span!.Value.Column).Should().Be((16, 11));

        var port = result.Single(ValidationRuleIds.MissingRequired, "spec.template.spec.containers[0].ports[0].containerPort");
        port.Hint.Should().Be("add containerPort: an integer");
        (port.Span!.Value.Line, port.Span!.Value.Column).Should().Be((18, 15));
    }

    [Fact]
    public void Malformed_quantity_is_an_invalid_value()
    {
        var result = ValidationFixtures.Validate(null, "broken-deployment.yaml");

        var finding = result.Single(ValidationRuleIds.InvalidValue, "spec.template.spec.containers[0].resources.limits.memory");
        finding.Message.Should().Contain("\"512mb\" is not a quantity");
        finding.Hint.Should().Contain("128Mi");
        (finding.Span!.Value.Line, finding.Span!.Value.Column).Should().Be((21, 23));
        result.Findings.Should().HaveCount(5, "replicas, the unknown field, two missing fields and the quantity: {0}", string.Join(" | ", result.Findings));
    }

    [Fact]
    public void Secret_data_must_be_base64()
    {
        var objects = ManifestSet.Parse("apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\ndata:\n  token: not base64!\n", "s.yaml").Objects;

        var finding = new ManifestValidator().Validate(objects).Single(ValidationRuleIds.InvalidValue, "data.token");

        finding.Hint.Should().Contain("stringData");
        finding.Span!.Value.ToString().Should().Be("s.yaml:6:10");
    }

    [Fact]
    public void Missing_apiVersion_kind_and_name_are_reported()
    {
        var result = ValidationFixtures.Validate(null, "bad-names.yaml");

        var apiVersion = result.Single(ValidationRuleIds.MissingIdentity, "apiVersion");
        apiVersion.Message.Should().Be("the object has no apiVersion");
        apiVersion.Span!.Value.Line.Should().Be(26);
        result.Single(ValidationRuleIds.MissingIdentity, "metadata.name").Span!.Value.Line.Should().Be(28);

        var noKind = ManifestSet.Parse("apiVersion: v1\nmetadata:\n  name: a\n", "k.yaml").Objects;
        new ManifestValidator().Validate(noKind).Single(ValidationRuleIds.MissingIdentity, "kind").Hint.Should().Contain("Deployment");
    }

    [Fact]
    public void Unknown_kind_in_a_built_in_group_names_where_the_kind_lives()
    {
        var objects = ManifestSet.Parse("apiVersion: v1\nkind: Deployment\nmetadata:\n  name: a\n---\napiVersion: apps/v1\nkind: Deploymnet\nmetadata:\n  name: b\n", "k.yaml").Objects;

        var result = new ManifestValidator().Validate(objects);

        var findings = result.Findings.Where(f => f.RuleId == ValidationRuleIds.UnknownKind).ToList();
        findings.Should().HaveCount(2);
        findings[0].Hint.Should().Be("Deployment is served as apiVersion: apps/v1");
        findings[0].Span!.Value.ToString().Should().Be("k.yaml:2:7");
        findings[1].Hint.Should().Be("did you mean 'Deployment'?");
    }

    [Fact]
    public void Cached_openapi_document_is_preferred_over_the_model_schema()
    {
        var objects = ValidationFixtures.Load("valid-deployment.yaml");
        var cached = new ManifestValidator(new ValidationOptions { SchemaCacheDirectory = ValidationFixtures.PathOf("schema-cache") });

        var withCache = cached.Validate(objects);
        var withoutCache = new ManifestValidator().Validate(objects);

        cached.SchemaCacheInUse.Should().EndWith(Path.Combine("schema-cache", "1.32"));
        withoutCache.Findings.Should().BeEmpty();
        var finding = withCache.Single(ValidationRuleIds.UnknownField, "spec.replicas");
        finding.Hint.Should().Be("known fields: minReadySeconds, selector, strategy, template");
        withCache.Findings.Should().ContainSingle("the cache only changes the Deployment; Service, Secret and ClusterRole still use the models");
    }

    [Fact]
    public void Schema_cache_of_another_version_is_not_used()
    {
        var validator = new ManifestValidator(new ValidationOptions { SchemaCacheDirectory = ValidationFixtures.PathOf("schema-cache"), KubernetesVersion = "v1.31.4" });

        validator.SchemaCacheInUse.Should().BeNull();
        validator.Validate(ValidationFixtures.Load("valid-deployment.yaml")).Findings.Should().BeEmpty();
    }

    [Fact]
    public void Invalid_kubernetes_version_is_a_clear_error()
    {
        var act = () => new ManifestValidator(new ValidationOptions { KubernetesVersion = "latest" });

        act.Should().Throw<ArgumentException>().WithMessage("KubernetesVersion 'latest' is not a Kubernetes version such as 1.32*");
    }

    [Fact]
    public void Large_sets_validate_in_parallel_with_findings_in_object_order()
    {
        var text = string.Join("---\n", Enumerable.Range(0, 300).Select(i =>
            $"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c{i}\ndata:\n  n: {(i % 100 == 0 ? "1" : "\"1\"")}\n"));
        var objects = ManifestSet.Parse(text, "many.yaml").Objects;

        var result = new ManifestValidator().Validate(objects);

        result.ValidatedCount.Should().Be(300);
        result.Findings.Select(f => f.Object!.Name).Should().Equal("c0", "c100", "c200");
    }
}
