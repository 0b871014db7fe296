using HomeLab.Manifests.Objects;
using HomeLab.Manifests.Validation;

namespace HomeLab.Manifests.Tests.Validation;

public class KubernetesYamlTests
{
    private const string Pod = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: shell\n  labels:\n    tty: LABEL\nspec:\n  containers:\n    - name: shell\n      image: busybox:1.36\n      stdin: STDIN\n";

    private static IEnumerable<string> Problems(string yaml) =>
        new ManifestValidator(new ValidationOptions { KubernetesVersion = "1.32" }).Validate(ManifestSet.Parse(yaml, "pod.yaml").Objects).Findings.Select(f => $"{f.RuleId} {f.FieldPath}");

    [Fact]
    public void Yes_is_a_boolean_where_kubernetes_expects_one()
    {
        Problems(Pod.Replace("STDIN", "yes", StringComparison.Ordinal).Replace("LABEL", "\"on\"", StringComparison.Ordinal)).Should().BeEmpty();
    }

    [Fact]
    public void An_unquoted_on_as_a_label_value_is_the_boolean_true_and_an_error()
    {
        Problems(Pod.Replace("STDIN", "true", StringComparison.Ordinal).Replace("LABEL", "on", StringComparison.Ordinal))
            .Should().ContainSingle().Which.Should().Be($"{ValidationRuleIds.WrongType} metadata.labels.tty");
    }
}
