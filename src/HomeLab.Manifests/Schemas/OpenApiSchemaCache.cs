using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace HomeLab.Manifests.Schemas;

/// <summary>
/// Authoritative schemas from a cluster, as <see cref="OpenApiSchemaDownloader"/> saves them: one Kubernetes
/// <c>/openapi/v3</c> group-version document per file (<c>api_v1.json</c>, <c>apis_apps_v1.json</c>, ...) in a
/// directory per Kubernetes version, such as <c>.nuke/cache/schemas/1.32/</c>. A document is read the first time
/// one of its kinds is looked up; the instance is thread-safe.
/// </summary>
public sealed class OpenApiSchemaCache
{
    private readonly ConcurrentDictionary<string, Lazy<IReadOnlyDictionary<GroupVersionKind, SchemaNode>>> _documents = new(StringComparer.Ordinal);

    /// <summary>Opens a cache directory; nothing is read until a kind is looked up.</summary>
    /// <param name="directory">The directory holding the documents.</param>
    public OpenApiSchemaCache(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        Directory = directory;
    }

    /// <summary>The directory holding the documents.</summary>
    public string Directory { get; }

    /// <summary>The cache directory of a Kubernetes version under a cache root: <c>&lt;root&gt;/&lt;version&gt;</c>.</summary>
    /// <param name="root">The cache root, such as <c>.nuke/cache/schemas</c>.</param>
    /// <param name="kubernetesVersion">The version, such as <c>1.32</c>.</param>
    /// <returns>The directory.</returns>
    public static string DirectoryFor(string root, string kubernetesVersion)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(kubernetesVersion);
        return Path.Combine(root, kubernetesVersion.TrimStart('v'));
    }

    /// <summary>The <c>/openapi/v3</c> path of a group-version: <c>api/v1</c> or <c>apis/apps/v1</c>.</summary>
    /// <param name="group">The group; empty for the core group.</param>
    /// <param name="version">The version.</param>
    /// <returns>The path.</returns>
    public static string OpenApiPathFor(string group, string version) =>
        string.IsNullOrEmpty(group) ? $"api/{version}" : $"apis/{group}/{version}";

    /// <summary>The file a group-version document is saved as: its <c>/openapi/v3</c> path with <c>/</c> as <c>_</c>.</summary>
    /// <param name="openApiPath">The path, such as <c>apis/apps/v1</c>.</param>
    /// <returns>The file name, such as <c>apis_apps_v1.json</c>.</returns>
    public static string FileNameFor(string openApiPath)
    {
        ArgumentNullException.ThrowIfNull(openApiPath);
        return openApiPath.Trim('/').Replace('/', '_') + ".json";
    }

    /// <summary>Whether the cache holds the document of a group-version.</summary>
    /// <param name="group">The group; empty for the core group.</param>
    /// <param name="version">The version.</param>
    /// <returns>True when the file exists.</returns>
    public bool HasGroupVersion(string group, string version) => File.Exists(PathOf(group, version));

    /// <summary>The schema of a kind.</summary>
    /// <param name="kind">The group, version and kind.</param>
    /// <returns>The schema, or null when the cache has no document for the group-version or the document lacks the kind.</returns>
    /// <exception cref="InvalidDataException">The document is not an OpenAPI v3 document.</exception>
    public SchemaNode? Find(GroupVersionKind kind)
    {
        var path = PathOf(kind.Group, kind.Version);
        var document = _documents.GetOrAdd(path, p => new Lazy<IReadOnlyDictionary<GroupVersionKind, SchemaNode>>(() => Read(p)));
        return document.Value.GetValueOrDefault(kind);
    }

    private static Dictionary<GroupVersionKind, SchemaNode> Read(string path)
    {
        var kinds = new Dictionary<GroupVersionKind, SchemaNode>();
        if (!File.Exists(path))
        {
            return kinds;
        }

        JsonNode? root;
        try
        {
            using var stream = File.OpenRead(path);
            root = JsonNode.Parse(stream);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}:{e.LineNumber + 1}: not an OpenAPI v3 document: {e.Message}", e);
        }

        if (root?["components"]?["schemas"] is not JsonObject schemas)
        {
            throw new InvalidDataException($"{path}: not an OpenAPI v3 document: it has no components.schemas");
        }

        var reader = new OpenApiSchemaReader(schemas, $"OpenAPI {Path.GetFileName(path)}");
        foreach (var (name, schema) in schemas)
        {
            if (schema is not JsonObject obj)
            {
                continue;
            }

            foreach (var gvk in OpenApiSchemaReader.GroupVersionKinds(obj))
            {
                kinds.TryAdd(gvk, reader.ReadNamed(name));
            }
        }

        return kinds;
    }

    private string PathOf(string group, string version) => Path.Combine(Directory, FileNameFor(OpenApiPathFor(group, version)));
}
