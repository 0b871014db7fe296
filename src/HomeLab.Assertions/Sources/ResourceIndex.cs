using HomeLab.Manifests.Objects;
using Newtonsoft.Json.Linq;

namespace HomeLab.Assertions.Sources;

/// <summary>Objects indexed by apiVersion and kind, answering <see cref="ResourceQuery"/> lookups (shared by the in-memory sources).</summary>
internal sealed class ResourceIndex
{
    private readonly Dictionary<(string ApiVersion, string Kind), List<JObject>> _byType = [];

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
        var list = List(apiVersion, kind);
        var at = list.FindIndex(o => Identify(o) is var id && id.Namespace == ns && id.Name == name);
        if (at >= 0)
        {
            var old = list[at];
            list[at] = obj;
            return old;
        }

        var insertAt = list.FindIndex(o => Compare(Identify(o), ns, name) > 0);
        list.Insert(insertAt < 0 ? list.Count : insertAt, obj);
        Count++;
        return null;
    }

    public JObject? Remove(string apiVersion, string kind, string? ns, string name)
    {
        var list = List(apiVersion, kind);
        var at = list.FindIndex(o => Identify(o) is var id && id.Namespace == ns && id.Name == name);
        if (at < 0)
        {
            return null;
        }

        var old = list[at];
        list.RemoveAt(at);
        Count--;
        return old;
    }

    public IEnumerable<JObject> Query(ResourceQuery query) =>
        _byType.TryGetValue((query.ApiVersion, query.Kind), out var list) ? list.Where(o => Selects(query, o)) : [];

    public IEnumerable<JObject> All => _byType.Values.SelectMany(l => l);

    private static int Compare((string, string, string? Namespace, string Name) id, string? ns, string name)
    {
        var c = string.CompareOrdinal(id.Namespace ?? string.Empty, ns ?? string.Empty);
        return c != 0 ? c : string.CompareOrdinal(id.Name, name);
    }

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

    private List<JObject> List(string apiVersion, string kind)
    {
        if (!_byType.TryGetValue((apiVersion, kind), out var list))
        {
            list = [];
            _byType[(apiVersion, kind)] = list;
        }

        return list;
    }
}
