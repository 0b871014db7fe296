using HomeLab.Manifests.Findings;
using HomeLab.Manifests.Yaml;

namespace HomeLab.Manifests.Objects;

/// <summary>
/// A Kubernetes object: a view over the <see cref="YamlMap"/> it was read from, so every field keeps its span.
/// Fields may be missing (a broken manifest still loads, so validation can report it): they read as null or empty.
/// </summary>
public sealed class KubeObject
{
    private IReadOnlyDictionary<string, string>? _labels;
    private IReadOnlyDictionary<string, string>? _annotations;

    /// <summary>Creates a view over a mapping.</summary>
    /// <param name="root">The object's mapping.</param>
    /// <param name="documentIndex">The 0-based document the object came from in its file.</param>
    public KubeObject(YamlMap root, int documentIndex = 0)
    {
        ArgumentNullException.ThrowIfNull(root);
        Root = root;
        DocumentIndex = documentIndex;
        ApiVersion = root.GetString("apiVersion");
        Kind = root.GetString("kind");
        var metadata = root.GetMap("metadata");
        Name = metadata?.GetString("name");
        Namespace = metadata?.GetString("namespace");
        var slash = ApiVersion?.IndexOf('/') ?? -1;
        Group = slash < 0 ? string.Empty : ApiVersion![..slash];
        Version = slash < 0 ? ApiVersion ?? string.Empty : ApiVersion![(slash + 1)..];
        Ref = new ObjectRef(Group, Kind ?? string.Empty, Namespace, Name ?? string.Empty);
    }

    /// <summary>The whole object.</summary>
    public YamlMap Root { get; }

    /// <summary>Where the object was written.</summary>
    public SourceSpan Span => Root.Span;

    /// <summary>The file path or display name the object was loaded from.</summary>
    public string SourceFile => Root.Span.File;

    /// <summary>The 0-based document the object came from in its file.</summary>
    public int DocumentIndex { get; }

    /// <summary><c>apiVersion</c>, such as <c>apps/v1</c>; null when missing.</summary>
    public string? ApiVersion { get; }

    /// <summary>The API group: <c>apps</c> for <c>apps/v1</c>, empty for the core group (<c>v1</c>).</summary>
    public string Group { get; }

    /// <summary>The API version without the group, such as <c>v1</c>; empty when apiVersion is missing.</summary>
    public string Version { get; }

    /// <summary><c>kind</c>, such as <c>Deployment</c>; null when missing.</summary>
    public string? Kind { get; }

    /// <summary><c>metadata.name</c>; null when missing.</summary>
    public string? Name { get; }

    /// <summary><c>metadata.namespace</c>; null when not set.</summary>
    public string? Namespace { get; }

    /// <summary><c>metadata</c>; null when missing.</summary>
    public YamlMap? Metadata => Root.GetMap("metadata");

    /// <summary><c>metadata.labels</c> (values as text); empty when there are none.</summary>
    public IReadOnlyDictionary<string, string> Labels => _labels ??= ReadStrings("labels");

    /// <summary><c>metadata.annotations</c> (values as text); empty when there are none.</summary>
    public IReadOnlyDictionary<string, string> Annotations => _annotations ??= ReadStrings("annotations");

    /// <summary>The object's group, kind, namespace and name, for findings and reports.</summary>
    public ObjectRef Ref { get; }

    /// <summary>Finds the node at a path such as <c>spec.template.spec.containers[0].image</c>.</summary>
    /// <param name="path">The path.</param>
    /// <returns>The node, or null when there is none.</returns>
    public YamlNode? Find(string path) => Root.Find(path);

    /// <summary>Finds the node at a path.</summary>
    /// <param name="path">The path.</param>
    /// <returns>The node, or null when there is none.</returns>
    public YamlNode? Find(FieldPath path) => Root.Find(path);

    /// <summary>A view over a changed mapping (from an overlay or a patch), from the same document.</summary>
    /// <param name="root">The new mapping.</param>
    /// <returns>The new object; this one is unchanged.</returns>
    public KubeObject WithRoot(YamlMap root) => new(root, DocumentIndex);

    /// <summary>The object's reference, such as <c>apps/Deployment default/web</c>.</summary>
    /// <returns>The reference.</returns>
    public override string ToString() => Ref.ToString();

    private Dictionary<string, string> ReadStrings(string key) => ReadStrings(Metadata?.GetMap(key));

    /// <summary>The string values of a map (labels, annotations, a selector), null values left out.</summary>
    internal static Dictionary<string, string> ReadStrings(YamlMap? map)
    {
        var result = new Dictionary<string, string>(map?.Count ?? 0, StringComparer.Ordinal);
        if (map is not null)
        {
            foreach (var entry in map.Entries)
            {
                if (entry.Value is YamlScalar { IsNull: false } scalar)
                {
                    result[entry.Key] = scalar.Value;
                }
            }
        }

        return result;
    }
}
