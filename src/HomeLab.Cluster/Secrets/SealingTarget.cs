using System.Text;

namespace HomeLab.Cluster.Secrets;

/// <summary>The Secret a value is sealed for: its namespace, name and scope, which together make the RSA-OAEP label.</summary>
/// <param name="Namespace">The Secret's namespace; required unless the scope is cluster-wide.</param>
/// <param name="Name">The Secret's name; required for the strict scope.</param>
/// <param name="Scope">Where the value may be unsealed.</param>
public sealed record SealingTarget(string? Namespace, string? Name, SealingScope Scope = SealingScope.Strict)
{
    /// <summary>
    /// The OAEP label the controller uses for this target: <c>namespace/name</c>, <c>namespace</c> or empty.
    /// </summary>
    /// <returns>The UTF-8 bytes of the label.</returns>
    public byte[] GetLabel() => Encoding.UTF8.GetBytes(LabelText);

    /// <summary>The label as text, for messages.</summary>
    public string LabelText => Scope switch
    {
        SealingScope.ClusterWide => string.Empty,
        SealingScope.NamespaceWide => Namespace ?? string.Empty,
        _ => $"{Namespace}/{Name}",
    };

    /// <summary>Throws when the scope needs a namespace or name that is missing.</summary>
    /// <exception cref="SecretSealingException">The namespace or name is missing.</exception>
    public void EnsureComplete()
    {
        if (Scope != SealingScope.ClusterWide && string.IsNullOrEmpty(Namespace))
        {
            throw new SecretSealingException(
                $"The {SealingScopes.Format(Scope)} secret '{Name}' has no namespace, and its scope binds it to one.",
                "Set metadata.namespace (or the Namespace option), or seal it cluster-wide.");
        }

        if (Scope == SealingScope.Strict && string.IsNullOrEmpty(Name))
        {
            throw new SecretSealingException(
                "A strict secret needs a name: the name is part of what it is sealed for.",
                "Set metadata.name (or the Name option).");
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"{SealingScopes.Format(Scope)} '{LabelText}'";
}
