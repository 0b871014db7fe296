namespace HomeLab.Manifests.Schemas;

/// <summary>What Kubernetes does with the keys and values of a map, beyond its type.</summary>
public enum SchemaRole
{
    /// <summary>Nothing special.</summary>
    None,

    /// <summary>A label map (<c>metadata.labels</c>, <c>matchLabels</c>): keys are qualified names, values label values.</summary>
    Labels,

    /// <summary>An annotation map: keys are qualified names.</summary>
    Annotations,
}
