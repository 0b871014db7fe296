using System.Globalization;
using HomeLab.Cluster.Client;
using Newtonsoft.Json.Linq;

namespace HomeLab.Assertions.Cluster;

/// <summary>
/// The part of kubectl's JSONPath that <c>kubectl wait --for=jsonpath=</c> uses: <c>{.status.phase}</c>,
/// <c>.a.b[0]</c>, <c>[*]</c>, <c>['dotted.key']</c>, <c>\.</c> escapes and <c>[?(@.type=="Ready")]</c> filters.
/// </summary>
internal static class JsonPathQuery
{
    public static IReadOnlyList<JToken> Evaluate(JToken root, string expression)
    {
        var path = expression.Trim();
        if (path.StartsWith('{') && path.EndsWith('}'))
        {
            path = path[1..^1].Trim();
        }

        path = path.TrimStart('$');
        IEnumerable<JToken> current = [root];
        var i = 0;
        while (i < path.Length)
        {
            if (path[i] == '[')
            {
                var end = ClosingBracket(path, i);
                var inner = path[(i + 1)..end].Trim();
                current = Step(current, inner).ToList();
                i = end + 1;
                continue;
            }

            if (path[i] == '.')
            {
                i++;
            }

            var name = new System.Text.StringBuilder();
            while (i < path.Length && path[i] != '.' && path[i] != '[')
            {
                if (path[i] == '\\' && i + 1 < path.Length)
                {
                    i++;
                }

                name.Append(path[i]);
                i++;
            }

            if (name.Length > 0)
            {
                var key = name.ToString();
                current = current.SelectMany(t => key == "*" ? Children(t) : Property(t, key)).ToList();
            }
        }

        return current.ToList();
    }

    private static IEnumerable<JToken> Step(IEnumerable<JToken> current, string inner)
    {
        if (inner == "*")
        {
            return current.SelectMany(Children);
        }

        if (inner.StartsWith("?(", StringComparison.Ordinal) && inner.EndsWith(')'))
        {
            var filter = inner[2..^1];
            return current.SelectMany(t => t is JArray array ? array.Where(e => Matches(e, filter)) : []);
        }

        if (inner.Length >= 2 && inner[0] is '\'' or '"')
        {
            var key = inner[1..^1];
            return current.SelectMany(t => Property(t, key));
        }

        if (int.TryParse(inner, NumberStyles.Integer, CultureInfo.InvariantCulture, out var index))
        {
            return current.SelectMany(t => t is JArray array && (index < 0 ? array.Count + index : index) is var at && at >= 0 && at < array.Count ? [array[at]] : Array.Empty<JToken>());
        }

        throw new FormatException($"unsupported JSONPath step [{inner}]; hint: use .field, [n], [*], ['key'] or [?(@.field==\"value\")]");
    }

    private static bool Matches(JToken element, string filter)
    {
        var op = filter.Contains("!=", StringComparison.Ordinal) ? "!=" : "==";
        var parts = filter.Split(op, 2);
        if (parts.Length != 2 || !parts[0].Trim().StartsWith('@'))
        {
            throw new FormatException($"unsupported JSONPath filter ?({filter}); hint: use ?(@.field==\"value\")");
        }

        var left = Evaluate(element, parts[0].Trim()[1..]).Select(KubeJson.Text).FirstOrDefault();
        var right = parts[1].Trim().Trim('"', '\'');
        var equal = string.Equals(left, right, StringComparison.Ordinal);
        return op == "==" ? equal : !equal;
    }

    private static IEnumerable<JToken> Property(JToken token, string key) =>
        token is JObject obj && obj[key] is { } value ? [value] : [];

    private static IEnumerable<JToken> Children(JToken token) => token switch
    {
        JObject obj => obj.Properties().Select(p => p.Value),
        JArray array => array,
        _ => [],
    };

    private static int ClosingBracket(string path, int open)
    {
        char? quote = null;
        for (var i = open + 1; i < path.Length; i++)
        {
            var c = path[i];
            if (quote is not null)
            {
                quote = c == quote ? null : quote;
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == ']')
            {
                return i;
            }
        }

        throw new FormatException($"unclosed [ in JSONPath {path}");
    }
}
