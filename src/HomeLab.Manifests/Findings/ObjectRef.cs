namespace HomeLab.Manifests.Findings;

/// <summary>Names a Kubernetes object: its API group, kind, namespace and name.</summary>
/// <param name="Group">The API group; empty for the core group (<c>v1</c>).</param>
/// <param name="Kind">The kind, such as <c>Deployment</c>; empty when the object has none.</param>
/// <param name="Namespace">The namespace; null for cluster-scoped objects or when none is set.</param>
/// <param name="Name">The name; empty when the object has none.</param>
public sealed record ObjectRef(string Group, string Kind, string? Namespace, string Name)
{
    /// <summary>Renders the reference as <c>group/Kind namespace/name</c>, such as <c>apps/Deployment default/web</c>;
    /// the group is left out for the core group and the namespace for objects without one.</summary>
    /// <returns>The rendered reference.</returns>
    public override string ToString()
    {
        var kind = Group.Length == 0 ? Kind : $"{Group}/{Kind}";
        var name = Namespace is null ? Name : $"{Namespace}/{Name}";
        return $"{kind} {name}";
    }
}
