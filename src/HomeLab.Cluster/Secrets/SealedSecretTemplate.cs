namespace HomeLab.Cluster.Secrets;

/// <summary>
/// <c>spec.template</c> of a SealedSecret: what the controller gives the Secret it creates besides the unsealed data.
/// </summary>
public sealed record SealedSecretTemplate
{
    private static readonly IReadOnlyDictionary<string, string> None = new SortedDictionary<string, string>(StringComparer.Ordinal);

    /// <summary><c>metadata.name</c> of the template (kubeseal copies the Secret's name here).</summary>
    public string? Name { get; init; }

    /// <summary><c>metadata.namespace</c> of the template.</summary>
    public string? Namespace { get; init; }

    /// <summary>Labels the created Secret gets.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = None;

    /// <summary>Annotations the created Secret gets (kubeseal copies the scope annotations here too).</summary>
    public IReadOnlyDictionary<string, string> Annotations { get; init; } = None;

    /// <summary>The Secret type, such as <c>Opaque</c> or <c>kubernetes.io/tls</c>; null leaves it to the API server (Opaque).</summary>
    public string? Type { get; init; }

    /// <summary>Whether the created Secret is immutable; null leaves it unset.</summary>
    public bool? Immutable { get; init; }

    /// <summary>Keys whose values are Go templates over the unsealed data.</summary>
    public IReadOnlyDictionary<string, string> Data { get; init; } = None;
}
