using System.Collections.Frozen;

namespace HomeLab.Manifests.Schemas;

/// <summary>
/// One node of a schema: the small subset of OpenAPI v3 / JSON Schema that Kubernetes structural schemas use
/// (object properties, required, additionalProperties, array items, scalar types, enum, format,
/// <c>x-kubernetes-int-or-string</c>, <c>x-kubernetes-preserve-unknown-fields</c>). Schemas may be recursive,
/// so nodes are built first and filled in after; once a schema is handed out it is never changed.
/// </summary>
public sealed class SchemaNode
{
    private static readonly FrozenDictionary<string, SchemaNode> NoProperties = FrozenDictionary<string, SchemaNode>.Empty;

    /// <summary>Creates a node of a type, to be filled in by a schema source.</summary>
    /// <param name="type">The type of value it accepts.</param>
    public SchemaNode(SchemaType type) => Type = type;

    /// <summary>A node that accepts anything.</summary>
    public static SchemaNode AnyValue { get; } = new(SchemaType.Any) { PreserveUnknownFields = true };

    /// <summary>The type of value it accepts.</summary>
    public SchemaType Type { get; internal set; }

    /// <summary>The known properties of an object, by name.</summary>
    public IReadOnlyDictionary<string, SchemaNode> Properties => FrozenProperties;

    /// <summary>The properties an object must have.</summary>
    public IReadOnlyList<string> Required { get; internal set; } = [];

    /// <summary>The schema of keys not in <see cref="Properties"/> (a map's values); null when such keys are not allowed.</summary>
    public SchemaNode? AdditionalProperties { get; internal set; }

    /// <summary>Whether keys that no schema describes are kept (<c>x-kubernetes-preserve-unknown-fields</c>).</summary>
    public bool PreserveUnknownFields { get; internal set; }

    /// <summary>The schema of a list's items; null when items are not checked.</summary>
    public SchemaNode? Items { get; internal set; }

    /// <summary>The allowed values, as text; null when any value of the type is allowed.</summary>
    public IReadOnlyList<string>? Enum { get; internal set; }

    /// <summary>The format, such as <c>int32</c>, <c>byte</c> or <c>date-time</c>; null when none.</summary>
    public string? Format { get; internal set; }

    /// <summary>What Kubernetes does with the keys and values of this map, beyond its type.</summary>
    public SchemaRole Role { get; internal set; }

    /// <summary>The value validations beyond the type (pattern, ranges, lengths, sub-schemas); null when there are none.</summary>
    internal SchemaConstraints? Constraints { get; set; }

    /// <summary>Where the schema came from, such as <c>KubernetesClient model V1Deployment</c>, for messages.</summary>
    public string? Source { get; internal set; }

    internal FrozenDictionary<string, SchemaNode> FrozenProperties { get; private set; } = NoProperties;

    internal void SetProperties(IEnumerable<KeyValuePair<string, SchemaNode>> properties) =>
        FrozenProperties = properties.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>A shallow copy, so a shared node can be given different properties or a different source.</summary>
    /// <returns>The copy.</returns>
    internal SchemaNode Clone()
    {
        var copy = new SchemaNode(Type)
        {
            Required = Required,
            AdditionalProperties = AdditionalProperties,
            PreserveUnknownFields = PreserveUnknownFields,
            Items = Items,
            Enum = Enum,
            Format = Format,
            Role = Role,
            Source = Source,
            Constraints = Constraints,
        };
        copy.FrozenProperties = FrozenProperties;
        return copy;
    }

    /// <summary>Renders the type for messages: <c>string</c>, <c>integer</c>, <c>object</c>...</summary>
    /// <returns>The type's name.</returns>
    public override string ToString() => Type switch
    {
        SchemaType.Object => AdditionalProperties is null || FrozenProperties.Count > 0 ? "object" : "map",
        SchemaType.Array => "list",
        SchemaType.String => "string",
        SchemaType.Integer => "integer",
        SchemaType.Number => "number",
        SchemaType.Boolean => "boolean",
        SchemaType.IntOrString => "integer or string",
        SchemaType.Quantity => "quantity",
        _ => "any value",
    };
}
