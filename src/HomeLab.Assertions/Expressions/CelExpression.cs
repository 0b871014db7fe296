using System.Collections;
using System.Collections.Concurrent;
using Cel;
using Newtonsoft.Json.Linq;

namespace HomeLab.Assertions.Expressions;

/// <summary>
/// A CEL statement (<c>(cel;object.spec.replicas &gt; 1)</c>), evaluated as kyverno-json does: the current value
/// is <c>object</c>, and <c>bindings.resolve('name')</c> reads a binding. Runs on the <c>Cel</c> package.
/// </summary>
internal sealed class CelExpression : IExpression
{
    private static readonly ConcurrentDictionary<string, CelExpression> s_cache = new(StringComparer.Ordinal);
    private static readonly Lock s_compileLock = new();
    private static readonly CelEnvironment s_environment = CreateEnvironment();

    private readonly CelProgramDelegate _program;

    private CelExpression(string text, CelProgramDelegate program)
    {
        Text = text;
        _program = program;
    }

    public string Text { get; }

    /// <summary>Compiles a statement, or returns the one compiled before from the same text.</summary>
    /// <exception cref="ExpressionException">The statement is not valid CEL.</exception>
    public static CelExpression Parse(string text)
    {
        if (s_cache.TryGetValue(text, out var cached))
        {
            return cached;
        }

        CelProgramDelegate program;
        try
        {
            lock (s_compileLock)
            {
                program = s_environment.Compile(text);
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            throw new ExpressionException($"cannot parse CEL '{text}': {ex.Message}", ex);
        }

        return s_cache.GetOrAdd(text, new CelExpression(text, program));
    }

    public JToken Evaluate(JToken? input, Bindings? bindings = null, ExpressionContext? context = null)
    {
        var variables = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["object"] = ToNative(input),
            ["bindings"] = new BindingsView(bindings ?? Bindings.Empty),
        };
        object? result;
        try
        {
            result = _program(variables!);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException and not OperationCanceledException)
        {
            throw new ExpressionException($"(cel;{Text}): {ex.Message}", ex);
        }

        return FromNative(result);
    }

    public override string ToString() => Text;

    private static CelEnvironment CreateEnvironment()
    {
        var environment = new CelEnvironment(null, string.Empty);
        environment.RegisterFunction("resolve", [typeof(BindingsView), typeof(string)], args =>
            ((BindingsView)args[0]!).Bindings.TryGet((string)args[1]!, out var value)
                ? ToNative(value)
                : throw new ExpressionException($"the variable '{args[1]}' is not defined"));
        return environment;
    }

    private static object? ToNative(JToken? token) => token switch
    {
        null => null,
        JObject o => o.Properties().ToDictionary(p => p.Name, p => ToNative(p.Value), StringComparer.Ordinal),
        JArray a => a.Select(ToNative).ToArray(),
        JValue { Type: JTokenType.Integer } v => Convert.ToInt64(v.Value, System.Globalization.CultureInfo.InvariantCulture),
        JValue { Type: JTokenType.Float } v => Convert.ToDouble(v.Value, System.Globalization.CultureInfo.InvariantCulture),
        JValue { Type: JTokenType.Null or JTokenType.Undefined } => null,
        JValue v => v.Value,
        _ => token.ToString(),
    };

    private static JToken FromNative(object? value) => value switch
    {
        null => JValue.CreateNull(),
        _ when value.GetType().Name == "CelNoSuchField" => throw new ExpressionException("no such key"),
        JToken token => token,
        string s => new JValue(s),
        bool b => new JValue(b),
        int or long or short or byte or uint or ulong => new JValue(Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture)),
        double d => YamlJson.Number(d),
        float f => YamlJson.Number(f),
        IDictionary map => new JObject(map.Keys.Cast<object>().Select(k => new JProperty(Convert.ToString(k, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty, FromNative(map[k])))),
        IEnumerable list and not string => new JArray(list.Cast<object?>().Select(FromNative)),
        _ => new JValue(value.ToString()),
    };

    /// <summary>What CEL sees as <c>bindings</c>.</summary>
    private sealed record BindingsView(Bindings Bindings);
}
