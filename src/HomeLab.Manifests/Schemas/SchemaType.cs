namespace HomeLab.Manifests.Schemas;

/// <summary>What kind of value a <see cref="SchemaNode"/> accepts.</summary>
public enum SchemaType
{
    /// <summary>Anything: no type is checked (a schema without a type, or a raw extension).</summary>
    Any,

    /// <summary>A mapping, with named properties and/or additional properties.</summary>
    Object,

    /// <summary>A list.</summary>
    Array,

    /// <summary>A string.</summary>
    String,

    /// <summary>A whole number.</summary>
    Integer,

    /// <summary>A number, whole or not.</summary>
    Number,

    /// <summary><c>true</c> or <c>false</c>.</summary>
    Boolean,

    /// <summary>An integer or a string (<c>x-kubernetes-int-or-string</c>), such as a port name or number.</summary>
    IntOrString,

    /// <summary>A resource quantity such as <c>500m</c> or <c>128Mi</c>, written as a string or a number.</summary>
    Quantity,
}
