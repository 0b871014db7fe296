using System.Globalization;
using HomeLab.Manifests.Yaml;
using Newtonsoft.Json.Linq;

namespace HomeLab.Assertions;

/// <summary>
/// Converts between source-positioned YAML and the Newtonsoft trees JMESPath evaluates. Whole-number floats
/// become integers, so <c>1.0</c> and <c>1</c> compare equal inside expressions too.
/// </summary>
internal static class YamlJson
{
    /// <summary>Converts a document, its aliases written out (the loader bounds how far they expand: <see cref="YamlLoader.MaxAliasExpansion"/>).</summary>
    public static JToken ToJToken(YamlNode node)
    {
        switch (node)
        {
            case YamlMap map:
                var obj = new JObject();
                foreach (var entry in map.Entries)
                {
                    obj[entry.Key] = ToJToken(entry.Value);
                }

                return obj;
            case YamlList list:
                var array = new JArray();
                foreach (var item in list.Items)
                {
                    array.Add(ToJToken(item));
                }

                return array;
            case YamlScalar scalar:
                return ToJValue(scalar);
            default:
                return JValue.CreateNull();
        }
    }

    public static JValue ToJValue(YamlScalar scalar) => scalar.Kind switch
    {
        YamlScalarKind.Null => JValue.CreateNull(),
        YamlScalarKind.Bool => new JValue(scalar.AsBool() == true),
        YamlScalarKind.Int => scalar.AsInt64() is { } integer ? new JValue(integer) : new JValue(scalar.AsDouble() ?? double.NaN),
        YamlScalarKind.Float => Number(scalar.AsDouble() ?? double.NaN),
        _ => new JValue(scalar.Value),
    };

    public static JValue Number(double value) =>
        Math.Abs(value) < 9.0e15 && value == Math.Floor(value) ? new JValue((long)value) : new JValue(value);

    /// <summary>Renders a value the way messages show it: strings bare, everything else as compact JSON.</summary>
    public static string Display(JToken? token) => token switch
    {
        null => "null",
        JValue { Type: JTokenType.Null or JTokenType.Undefined } => "null",
        JValue { Type: JTokenType.String } v => (string)v!,
        JValue { Type: JTokenType.Boolean } v => (bool)v ? "true" : "false",
        JValue { Type: JTokenType.Float } v => ((double)v).ToString("R", CultureInfo.InvariantCulture),
        JValue v => Convert.ToString(v.Value, CultureInfo.InvariantCulture) ?? "null",
        _ => token.ToString(Newtonsoft.Json.Formatting.None),
    };
}
