using System.Text;
using System.Text.RegularExpressions;
using DevLab.JmesPath.Expressions;
using DevLab.JmesPath.Functions;
using Newtonsoft.Json.Linq;

namespace HomeLab.Assertions.Expressions.Functions;

/// <summary>
/// The functions Chainsaw takes from kyverno and kyverno-json, with their signatures: where kyverno registers a
/// name JMESPath also has (<c>replace</c>, <c>split</c>, <c>trim</c>, <c>sum</c>, <c>items</c>), kyverno's wins, as in
/// Chainsaw. Also the go-jmespath behaviours JmesPath.Net lacks (<c>to_string</c> of numbers, string keys in
/// <c>max_by</c>/<c>min_by</c>, <c>contains</c> of a non-string).
/// </summary>
internal static class KyvernoFunctions
{
    private static readonly TimeSpan s_regexTimeout = TimeSpan.FromSeconds(1);

    public static IEnumerable<ChainsawFunction> All()
    {
        // go-jmespath behaviours.
        yield return new DelegateFunction("to_string", 1, 1, (_, a) => new JValue(GoValue.ToText(a[0])));
        yield return new DelegateFunction("contains", 2, 2, (_, a) => new JValue(a[0] switch
        {
            JArray array => array.Any(e => Trees.JsonCompare.DeepEquals(e, a[1])),
            JValue { Type: JTokenType.String } s => a[1].Type == JTokenType.String && ((string)s!).Contains((string)a[1]!, StringComparison.Ordinal),
            _ => throw new ExpressionException("contains expects an array or a string as argument 1"),
        }));
        yield return new DelegateFunction("let", 2, 2, (f, a, raw) =>
        {
            if (a[0] is not JObject scope || !raw[1].IsExpressionType)
            {
                throw new ExpressionException("let expects an object of variables and an expression (&$name)");
            }

            var bindings = scope.Properties().Aggregate(EvaluationScope.Bindings, (b, p) => b.With(p.Name, p.Value));
            var previous = EvaluationScope.Enter(bindings, EvaluationScope.Context);
            try
            {
                return raw[1].Expression.Transform(new JmesPathArgument(scope)).AsJToken() ?? JValue.CreateNull();
            }
            finally
            {
                EvaluationScope.Exit(previous);
            }
        });
        yield return new DelegateFunction("max_by", 2, 2, (f, a, raw) => By(f, a, raw, max: true));
        yield return new DelegateFunction("min_by", 2, 2, (f, a, raw) => By(f, a, raw, max: false));

        // kyverno-json.
        yield return new DelegateFunction("at", 2, 2, (_, a) => a[0] is JArray array && a[1].Type == JTokenType.Integer
            ? (long)a[1] is var i && i >= 0 && i < array.Count ? array[(int)i] : throw new ExpressionException($"at: index {(long)a[1]} is out of range")
            : throw new ExpressionException("at expects an array and an integer index"));
        yield return new DelegateFunction("wildcard", 2, 2, (f, a) => new JValue(Wildcard(f.String(a, 0), f.String(a, 1))));

        // kyverno: strings.
        yield return new DelegateFunction("replace", 4, 4, (f, a) => new JValue(Replace(f.String(a, 0), f.String(a, 1), f.String(a, 2), Integer(f, a, 3))));
        yield return new DelegateFunction("replace_all", 3, 3, (f, a) => new JValue(Replace(f.String(a, 0), f.String(a, 1), f.String(a, 2), -1)));
        yield return new DelegateFunction("split", 2, 2, (f, a) => new JArray(Split(f.String(a, 0), f.String(a, 1)).Select(s => new JValue(s))));
        yield return new DelegateFunction("trim", 2, 2, (f, a) => new JValue(f.String(a, 0).Trim(f.String(a, 1).ToCharArray())));
        yield return new DelegateFunction("truncate", 2, 2, (f, a) =>
        {
            var s = f.String(a, 0);
            var length = Integer(f, a, 1);
            return length < 0 ? throw new ExpressionException("truncate: the length must not be negative") : new JValue(s.Length > length ? s[..(int)length] : s);
        });
        yield return new DelegateFunction("regex_replace_all", 3, 3, (f, a) =>
            new JValue(Pattern(f.String(a, 0)).Replace(f.StringOrNumber(a, 1), GoExpansion(f.StringOrNumber(a, 2)))));
        yield return new DelegateFunction("regex_replace_all_literal", 3, 3, (f, a) =>
            new JValue(Pattern(f.String(a, 0)).Replace(f.StringOrNumber(a, 1), f.StringOrNumber(a, 2).Replace("$", "$$", StringComparison.Ordinal))));
        yield return new DelegateFunction("pattern_match", 2, 2, (f, a) => new JValue(Wildcard(f.String(a, 0), f.StringOrNumber(a, 1))));
        yield return new DelegateFunction("label_match", 2, 2, (_, a) => a[0] is JObject wanted && a[1] is JObject labels
            ? new JValue(wanted.Properties().All(p => labels.TryGetValue(p.Name, out var v) && Trees.JsonCompare.DeepEquals(p.Value, v)))
            : throw new ExpressionException("label_match expects two objects"));
        yield return new DelegateFunction("path_canonicalize", 1, 1, (f, a) => new JValue(CleanPath(f.String(a, 0))));

        // kyverno: arithmetic.
        yield return new DelegateFunction("add", 2, 2, (_, a) => Arithmetic.Add("add", a[0], a[1]));
        yield return new DelegateFunction("subtract", 2, 2, (_, a) => Arithmetic.Subtract(a[0], a[1]));
        yield return new DelegateFunction("multiply", 2, 2, (_, a) => Arithmetic.Multiply(a[0], a[1]));
        yield return new DelegateFunction("divide", 2, 2, (_, a) => Arithmetic.Divide(a[0], a[1]));
        yield return new DelegateFunction("modulo", 2, 2, (_, a) => Arithmetic.Modulo(a[0], a[1]));
        yield return new DelegateFunction("sum", 1, 1, (_, a) => a[0] is JArray items ? Arithmetic.Sum(items) : throw new ExpressionException("sum expects an array"));
        yield return new DelegateFunction("round", 2, 2, (f, a) =>
        {
            if (a[0].Type is not (JTokenType.Integer or JTokenType.Float))
            {
                throw new ExpressionException("round expects a number as argument 1");
            }

            var digits = Integer(f, a, 1);
            var scale = Math.Pow(10, digits);
            return YamlJson.Number(Math.Round((double)a[0] * scale, MidpointRounding.AwayFromZero) / scale);
        });

        // kyverno: collections.
        yield return new DelegateFunction("items", 3, 3, (f, a) =>
        {
            var keyName = f.String(a, 1);
            var valueName = f.String(a, 2);
            return a[0] switch
            {
                JObject o => new JArray(o.Properties().OrderBy(p => p.Name, StringComparer.Ordinal)
                    .Select(p => new JObject { [keyName] = p.Name, [valueName] = p.Value.DeepClone() })),
                JArray l => new JArray(l.Select((v, i) => new JObject { [keyName] = i, [valueName] = v.DeepClone() })),
                _ => throw new ExpressionException("items expects an object or an array as argument 1"),
            };
        });
        yield return new DelegateFunction("object_from_lists", 2, 2, (_, a) =>
        {
            if (a[0] is not JArray keys || a[1] is not JArray values)
            {
                throw new ExpressionException("object_from_lists expects two arrays");
            }

            var result = new JObject();
            for (var i = 0; i < keys.Count; i++)
            {
                result[keys[i].Type == JTokenType.String ? (string)keys[i]! : throw new ExpressionException("object_from_lists: keys must be strings")] =
                    i < values.Count ? values[i].DeepClone() : JValue.CreateNull();
            }

            return result;
        });
        yield return new DelegateFunction("random", 1, 1, (f, a) => new JValue(RandomText.Generate(f.String(a, 0))));
        yield return new DelegateFunction("x509_decode", 1, 1, (f, a) => Certificate.Decode(f.String(a, 0)));
    }

    private static long Integer(DelegateFunction f, JToken[] a, int index) => a[index].Type == JTokenType.Integer
        ? (long)a[index]
        : throw new ExpressionException($"{f.Name} expects argument {index + 1} to be an integer");

    private static JToken By(DelegateFunction f, JToken[] a, JmesPathFunctionArgument[] raw, bool max)
    {
        if (a[0] is not JArray array || !raw[1].IsExpressionType)
        {
            throw new ExpressionException($"{f.Name} expects an array and an expression (&field)");
        }

        if (array.Count == 0)
        {
            return JValue.CreateNull();
        }

        var keyed = array.Select(e => (Element: e, Key: raw[1].Expression.Transform(new JmesPathArgument(e)).AsJToken() ?? JValue.CreateNull())).ToList();
        var numbers = keyed.All(k => k.Key.Type is JTokenType.Integer or JTokenType.Float);
        var strings = keyed.All(k => k.Key.Type == JTokenType.String);
        if (!numbers && !strings)
        {
            throw new ExpressionException($"{f.Name}: the expression must give all numbers or all strings");
        }

        var best = keyed[0];
        foreach (var candidate in keyed.Skip(1))
        {
            var c = numbers
                ? ((double)candidate.Key).CompareTo((double)best.Key)
                : string.CompareOrdinal((string)candidate.Key!, (string)best.Key!);
            if (max ? c > 0 : c < 0)
            {
                best = candidate;
            }
        }

        return best.Element;
    }

    private static string Replace(string s, string old, string replacement, long count)
    {
        if (count < 0)
        {
            return old.Length == 0 ? Replace(s, old, replacement, s.Length + 1) : s.Replace(old, replacement, StringComparison.Ordinal);
        }

        var builder = new StringBuilder();
        var at = 0;
        for (var n = 0; n < count; n++)
        {
            var next = old.Length == 0 ? (n == 0 ? 0 : at + 1) : s.IndexOf(old, at, StringComparison.Ordinal);
            if (next < 0 || next > s.Length)
            {
                break;
            }

            builder.Append(s, at, next - at).Append(replacement);
            if (old.Length == 0 && next < s.Length)
            {
                builder.Append(s[next]);
                at = next + 1;
                continue;
            }

            at = next + old.Length;
        }

        return builder.Append(s.AsSpan(Math.Min(at, s.Length))).ToString();
    }

    private static IEnumerable<string> Split(string s, string separator) =>
        separator.Length == 0 ? s.Select(c => c.ToString()) : s.Split(separator);

    private static Regex Pattern(string pattern)
    {
        try
        {
            return new Regex(pattern, RegexOptions.CultureInvariant, s_regexTimeout);
        }
        catch (ArgumentException ex)
        {
            throw new ExpressionException($"invalid regular expression '{pattern}': {ex.Message}");
        }
    }

    // Go expands $1, ${1} and ${name}; .NET the same, except that $$ is Go's literal dollar too: nothing to change
    // but a $ not followed by a name, which Go drops and .NET keeps.
    private static string GoExpansion(string replacement) => Regex.Replace(replacement, @"\$(?![0-9A-Za-z_{$])", string.Empty, RegexOptions.None, s_regexTimeout);

    /// <summary>Glob matching as kyverno's wildcard package: <c>*</c> any run, <c>?</c> one character.</summary>
    public static bool Wildcard(string pattern, string text)
    {
        int p = 0, t = 0, star = -1, mark = 0;
        while (t < text.Length)
        {
            if (p < pattern.Length && (pattern[p] == '?' || pattern[p] == text[t]))
            {
                p++;
                t++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                mark = t;
            }
            else if (star >= 0)
            {
                p = star + 1;
                t = ++mark;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }

    /// <summary>Go's <c>filepath.Clean</c> on a slash-separated path.</summary>
    private static string CleanPath(string path)
    {
        if (path.Length == 0)
        {
            return ".";
        }

        var rooted = path[0] == '/';
        var parts = new List<string>();
        foreach (var part in path.Split('/'))
        {
            if (part.Length == 0 || part == ".")
            {
                continue;
            }

            if (part == "..")
            {
                if (parts.Count > 0 && parts[^1] != "..")
                {
                    parts.RemoveAt(parts.Count - 1);
                }
                else if (!rooted)
                {
                    parts.Add(part);
                }

                continue;
            }

            parts.Add(part);
        }

        var joined = string.Join('/', parts);
        return rooted ? "/" + joined : joined.Length == 0 ? "." : joined;
    }
}
