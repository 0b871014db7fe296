using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace HomeLab.Manifests.Schemas;

/// <summary>
/// Reads OpenAPI v3 schemas — a Kubernetes <c>/openapi/v3</c> group-version document's
/// <c>components.schemas</c>, or a CustomResourceDefinition's <c>openAPIV3Schema</c> — into <see cref="SchemaNode"/>s.
/// References are resolved once and shared, so recursive types (such as JSONSchemaProps) end in a cycle, not a loop.
/// Not thread-safe: callers read a document under one lock.
/// </summary>
internal sealed class OpenApiSchemaReader
{
    private const string RefPrefix = "#/components/schemas/";
    private const string Meta = "io.k8s.apimachinery.pkg.apis.meta.v1.";
    private const string Extensions = "io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.";

    private readonly JsonObject? _components;
    private readonly string _source;
    private readonly Dictionary<string, SchemaNode> _resolved = new(StringComparer.Ordinal);

    public OpenApiSchemaReader(JsonObject? components, string source)
    {
        _components = components;
        _source = source;
    }

    /// <summary>The schema named in <c>components.schemas</c>.</summary>
    public SchemaNode ReadNamed(string name)
    {
        if (_resolved.TryGetValue(name, out var done))
        {
            return done;
        }

        var special = WellKnown(name);
        if (special is not null)
        {
            _resolved[name] = special;
            return special;
        }

        if (_components?[name] is not JsonObject schema)
        {
            // A dangling reference: accept anything rather than reject valid manifests.
            _resolved[name] = SchemaNode.AnyValue;
            return SchemaNode.AnyValue;
        }

        var node = new SchemaNode(SchemaType.Any);
        _resolved[name] = node;
        Fill(node, schema, $"{_source} {name}");
        if (name == Meta + "ObjectMeta")
        {
            MarkRole(node, "labels", SchemaRole.Labels);
            MarkRole(node, "annotations", SchemaRole.Annotations);
        }
        else if (name == Meta + "LabelSelector")
        {
            MarkRole(node, "matchLabels", SchemaRole.Labels);
        }

        return node;
    }

    /// <summary>Reads an inline schema.</summary>
    public SchemaNode Read(JsonNode? schema)
    {
        if (schema is not JsonObject obj)
        {
            return SchemaNode.AnyValue;
        }

        if (RefName(obj) is { } name)
        {
            return ReadNamed(name);
        }

        var node = new SchemaNode(SchemaType.Any);
        Fill(node, obj, _source);
        return node;
    }

    private static string? RefName(JsonObject obj)
    {
        if (obj["$ref"]?.GetValue<string>() is { } direct)
        {
            return direct.StartsWith(RefPrefix, StringComparison.Ordinal) ? direct[RefPrefix.Length..] : direct;
        }

        // Kubernetes wraps references to add a description or default: {"allOf":[{"$ref":...}], "default":{}}.
        if (obj["allOf"] is JsonArray { Count: 1 } allOf && allOf[0] is JsonObject only && obj["properties"] is null && obj["type"] is null)
        {
            return RefName(only);
        }

        return null;
    }

    private static SchemaNode? WellKnown(string name) => name switch
    {
        "io.k8s.apimachinery.pkg.api.resource.Quantity" => Scalars.Quantity,
        "io.k8s.apimachinery.pkg.util.intstr.IntOrString" => Scalars.IntOrString,
        Meta + "Time" or Meta + "MicroTime" => Scalars.DateTime,
        "io.k8s.apimachinery.pkg.runtime.RawExtension" or Meta + "FieldsV1" => SchemaNode.AnyValue,
        Extensions + "JSON" or Extensions + "JSONSchemaPropsOrBool" or Extensions + "JSONSchemaPropsOrArray" or Extensions + "JSONSchemaPropsOrStringArray" => SchemaNode.AnyValue,
        _ => null,
    };

    private static void MarkRole(SchemaNode node, string property, SchemaRole role)
    {
        if (node.FrozenProperties.TryGetValue(property, out var map))
        {
            var marked = map.Clone();
            marked.Role = role;
            node.SetProperties(node.FrozenProperties.Select(p => p.Key == property ? new KeyValuePair<string, SchemaNode>(p.Key, marked) : p));
        }
    }

    private static bool Flag(JsonObject obj, string name) =>
        obj[name] is JsonValue value && value.GetValueKind() == JsonValueKind.True;

    private void Fill(SchemaNode node, JsonObject obj, string source)
    {
        node.Source = source;
        var type = obj["type"] is JsonValue t && t.GetValueKind() == JsonValueKind.String ? t.GetValue<string>() : null;
        var format = obj["format"] is JsonValue f && f.GetValueKind() == JsonValueKind.String ? f.GetValue<string>() : null;
        node.Format = format;
        node.PreserveUnknownFields = Flag(obj, "x-kubernetes-preserve-unknown-fields");
        var properties = obj["properties"] as JsonObject;
        node.Type = type switch
        {
            _ when Flag(obj, "x-kubernetes-int-or-string") || format == "int-or-string" => SchemaType.IntOrString,
            "object" => SchemaType.Object,
            "array" => SchemaType.Array,
            "string" => SchemaType.String,
            "integer" => SchemaType.Integer,
            "number" => SchemaType.Number,
            "boolean" => SchemaType.Boolean,
            _ when properties is not null || obj["additionalProperties"] is not null => SchemaType.Object,
            _ => SchemaType.Any,
        };

        if (obj["enum"] is JsonArray values)
        {
            node.Enum = [.. values.Select(v => v is JsonValue scalar && scalar.GetValueKind() == JsonValueKind.String
                ? scalar.GetValue<string>()
                : v?.ToJsonString() ?? "null")];
        }

        node.Constraints = ReadConstraints(obj);
        if (obj["required"] is JsonArray required)
        {
            // Read for every node: the oneOf/anyOf alternatives of structural schemas name required fields without a type.
            node.Required = [.. required.Select(r => r?.GetValue<string>()).OfType<string>()];
        }

        if (node.Type == SchemaType.Array)
        {
            node.Items = obj["items"] is JsonObject items ? Read(items) : null;
            return;
        }

        if (node.Type != SchemaType.Object)
        {
            return;
        }

        var read = new List<KeyValuePair<string, SchemaNode>>();
        if (properties is not null)
        {
            foreach (var (key, value) in properties)
            {
                read.Add(new(key, Read(value)));
            }
        }

        if (Flag(obj, "x-kubernetes-embedded-resource"))
        {
            // An embedded object is a whole Kubernetes object: apiVersion, kind and metadata are always allowed.
            foreach (var implicitKey in (ReadOnlySpan<string>)["apiVersion", "kind", "metadata"])
            {
                if (properties?[implicitKey] is null)
                {
                    read.Add(new(implicitKey, implicitKey == "metadata" ? SchemaNode.AnyValue : Scalars.String));
                }
            }
        }

        node.SetProperties(read);
        node.AdditionalProperties = obj["additionalProperties"] switch
        {
            JsonValue b when b.GetValueKind() == JsonValueKind.True => SchemaNode.AnyValue,
            JsonObject schema => Read(schema),
            _ => null,
        };
        // An object schema with neither properties nor additionalProperties says nothing about its keys.
        if (properties is null && node.AdditionalProperties is null && !node.PreserveUnknownFields && type is null)
        {
            node.PreserveUnknownFields = true;
        }
    }

    /// <summary>Reads the <c>x-kubernetes-group-version-kind</c> entries of a schema.</summary>
    private static readonly string[] ConstraintKeys =
    [
        "pattern", "minLength", "maxLength", "minimum", "maximum", "multipleOf", "minItems", "maxItems", "uniqueItems",
        "minProperties", "maxProperties", "allOf", "anyOf", "oneOf", "not",
    ];

    private static double? Number(JsonObject obj, string name) =>
        obj[name] is JsonValue value && value.GetValueKind() == JsonValueKind.Number
            && double.TryParse(value.ToJsonString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var number) ? number : null;

    private static long? Count(JsonObject obj, string name) => Number(obj, name) is { } number ? (long)number : null;

    private SchemaConstraints? ReadConstraints(JsonObject obj)
    {
        if (!ConstraintKeys.Any(obj.ContainsKey))
        {
            return null;
        }

        var pattern = obj["pattern"] is JsonValue p && p.GetValueKind() == JsonValueKind.String ? p.GetValue<string>() : null;
        Regex? regex = null;
        if (pattern is not null)
        {
            try
            {
                regex = new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(200));
            }
            catch (ArgumentException)
            {
                regex = null; // a pattern .NET cannot read is not checked, rather than rejecting valid values
            }
        }

        // The sub-schemas of a reference ({"allOf":[{"$ref":...}]}) are the reference itself, read elsewhere.
        var allOf = RefName(obj) is null ? Schemas(obj["allOf"]) : [];
        return new SchemaConstraints
        {
            Pattern = regex,
            PatternText = pattern,
            MinLength = Count(obj, "minLength"),
            MaxLength = Count(obj, "maxLength"),
            Minimum = Number(obj, "minimum"),
            Maximum = Number(obj, "maximum"),
            ExclusiveMinimum = Flag(obj, "exclusiveMinimum"),
            ExclusiveMaximum = Flag(obj, "exclusiveMaximum"),
            MultipleOf = Number(obj, "multipleOf"),
            MinItems = Count(obj, "minItems"),
            MaxItems = Count(obj, "maxItems"),
            UniqueItems = Flag(obj, "uniqueItems"),
            MinProperties = Count(obj, "minProperties"),
            MaxProperties = Count(obj, "maxProperties"),
            AllOf = allOf,
            AnyOf = Schemas(obj["anyOf"]),
            OneOf = Schemas(obj["oneOf"]),
            Not = obj["not"] is JsonObject not ? Read(not) : null,
        };
    }

    private List<SchemaNode> Schemas(JsonNode? list) => list is JsonArray array ? [.. array.OfType<JsonObject>().Select(Read)] : [];

    public static IEnumerable<GroupVersionKind> GroupVersionKinds(JsonObject schema)
    {
        if (schema["x-kubernetes-group-version-kind"] is not JsonArray entries)
        {
            yield break;
        }

        foreach (var entry in entries.OfType<JsonObject>())
        {
            var group = entry["group"]?.GetValue<string>() ?? string.Empty;
            var version = entry["version"]?.GetValue<string>();
            var kind = entry["kind"]?.GetValue<string>();
            if (version is not null && kind is not null)
            {
                yield return new GroupVersionKind(group, version, kind);
            }
        }
    }
}
