using HomeLab.Manifests.Findings;
using HomeLab.Manifests.Objects;
using HomeLab.Manifests.Yaml;

namespace HomeLab.Manifests.Tests.Objects;

public class KubeObjectTests
{
    [Fact]
    public void Object_reads_its_identity_from_the_manifest()
    {
        var set = ManifestSet.Parse(
            "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: default\n  labels:\n    app: web\n    tier: 1\n  annotations:\n    note: hi\n",
            "web.yaml");

        var web = set.Objects.Should().ContainSingle().Which;
        (web.ApiVersion, web.Group, web.Version, web.Kind, web.Name, web.Namespace).Should().Be(("apps/v1", "apps", "v1", "Deployment", "web", "default"));
        web.Labels.Should().Equal(new Dictionary<string, string> { ["app"] = "web", ["tier"] = "1" });
        web.Annotations.Should().ContainKey("note");
        web.Ref.Should().Be(new ObjectRef("apps", "Deployment", "default", "web"));
        web.Ref.ToString().Should().Be("apps/Deployment default/web");
        web.SourceFile.Should().Be("web.yaml");
        web.Span.Line.Should().Be(1);
    }

    [Fact]
    public void Core_and_cluster_scoped_objects_render_without_group_or_namespace()
    {
        var ns = new KubeObject(YamlMap.Of(("apiVersion", "v1"), ("kind", "Namespace"), ("metadata", YamlMap.Of(("name", "apps")))));

        ns.Group.Should().BeEmpty();
        ns.Namespace.Should().BeNull();
        ns.Labels.Should().BeEmpty();
        ns.Ref.ToString().Should().Be("Namespace apps");
    }

    [Fact]
    public void Findings_render_with_file_line_severity_rule_and_hint()
    {
        var finding = new Finding("schema/unknown-field", Severity.Warning, "unknown field 'replica'")
        {
            Span = SourceSpan.At("apps/web.yaml", 7, 3),
            Hint = "did you mean 'replicas'?",
        };

        finding.ToString().Should().Be("apps/web.yaml:7:3: warning schema/unknown-field: unknown field 'replica' (did you mean 'replicas'?)");
        (finding with { Span = null, Hint = null }).ToString().Should().Be("warning schema/unknown-field: unknown field 'replica'");
    }
}
