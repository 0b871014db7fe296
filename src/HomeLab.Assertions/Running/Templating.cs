using HomeLab.Assertions.Expressions;
using HomeLab.Assertions.Trees;
using HomeLab.Manifests.Yaml;
using Newtonsoft.Json.Linq;

namespace HomeLab.Assertions.Running;

/// <summary>Turns resources to write into JSON, evaluating <c>(expression)</c> string values with the bindings (Chainsaw's templating).</summary>
internal static class Templating
{
    public static JToken Render(YamlNode node, Bindings bindings, ExpressionContext context)
    {
        switch (node)
        {
            case YamlMap map:
                var obj = new JObject();
                foreach (var entry in map.Entries)
                {
                    obj[entry.Key] = Render(entry.Value, bindings, context);
                }

                return obj;
            case YamlList list:
                return new JArray(list.Items.Select(i => Render(i, bindings, context)));
            case YamlScalar { Kind: YamlScalarKind.String } scalar when TreeCompiler.IsExpression(scalar.Value):
                return TreeCompiler.ParseExpression(scalar.Value[1..^1], scalar.Span).Evaluate(null, bindings, context);
            case YamlScalar { Kind: YamlScalarKind.String } scalar when TreeCompiler.IsEscaped(scalar.Value):
                return new JValue(scalar.Value[1..^1]);
            default:
                return YamlJson.ToJToken(node);
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
