using HomeLab.Assertions.Expressions;
using HomeLab.Assertions.Trees;
using HomeLab.Manifests.Yaml;
using Newtonsoft.Json.Linq;

namespace HomeLab.Assertions.Running;

/// <summary>Turns resources to write into JSON, evaluating <c>(expression)</c> string values with the bindings (Chainsaw's templating).</summary>
internal static class Templating
{
    public static JToken Render(YamlNode node, Bindings bindings, ExpressionContext context, JToken? current = null)
    {
        switch (node)
        {
            case YamlMap map:
                var obj = new JObject();
                foreach (var entry in map.Entries)
                {
                    obj[entry.Key] = Render(entry.Value, bindings, context, current);
                }

                return obj;
            case YamlList list:
                return new JArray(list.Items.Select(i => Render(i, bindings, context, current)));
            case YamlScalar { Kind: YamlScalarKind.String } scalar when TreeCompiler.IsExpression(scalar.Value):
                return TreeCompiler.ParseExpression(scalar.Value[1..^1], scalar.Span).Evaluate(current, bindings, context);
            case YamlScalar { Kind: YamlScalarKind.String } scalar when TreeCompiler.IsEscaped(scalar.Value):
                return new JValue(scalar.Value[1..^1]);
            default:
                return YamlJson.ToJToken(node);
        }
    }

    /// <summary>The outputs an operation binds for what it produced (<c>@</c>): those whose <c>match</c> holds, or has none.</summary>
    public static IEnumerable<KeyValuePair<string, JToken>> Outputs(IReadOnlyList<Steps.Output> outputs, JToken? current, Bindings bindings, ExpressionContext context)
    {
        foreach (var output in outputs)
        {
            if (output.Match is { } match && !AssertionTree.From(match).Evaluate(current, new EvaluationOptions { Bindings = bindings, Context = context }).IsMatch)
            {
                continue;
            }

            yield return new(output.Name, Render(output.Value, bindings, context, current));
        }
    }

    public static Bindings Bind(Bindings bindings, IEnumerable<Steps.Binding> more, ExpressionContext context)
    {
        foreach (var binding in more)
        {
            bindings = bindings.With(binding.Name, Render(binding.Value, bindings, context));
        }

        return bindings;
    }
}
