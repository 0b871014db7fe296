namespace HomeLab.Cluster.Secrets;

/// <summary>
/// Where a sealed value may be unsealed. The scope is bound into every value through the RSA-OAEP label,
/// so a value sealed for one place does not unseal anywhere else.
/// </summary>
public enum SealingScope
{
    /// <summary>Only as a Secret with this exact namespace and name (label <c>namespace/name</c>); the default.</summary>
    Strict,

    /// <summary>As a Secret of any name in this namespace (label <c>namespace</c>).</summary>
    NamespaceWide,

    /// <summary>As a Secret of any name in any namespace (empty label).</summary>
    ClusterWide,
}
