using System.Text.RegularExpressions;

namespace HomeLab.Manifests.Schemas;

/// <summary>
/// The value validations of a structural schema beyond its type: <c>pattern</c>, <c>minLength</c>/<c>maxLength</c>,
/// <c>minimum</c>/<c>maximum</c> (exclusive too), <c>multipleOf</c>, <c>minItems</c>/<c>maxItems</c>,
/// <c>uniqueItems</c>, <c>minProperties</c>/<c>maxProperties</c>, and the <c>allOf</c>, <c>anyOf</c>,
/// <c>oneOf</c> and <c>not</c> sub-schemas. Null members are not checked.
/// </summary>
internal sealed class SchemaConstraints
{
    public Regex? Pattern { get; init; }

    public string? PatternText { get; init; }

    public long? MinLength { get; init; }

    public long? MaxLength { get; init; }

    public double? Minimum { get; init; }

    public double? Maximum { get; init; }

    public bool ExclusiveMinimum { get; init; }

    public bool ExclusiveMaximum { get; init; }

    public double? MultipleOf { get; init; }

    public long? MinItems { get; init; }

    public long? MaxItems { get; init; }

    public bool UniqueItems { get; init; }

    public long? MinProperties { get; init; }

    public long? MaxProperties { get; init; }

    public IReadOnlyList<SchemaNode> AllOf { get; init; } = [];

    public IReadOnlyList<SchemaNode> AnyOf { get; init; } = [];

    public IReadOnlyList<SchemaNode> OneOf { get; init; } = [];

    public SchemaNode? Not { get; init; }
}
