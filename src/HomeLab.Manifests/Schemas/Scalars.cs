namespace HomeLab.Manifests.Schemas;

/// <summary>Shared leaf schemas: scalars carry no per-field data, so one node of each serves every field.</summary>
internal static class Scalars
{
    public static SchemaNode String { get; } = new(SchemaType.String);

    public static SchemaNode Int32 { get; } = new(SchemaType.Integer) { Format = "int32" };

    public static SchemaNode Int64 { get; } = new(SchemaType.Integer) { Format = "int64" };

    public static SchemaNode Number { get; } = new(SchemaType.Number);

    public static SchemaNode Boolean { get; } = new(SchemaType.Boolean);

    public static SchemaNode DateTime { get; } = new(SchemaType.String) { Format = "date-time" };

    public static SchemaNode Bytes { get; } = new(SchemaType.String) { Format = "byte" };

    public static SchemaNode IntOrString { get; } = new(SchemaType.IntOrString) { Format = "int-or-string" };

    public static SchemaNode Quantity { get; } = new(SchemaType.Quantity);
}
