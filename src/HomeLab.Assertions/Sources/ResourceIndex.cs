using HomeLab.Manifests.Objects;
using Newtonsoft.Json.Linq;

namespace HomeLab.Assertions.Sources;

/// <summary>
/// Objects indexed by apiVersion, kind, namespace and name, answering <see cref="ResourceQuery"/> lookups (shared by
/// the in-memory sources): a put, a remove and a lookup by name cost O(log n), so loading n objects is O(n log n).
/// </summary>
internal sealed class ResourceIndex
{
    private static readonly IdentityComparer s_identity = new();
    private readonly Dictionary<(string ApiVersion, string Kind), SortedDictionary<(string Namespace, string Name), JObject>> _byType = [];

    public int Count { get; private set; }

    public static (string ApiVersion, string Kind, string? Namespace, string Name) Identify(JObject obj) => (
        (string?)obj["apiVersion"] ?? string.Empty,
        (string?)obj["kind"] ?? string.Empty,
        (string?)obj["metadata"]?["namespace"] is { Length: > 0 } ns ? ns : null,
        (string?)obj["metadata"]?["name"] ?? string.Empty);

    public static bool Selects(ResourceQuery query, JObject obj)
    {
        var (_, _, ns, name) = Identify(obj);
        if ((query.Namespace is not null && query.Namespace != ns) || (query.Name is not null && query.Name != name))
        {
            return false;
        }

        if (query.LabelSelector is not null)
        {
            var labels = (obj["metadata"]?["labels"] as JObject)?.Properties()
                .ToDictionary(p => p.Name, p => YamlJson.Display(p.Value), StringComparer.Ordinal) ?? [];
            if (!LabelSelector.Parse(query.LabelSelector).Matches(labels))
            {
                return false;
            }
        }

        return query.FieldSelector is null || FieldSelectorMatches(query.FieldSelector, obj);
    }

    /// <summary>Puts an object, replacing one with the same identity; returns the one replaced.</summary>
    public JObject? Put(JObject obj)
    {
        var (apiVersion, kind, ns, name) = Identify(obj);
        var objects = Objects(apiVersion, kind);
        var key = (ns ?? string.Empty, name);
        objects.TryGetValue(key, out var old);
        objects[key] = obj;
        if (old is null)
        {
            Count++;
        }

        return old;
    }

    public JObject? Remove(string apiVersion, string kind, string? ns, string name)
    {
        var objects = Objects(apiVersion, kind);
        if (!objects.Remove((ns ?? string.Empty, name), out var old))
        {
            return null;
        }

        Count--;
        return old;
    }

    public IEnumerable<JObject> Query(ResourceQuery query)
    {
        if (!_byType.TryGetValue((query.ApiVersion, query.Kind), out var objects))
        {
            return [];
        }

        if (query.Name is not null && query.Namespace is not null)
        {
            return objects.TryGetValue((query.Namespace, query.Name), out var one) && Selects(query, one) ? [one] : [];
        }

        return objects.Values.Where(o => Selects(query, o));
    }

    public IEnumerable<JObject> All => _byType.Values.SelectMany(l => l.Values);

    private static bool FieldSelectorMatches(string selector, JObject obj)
    {
        foreach (var part in selector.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var negate = part.Contains("!=", StringComparison.Ordinal);
            var pieces = part.Split(negate ? "!=" : part.Contains("==", StringComparison.Ordinal) ? "==" : "=", 2);
            var actual = YamlJson.Display(obj.SelectToken(pieces[0].Trim()));
            if ((actual == pieces[1].Trim()) == negate)
            {
                return false;
            }
        }

        return true;
    }

    private SortedDictionary<(string Namespace, string Name), JObject> Objects(string apiVersion, string kind)
    {
        if (!_byType.TryGetValue((apiVersion, kind), out var objects))
        {
            objects = new SortedDictionary<(string Namespace, string Name), JObject>(s_identity);
            _byType[(apiVersion, kind)] = objects;
        }

        return objects;
    }

    /// <summary>Namespace, then name, ordinal: the stable order listings come in.</summary>
    private sealed class IdentityComparer : IComparer<(string Namespace, string Name)>
    {
        public int Compare((string Namespace, string Name) x, (string Namespace, string Name) y)
        {
            var c = string.CompareOrdinal(x.Namespace, y.Namespace);
            return c != 0 ? c : string.CompareOrdinal(x.Name, y.Name);
        }
    }
}
