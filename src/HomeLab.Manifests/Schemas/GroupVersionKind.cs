namespace HomeLab.Manifests.Schemas;

/// <summary>Identifies a type of Kubernetes object: API group, version and kind.</summary>
/// <param name="Group">The API group; empty for the core group.</param>
/// <param name="Version">The version, such as <c>v1</c>.</param>
/// <param name="Kind">The kind, such as <c>Deployment</c>.</param>
public readonly record struct GroupVersionKind(string Group, string Version, string Kind)
{
    /// <summary>The <c>apiVersion</c> as written in a manifest: <c>apps/v1</c>, or <c>v1</c> for the core group.</summary>
    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    /// <summary>Reads an <c>apiVersion</c> and a kind.</summary>
    /// <param name="apiVersion">Such as <c>apps/v1</c> or <c>v1</c>.</param>
    /// <param name="kind">Such as <c>Deployment</c>.</param>
    /// <returns>The group, version and kind.</returns>
    public static GroupVersionKind From(string apiVersion, string kind)
    {
        ArgumentNullException.ThrowIfNull(apiVersion);
        ArgumentNullException.ThrowIfNull(kind);
        var slash = apiVersion.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? new(string.Empty, apiVersion, kind) : new(apiVersion[..slash], apiVersion[(slash + 1)..], kind);
    }

    /// <summary>Renders as <c>apps/v1 Deployment</c>.</summary>
    /// <returns>The rendered value.</returns>
    public override string ToString() => $"{ApiVersion} {Kind}";
}
