using System.Text.Json.Nodes;
using HomeLab.Manifests.Objects;

namespace HomeLab.Manifests.Diff;

/// <summary>
/// A semantic diff of two renders: objects matched by group, kind, namespace and name, then compared field by field
/// (lists item by item). Declared noise is not a change: helm's <c>checksum/*</c> annotations (they follow content
/// that is compared anyway) and chart-generated random values (a Helm-managed Secret's value that changed but kept
/// its length, as <c>randAlphaNum</c> does on every render). Secret values never appear: they show as <c>***</c>.
/// </summary>
public static class ManifestDiff
{
    /// <summary>What a masked value reads as.</summary>
    public const string Masked = "\"***\"";

    /// <summary>Compares two renders.</summary>
    /// <param name="before">The old render's objects.</param>
    /// <param name="after">The new render's objects.</param>
    /// <returns>The objects that differ, in a stable order (kind, namespace, name).</returns>
    public static IReadOnlyList<ObjectChange> Compare(IEnumerable<KubeObject> before, IEnumerable<KubeObject> after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var old = Index(before);
        var @new = Index(after);
        var changes = new List<ObjectChange>();
        foreach (var (key, obj) in @new)
        {
            if (!old.TryGetValue(key, out var previous))
            {
                changes.Add(new ObjectChange(obj.Ref, ChangeKind.Added, []));
                continue;
            }

            var fields = new List<FieldChange>();
            var secret = obj.Kind == "Secret" && obj.Group.Length == 0;
            var helm = obj.Labels.GetValueOrDefault("app.kubernetes.io/managed-by") == "Helm";
            Walk(previous.Root.ToJson(), obj.Root.ToJson(), string.Empty, secret, helm, fields);
            if (fields.Count > 0)
            {
                changes.Add(new ObjectChange(obj.Ref, ChangeKind.Changed, fields));
            }
        }

        changes.AddRange(old.Where(o => !@new.ContainsKey(o.Key)).Select(o => new ObjectChange(o.Value.Ref, ChangeKind.Removed, [])));
        return [.. changes.OrderBy(c => c.Object.Kind, StringComparer.Ordinal).ThenBy(c => c.Object.Namespace, StringComparer.Ordinal).ThenBy(c => c.Object.Name, StringComparer.Ordinal)];
    }

    /// <summary>Compares two versions of one object field by field (a live object and its planned state, say).</summary>
    /// <param name="before">The old version.</param>
    /// <param name="after">The new version.</param>
    /// <param name="secret">Whether the object is a Secret, whose values are masked.</param>
    /// <returns>The fields that differ.</returns>
    public static IReadOnlyList<FieldChange> CompareFields(JsonNode? before, JsonNode? after, bool secret)
    {
        var fields = new List<FieldChange>();
        Walk(before, after, string.Empty, secret, helm: false, fields);
        return fields;
    }

    private static Dictionary<string, KubeObject> Index(IEnumerable<KubeObject> objects)
    {
        var index = new Dictionary<string, KubeObject>(StringComparer.Ordinal);
        foreach (var obj in objects)
        {
            index.TryAdd($"{obj.Group}/{obj.Kind}/{obj.Namespace}/{obj.Name}", obj);
        }

        return index;
    }

    private static void Walk(JsonNode? before, JsonNode? after, string path, bool secret, bool helm, List<FieldChange> changes)
    {
        if (IsNoise(path))
        {
            return;
        }

        switch (before, after)
        {
            case (JsonObject a, JsonObject b):
                foreach (var (key, value) in b)
                {
                    var child = Join(path, key);
                    if (!a.TryGetPropertyValue(key, out var old))
                    {
                        if (!IsNoise(child))
                        {
                            changes.Add(new FieldChange(child, ChangeKind.Added, null, Text(value, secret, child)));
                        }
                    }
                    else
                    {
                        Walk(old, value, child, secret, helm, changes);
                    }
                }

                foreach (var (key, value) in a.Where(p => !b.ContainsKey(p.Key)))
                {
                    var child = Join(path, key);
                    if (!IsNoise(child))
                    {
                        changes.Add(new FieldChange(child, ChangeKind.Removed, Text(value, secret, child), null));
                    }
                }

                break;
            case (JsonArray a, JsonArray b):
                for (var i = 0; i < Math.Max(a.Count, b.Count); i++)
                {
                    var child = $"{path}[{i}]";
                    if (i >= a.Count)
                    {
                        changes.Add(new FieldChange(child, ChangeKind.Added, null, Text(b[i], secret, child)));
                    }
                    else if (i >= b.Count)
                    {
                        changes.Add(new FieldChange(child, ChangeKind.Removed, Text(a[i], secret, child), null));
                    }
                    else
                    {
                        Walk(a[i], b[i], child, secret, helm, changes);
                    }
                }

                break;
            default:
                var (oldText, newText) = (before?.ToJsonString(), after?.ToJsonString());
                if (oldText == newText)
                {
                    return;
                }

                if (secret && helm && IsSecretValue(path) && oldText?.Length == newText?.Length)
                {
                    return; // A chart-generated random value: regenerated on every render, same length.
                }

                changes.Add(new FieldChange(path, ChangeKind.Changed, Text(before, secret, path), Text(after, secret, path)));
                break;
        }
    }

    private static bool IsNoise(string path) => path.StartsWith("metadata.annotations.checksum/", StringComparison.Ordinal);

    private static bool IsSecretValue(string path) => path.StartsWith("data.", StringComparison.Ordinal) || path.StartsWith("stringData.", StringComparison.Ordinal) || path is "data" or "stringData";

    private static string? Text(JsonNode? node, bool secret, string path) =>
        secret && IsSecretValue(path) ? Masked : node?.ToJsonString() ?? "null";

    private static string Join(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";
}
