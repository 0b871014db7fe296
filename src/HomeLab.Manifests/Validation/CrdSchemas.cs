using HomeLab.Manifests.Objects;
using HomeLab.Manifests.Schemas;
using HomeLab.Manifests.Yaml;

namespace HomeLab.Manifests.Validation;

/// <summary>
/// The schemas CustomResourceDefinitions give their custom resources: every served version's
/// <c>openAPIV3Schema</c> (apiextensions.k8s.io/v1, or v1beta1's <c>spec.validation</c>), with apiVersion, kind and
/// metadata added at the root as the API server does. A schema is read only when an object of its kind is validated:
/// a rendered set usually carries many CRDs and few of their custom resources.
/// </summary>
internal static class CrdSchemas
{
    public static bool IsCrd(KubeObject obj) => obj.Group == "apiextensions.k8s.io" && obj.Kind == "CustomResourceDefinition";

    /// <summary>Adds the schemas of a CRD, each read on first use (thread-safe); a version without a schema adds nothing.</summary>
    public static void Add(KubeObject crd, Dictionary<GroupVersionKind, Lazy<SchemaNode>> schemas, KubernetesModelSchemas models)
    {
        var spec = crd.Root.GetMap("spec");
        var group = spec?.GetString("group");
        var kind = spec?.GetMap("names")?.GetString("kind");
        if (spec is null || group is null || kind is null)
        {
            return;
        }

        var shared = spec.GetMap("validation")?["openAPIV3Schema"];
        var versions = new List<(string Name, YamlNode? Schema)>();
        if (spec.GetList("versions") is { } list)
        {
            foreach (var item in list.Items.OfType<YamlMap>())
            {
                if (item.GetString("name") is { } name && (item["served"] as YamlScalar)?.AsBool() != false)
                {
                    versions.Add((name, item.GetMap("schema")?["openAPIV3Schema"] ?? shared));
                }
            }
        }
        else if (spec.GetString("version") is { } single)
        {
            versions.Add((single, shared));
        }

        foreach (var (version, schema) in versions)
        {
            if (schema is YamlMap map)
            {
                schemas[new GroupVersionKind(group, version, kind)] = new(() => Read(crd, map, models), LazyThreadSafetyMode.ExecutionAndPublication);
            }
        }
    }

    private static SchemaNode Read(KubeObject crd, YamlMap schema, KubernetesModelSchemas models)
    {
        var reader = new OpenApiSchemaReader(null, $"CRD {crd.Name} ({crd.SourceFile})");
        return WithObjectFields(reader.Read(schema.ToJson()), models);
    }

    private static SchemaNode WithObjectFields(SchemaNode root, KubernetesModelSchemas models)
    {
        var wrapped = root.Clone();
        if (wrapped.Type == SchemaType.Any)
        {
            wrapped.Type = SchemaType.Object;
        }

        var properties = new Dictionary<string, SchemaNode>(root.FrozenProperties, StringComparer.Ordinal)
        {
            ["apiVersion"] = Scalars.String,
            ["kind"] = Scalars.String,
            ["metadata"] = models.ObjectMeta,
        };
        wrapped.SetProperties(properties);
        return wrapped;
    }
}
