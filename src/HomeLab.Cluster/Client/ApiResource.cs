using System.Text;

namespace HomeLab.Cluster.Client;

/// <summary>What discovery says about a kind: its group, version, plural resource name and scope.</summary>
/// <param name="Group">The API group; empty for the core group.</param>
/// <param name="Version">The version, e.g. <c>v1</c>.</param>
/// <param name="Kind">The kind, e.g. <c>Deployment</c>.</param>
/// <param name="Plural">The resource name in URLs, e.g. <c>deployments</c>.</param>
/// <param name="Namespaced">Whether objects of the kind live in a namespace.</param>
public sealed record ApiResource(string Group, string Version, string Kind, string Plural, bool Namespaced)
{
    /// <summary>The apiVersion objects of this kind carry: <c>v1</c> or <c>apps/v1</c>.</summary>
    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    /// <summary>The URL path of the collection: in a namespace, or across all namespaces when <paramref name="namespace"/> is null.</summary>
    /// <param name="namespace">The namespace; ignored for a cluster-scoped kind.</param>
    /// <returns>The path, e.g. <c>/apis/apps/v1/namespaces/web/deployments</c>.</returns>
    public string CollectionPath(string? @namespace)
    {
        var path = new StringBuilder(Group.Length == 0 ? "/api/" : $"/apis/{Group}/").Append(Version);
        if (Namespaced && @namespace is not null)
        {
            path.Append("/namespaces/").Append(Uri.EscapeDataString(@namespace));
        }

        return path.Append('/').Append(Plural).ToString();
    }

    /// <summary>The URL path of one object.</summary>
    /// <param name="namespace">The namespace; ignored for a cluster-scoped kind.</param>
    /// <param name="name">The object's name.</param>
    /// <returns>The path.</returns>
    public string ObjectPath(string? @namespace, string name) => $"{CollectionPath(@namespace)}/{Uri.EscapeDataString(name)}";

    /// <inheritdoc />
    public override string ToString() => $"{ApiVersion} {Kind} ({Plural}, {(Namespaced ? "namespaced" : "cluster-scoped")})";
}
