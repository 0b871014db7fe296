using System.Text;
using System.Text.RegularExpressions;
using DevLab.JmesPath.Interop;
using HomeLab.Assertions.Sources;
using HomeLab.Manifests.Yaml;
using Newtonsoft.Json.Linq;

namespace HomeLab.Assertions.Expressions.Functions;

/// <summary>
/// The functions Chainsaw adds to standard JMESPath (names and argument orders as in Chainsaw's function
/// reference). The <c>x_k8s_*</c> functions take the source from the evaluation's
/// <see cref="ExpressionContext"/>; their first argument (Chainsaw's <c>$client</c>) is accepted and ignored.
/// </summary>
internal static class ChainsawFunctions
{
    public static void Register(IRegisterFunctions registry)
    {
        foreach (var function in All().Concat(KyvernoFunctions.All()).Concat(TimeFunctions.All()))
        {
            registry.Register(function.Name, function);
        }
    }

    private static IEnumerable<ChainsawFunction> All()
    {
        yield return new DelegateFunction("regex_match", 2, 2, (f, a) =>
            Bool(Regex.IsMatch(f.StringOrNumber(a, 1), f.String(a, 0), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1))));
        yield return new DelegateFunction("trim_space", 1, 1, (f, a) => new JValue(f.String(a, 0).Trim()));
        yield return new DelegateFunction("as_string", 1, 1, (_, a) => a[0].Type == JTokenType.String ? a[0] : JValue.CreateNull());
        yield return new DelegateFunction("to_upper", 1, 1, (f, a) => new JValue(f.String(a, 0).ToUpperInvariant()));
        yield return new DelegateFunction("to_lower", 1, 1, (f, a) => new JValue(f.String(a, 0).ToLowerInvariant()));
        yield return new DelegateFunction("trim_prefix", 2, 2, (f, a) =>
        {
            var s = f.String(a, 0);
            var prefix = f.String(a, 1);
            return new JValue(s.StartsWith(prefix, StringComparison.Ordinal) ? s[prefix.Length..] : s);
        });
        yield return new DelegateFunction("concat", 2, 2, (f, a) => new JValue(f.String(a, 0) + f.String(a, 1)));
        yield return new DelegateFunction("equal_fold", 2, 2, (f, a) => Bool(string.Equals(f.String(a, 0), f.String(a, 1), StringComparison.OrdinalIgnoreCase)));
        yield return new DelegateFunction("compare", 2, 2, (f, a) => new JValue(Math.Sign(string.CompareOrdinal(f.String(a, 0), f.String(a, 1)))));
        yield return new DelegateFunction("to_boolean", 1, 1, (f, a) => f.String(a, 0).ToLowerInvariant() switch
        {
            "true" => Bool(true),
            "false" => Bool(false),
            var other => throw new ExpressionException($"to_boolean cannot convert '{other}'"),
        });
        yield return new DelegateFunction("base64_decode", 1, 1, (f, a) =>
        {
            try
            {
                return new JValue(Encoding.UTF8.GetString(Convert.FromBase64String(f.String(a, 0))));
            }
            catch (FormatException)
            {
                throw new ExpressionException("base64_decode: the argument is not valid base64");
            }
        });
        yield return new DelegateFunction("base64_encode", 1, 1, (f, a) => new JValue(Convert.ToBase64String(Encoding.UTF8.GetBytes(f.String(a, 0)))));
        yield return new DelegateFunction("parse_json", 1, 1, (f, a) => ParseJson(f.String(a, 0)));
        yield return new DelegateFunction("json_parse", 1, 1, (f, a) => ParseJson(f.String(a, 0)));
        yield return new DelegateFunction("parse_yaml", 1, 1, (f, a) => ParseYaml(f.String(a, 0)));
        yield return new DelegateFunction("semver_compare", 2, 2, (f, a) => Bool(SemanticVersion.Satisfies(f.String(a, 0), f.String(a, 1))));
        yield return new DelegateFunction("env", 1, 1, (f, a) =>
        {
            var value = EvaluationScope.Context.Environment(f.String(a, 0));
            return value is null ? JValue.CreateNull() : new JValue(value);
        });
        yield return new DelegateFunction("lookup", 2, 2, (_, a) => a[0] switch
        {
            JObject o when a[1].Type == JTokenType.String => o[(string)a[1]!] ?? JValue.CreateNull(),
            JArray l when a[1].Type == JTokenType.Integer && (long)a[1] >= 0 && (long)a[1] < l.Count => l[(int)(long)a[1]],
            JObject or JArray => JValue.CreateNull(),
            _ => throw new ExpressionException("lookup expects an object or an array"),
        });
        yield return new DelegateFunction("x_k8s_get", 5, 5, (f, a) =>
            Read(s => s.GetAsync(Query(f, a, name: true), EvaluationScope.Context.CancellationToken)) is { } found
                ? found
                : throw new ExpressionException($"x_k8s_get: {f.String(a, 1)}/{f.String(a, 2)} {f.String(a, 3)}{(f.String(a, 3).Length > 0 ? "/" : string.Empty)}{f.String(a, 4)} not found"));
        yield return new DelegateFunction("x_k8s_exists", 5, 5, (f, a) =>
            Bool(Read(s => s.GetAsync(Query(f, a, name: true), EvaluationScope.Context.CancellationToken)) is not null));
        yield return new DelegateFunction("x_k8s_list", 3, 4, (f, a) =>
        {
            var items = Read(s => s.ListAsync(Query(f, a, name: false), EvaluationScope.Context.CancellationToken));
            return new JObject { ["apiVersion"] = "v1", ["kind"] = "List", ["items"] = new JArray(items) };
        });
        yield return new DelegateFunction("x_k8s_server_version", 1, 1, (_, _) =>
        {
            var source = EvaluationScope.Context.Source ?? throw NoSource();
            return EvaluationScope.Context.ServerVersion is { } version
                ? version.DeepClone()
                : throw new ExpressionException($"x_k8s_server_version: {source.Description} has no API server to ask (offline)");
        });
        yield return new DelegateFunction("x_metrics_decode", 1, 1, (f, a) => PrometheusText.Decode(f.String(a, 0)));
        yield return new DelegateFunction("x_k8s_resource_exists", 3, 3, (f, a) =>
        {
            try
            {
                var source = EvaluationScope.Context.Source ?? throw NoSource();
                var items = Read(s => s.ListAsync(new ResourceQuery(f.String(a, 1), f.String(a, 2)), EvaluationScope.Context.CancellationToken));
                return Bool(source.IsLive || items.Count > 0);
            }
            catch (ExpressionException)
            {
                throw;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                return Bool(false);
            }
        });
    }

    private static JValue Bool(bool value) => new(value);

    private static JToken ParseJson(string text)
    {
        try
        {
            return JToken.Parse(text);
        }
        catch (Newtonsoft.Json.JsonException ex)
        {
            throw new ExpressionException($"parse_json: {ex.Message}");
        }
    }

    private static JToken ParseYaml(string text)
    {
        var result = YamlLoader.Default.LoadString(text, "parse_yaml");
        if (result.HasErrors)
        {
            throw new ExpressionException($"parse_yaml: {result.Findings[0].Message}");
        }

        return result.Documents.Count == 0 ? JValue.CreateNull() : YamlJson.ToJToken(result.Documents[0].Root);
    }

    private static ResourceQuery Query(DelegateFunction f, JToken[] a, bool name)
    {
        var ns = a.Length > 3 ? f.String(a, 3) : string.Empty;
        return new ResourceQuery(f.String(a, 1), f.String(a, 2), ns.Length == 0 ? null : ns, name ? f.String(a, 4) : null);
    }

    private static ExpressionException NoSource() => new("x_k8s functions need a resource source; none is set for this evaluation");

    // JMESPath functions are synchronous and the source is asynchronous: block this thread on the read, run on
    // the thread pool so no synchronization context (xunit's, a UI's) can deadlock the continuation.
    private static T Read<T>(Func<IResourceSource, Task<T>> read)
    {
        var source = EvaluationScope.Context.Source ?? throw NoSource();
        return Task.Run(() => read(source)).GetAwaiter().GetResult();
    }
}
