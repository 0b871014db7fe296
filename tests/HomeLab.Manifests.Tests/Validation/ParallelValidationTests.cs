using HomeLab.Manifests.Findings;
using HomeLab.Manifests.Objects;
using HomeLab.Manifests.Validation;

namespace HomeLab.Manifests.Tests.Validation;

public class ParallelValidationTests
{
    // Enough objects to validate in parallel, with findings of many kinds spread over them, and the CRD last so that
    // its schema is read while other threads already wait for it.
    private static IReadOnlyList<KubeObject> LargeSet()
    {
        var widgets = File.ReadAllText(ValidationFixtures.PathOf("widgets.yaml")).Split("---\n");
        var documents = new List<string>();
        for (var i = 0; i < 400; i++)
        {
            documents.Add((i % 5) switch
            {
                0 => widgets[i / 5 % widgets.Length].Replace("name: ", $"name: w{i}-", StringComparison.Ordinal),
                1 => $"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c{i}\n  labels: {{ \"bad key!\": x, ok: \"-no-\" }}\ndata:\n  n: {(i % 3 == 0 ? "1" : "\"1\"")}\n",
                2 => $"apiVersion: v1\nkind: Service\nmetadata:\n  name: S{i}\nspec:\n  ports: [{{ port: http }}]\n  sessionAffinity: Sticky\n",
                3 => $"apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: dup\nspec:\n  replicas: \"{i}\"\n  selector: {{}}\n  template: {{ spec: {{ containers: [{{ name: a, imagePullPolicy: Sometimes }}] }} }}\n",
                _ => $"apiVersion: policy/v1beta1\nkind: PodSecurityPolicy\nmetadata:\n  name: p{i}\n",
            });
        }

        documents.Add(File.ReadAllText(ValidationFixtures.PathOf("widget-crd.yaml")));
        return ManifestSet.Parse(string.Join("---\n", documents), "large.yaml").Objects;
    }

    private static IEnumerable<string> Described(ValidationResult result) =>
        result.Findings.Select(f => $"{f} | {f.Object} | {f.FieldPath}");

    [Fact]
    public void Parallel_validation_gives_the_same_findings_in_the_same_order_as_one_thread()
    {
        var objects = LargeSet();

        var sequential = new ManifestValidator(new ValidationOptions { MaxDegreeOfParallelism = 1 }).Validate(objects);
        var parallel = new ManifestValidator(new ValidationOptions { MaxDegreeOfParallelism = 4 }).Validate(objects);

        sequential.Findings.Should().HaveCountGreaterThan(400, "every object has something wrong");
        sequential.Findings.Select(f => f.RuleId).Distinct().Should().Contain(
            [ValidationRuleIds.UnknownField, ValidationRuleIds.WrongType, ValidationRuleIds.InvalidValue, ValidationRuleIds.InvalidLabel, ValidationRuleIds.InvalidName, ValidationRuleIds.DuplicateObject, ValidationRuleIds.RemovedApi]);
        Described(parallel).Should().Equal(Described(sequential));
        (parallel.ValidatedCount, parallel.UnvalidatedCount).Should().Be((sequential.ValidatedCount, sequential.UnvalidatedCount));
    }

    [Fact]
    public void Findings_come_in_object_order_whichever_thread_checked_an_object()
    {
        var objects = LargeSet();
        var position = objects.Select((o, i) => (o.Ref, i)).GroupBy(p => p.Ref).Where(g => g.Count() == 1).ToDictionary(g => g.Key, g => g.Single().i);

        var findings = new ManifestValidator().Validate(objects).Findings;

        var positions = findings.Where(f => position.ContainsKey(f.Object!)).Select(f => position[f.Object!]).ToList();
        positions.Should().HaveCountGreaterThan(300).And.BeInAscendingOrder();
    }

    [Fact]
    public void A_crd_after_its_custom_resources_still_validates_them()
    {
        var objects = LargeSet();

        var result = new ManifestValidator().Validate(objects);

        result.UnvalidatedCount.Should().Be(0);
        result.Findings.Should().Contain(f => f.Object!.Kind == "Widget" && f.RuleId == ValidationRuleIds.UnknownField && f.FieldPath == "spec.sise");
        result.Findings.Should().NotContain(f => f.Object!.Kind == "Widget" && f.Object.Name.EndsWith("-good", StringComparison.Ordinal));
    }

    private const string UnreadableCrd = """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata:
          name: gears.example.com
        spec:
          group: example.com
          scope: Namespaced
          names: { kind: Gear, plural: gears }
          versions:
            - name: v1
              served: true
              storage: true
              schema:
                openAPIV3Schema:
                  type: object
                  required: [1]
        """;

    [Fact]
    public void A_crd_schema_that_cannot_be_read_fails_its_custom_resources_with_its_own_exception_on_many_threads()
    {
        var gears = Enumerable.Range(0, 200).Select(i => $"apiVersion: example.com/v1\nkind: Gear\nmetadata:\n  name: g{i}\n");
        var objects = ManifestSet.Parse(string.Join("---\n", [UnreadableCrd + "\n", .. gears]), "gears.yaml").Objects;

        Action parallel = () => new ManifestValidator(new ValidationOptions { MaxDegreeOfParallelism = 4 }).Validate(objects);
        Action sequential = () => new ManifestValidator(new ValidationOptions { MaxDegreeOfParallelism = 1 }).Validate(objects);

        var expected = Record.Exception(sequential);
        var actual = Record.Exception(parallel);

        expected.Should().NotBeNull().And.NotBeOfType<AggregateException>();
        actual.Should().BeOfType(expected!.GetType(), "the failure itself, not an AggregateException around it");
        actual!.Message.Should().Be(expected.Message);
    }

    [Fact]
    public void A_crd_schema_that_cannot_be_read_does_not_matter_when_no_object_uses_it()
    {
        var objects = ManifestSet.Parse(UnreadableCrd + "\n", "gears.yaml").Objects;

        var result = new ManifestValidator().Validate(objects);

        result.ValidatedCount.Should().Be(1, "the CRD itself is validated against the CRD schema");
        result.Findings.Should().ContainSingle(f => f.FieldPath == "spec.versions[0].schema.openAPIV3Schema.required[0]")
            .Which.RuleId.Should().Be(ValidationRuleIds.WrongType);
    }
}
