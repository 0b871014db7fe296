using HomeLab.Manifests.Objects;
using HomeLab.Manifests.Validation;

namespace HomeLab.Manifests.Tests.Validation;

public class AlternativeSchemaTests
{
    // anyOf, oneOf and not, with an anyOf inside an anyOf alternative: alternatives are tried on trial walkers.
    private const string Set = """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata:
          name: quotas.example.dev
        spec:
          group: example.dev
          scope: Namespaced
          names: {kind: Quota, plural: quotas}
          versions:
            - name: v1
              served: true
              storage: true
              schema:
                openAPIV3Schema:
                  type: object
                  properties:
                    spec:
                      type: object
                      properties:
                        limit:
                          x-kubernetes-int-or-string: true
                          anyOf: [{type: integer}, {type: string, pattern: '^[0-9]+(m|Mi)$'}]
                        mode:
                          type: string
                          not: {enum: ["off"]}
                        level:
                          type: integer
                          oneOf: [{minimum: 10}, {maximum: 20}]
                        shape:
                          type: object
                          properties:
                            size: {x-kubernetes-int-or-string: true}
                            name: {type: string}
                          anyOf:
                            - required: [size]
                              properties:
                                size:
                                  anyOf: [{type: integer, maximum: 10}, {type: string, enum: [small, large]}]
                            - required: [name]
        ---
        apiVersion: example.dev/v1
        kind: Quota
        metadata: {name: fine}
        spec: {limit: 5, mode: "on", level: 5, shape: {size: 5}}
        ---
        apiVersion: example.dev/v1
        kind: Quota
        metadata: {name: fine-strings}
        spec: {limit: 5Mi, level: 25, shape: {size: small}}
        ---
        apiVersion: example.dev/v1
        kind: Quota
        metadata: {name: wrong}
        spec: {limit: lots, mode: "off", level: 15, shape: {size: 50}}
        ---
        apiVersion: example.dev/v1
        kind: Quota
        metadata: {name: named}
        spec: {shape: {size: huge, name: x}}
        """;

    private static IEnumerable<(string Object, string? FieldPath, string Message)> Findings() =>
        new ManifestValidator().Validate(ManifestSet.Parse(Set, "quotas.yaml").Objects).Findings
            .Select(f => (f.Object!.Name, f.FieldPath, f.Message));

    [Fact]
    public void Values_that_pass_an_alternative_pass_including_one_inside_an_alternative()
    {
        Findings().Select(f => f.Object).Should().OnlyContain(name => name == "wrong", "fine, fine-strings and named each pass an alternative");
    }

    [Fact]
    public void Values_that_fail_every_alternative_or_match_a_forbidden_one_are_reported_once_each()
    {
        Findings().Select(f => (f.FieldPath, f.Message)).Should().Equal(
            ("spec.limit", "spec.limit: the value matches none of the alternatives the schema allows (anyOf)"),
            ("spec.mode", "spec.mode: the value has a form the schema forbids (not)"),
            ("spec.level", "spec.level: the value matches 2 of the alternatives, but exactly one is allowed (oneOf)"),
            ("spec.shape", "spec.shape: the value matches none of the alternatives the schema allows (anyOf)"));
    }
}
