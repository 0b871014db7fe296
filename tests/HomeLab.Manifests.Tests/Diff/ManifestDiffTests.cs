using HomeLab.Manifests.Diff;
using HomeLab.Manifests.Objects;
using HomeLab.Manifests.Yaml;

namespace HomeLab.Manifests.Tests.Diff;

public sealed class ManifestDiffTests
{
    private static KubeObject[] Objects(string yaml) =>
        [.. YamlLoader.Manifests.LoadString(yaml, "render.yaml").Documents.Select(d => new KubeObject((YamlMap)d.Root))];

    private const string Before = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: { name: web, namespace: apps, annotations: { checksum/config: aaa } }
        spec: { template: { spec: { containers: [ { name: web, image: "web:1.0" } ] } } }
        ---
        apiVersion: v1
        kind: Secret
        metadata: { name: admin, namespace: apps, labels: { app.kubernetes.io/managed-by: Helm } }
        data: { password: c2VjcmV0MQ==, user: YWRtaW4= }
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata: { name: old, namespace: apps }
        """;

    private const string After = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: { name: web, namespace: apps, annotations: { checksum/config: bbb } }
        spec: { template: { spec: { containers: [ { name: web, image: "web:1.1" } ] } } }
        ---
        apiVersion: v1
        kind: Secret
        metadata: { name: admin, namespace: apps, labels: { app.kubernetes.io/managed-by: Helm } }
        data: { password: c2VjcmV0Mg==, user: cm9vdHVzZXI=, token: dG9rZW4= }
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata: { name: new, namespace: apps }
        """;

    [Fact]
    public void Objects_are_added_removed_or_changed_field_by_field_without_checksum_noise()
    {
        var changes = ManifestDiff.Compare(Objects(Before), Objects(After));

        changes.Select(c => (c.Object.Name, c.Kind)).Should().BeEquivalentTo([("new", ChangeKind.Added), ("old", ChangeKind.Removed), ("web", ChangeKind.Changed), ("admin", ChangeKind.Changed)]);
        var web = changes.Single(c => c.Object.Name == "web");
        web.Fields.Should().ContainSingle().Which.Should().Be(new FieldChange("spec.template.spec.containers[0].image", ChangeKind.Changed, "\"web:1.0\"", "\"web:1.1\""));
    }

    [Fact]
    public void Secret_values_are_masked_and_a_regenerated_random_value_is_no_change()
    {
        var admin = ManifestDiff.Compare(Objects(Before), Objects(After)).Single(c => c.Object.Name == "admin");

        // password kept its length (a chart's randAlphaNum on every render); user changed length; token is new.
        admin.Fields.Select(f => f.Path).Should().BeEquivalentTo(["data.user", "data.token"]);
        admin.Fields.Should().OnlyContain(f => (f.Before ?? ManifestDiff.Masked) == ManifestDiff.Masked && f.After == ManifestDiff.Masked);
    }
}
