using System.Globalization;
using System.Text;
using Newtonsoft.Json.Linq;

namespace HomeLab.Assertions.Expressions.Functions;

/// <summary>
/// Values printed as Go prints them in Chainsaw: every JMESPath number is a float64, and <c>json.Marshal</c>
/// writes <c>3.0</c> as <c>3</c>, sorts map keys and uses no spaces — so <c>to_string(`1` + `2`)</c> is <c>"3"</c>.
/// </summary>
internal static class GoValue
{
    /// <summary>A number as Go's <c>encoding/json</c> writes a float64.</summary>
    public static string Number(double value)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            throw new ExpressionException($"json: unsupported value: {value.ToString(CultureInfo.InvariantCulture)}");
        }

        var abs = Math.Abs(value);
        if (abs != 0 && (abs < 1e-6 || abs >= 1e21))
        {
            // Go: exponent form, with at least two exponent digits and no '+' padding quirks beyond "e+21".
            var text = value.ToString("R", CultureInfo.InvariantCulture).Replace("E", "e", StringComparison.Ordinal);
            var e = text.IndexOf('e', StringComparison.Ordinal);
            var exponent = text[(e + 1)..];
            var sign = exponent[0] is '-' or '+' ? exponent[0].ToString() : "+";
            var digits = exponent.TrimStart('-', '+');
            return text[..e] + "e" + sign + (digits.Length < 2 ? "0" + digits : digits);
        }

        return value == Math.Floor(value) && abs < 1e15
            ? ((long)value).ToString(CultureInfo.InvariantCulture)
            : value.ToString("R", CultureInfo.InvariantCulture);
    }

    /// <summary>What go-jmespath's <c>to_string</c> returns: a string as is, anything else as compact JSON.</summary>
    public static string ToText(JToken token) => token.Type == JTokenType.String ? (string)token! : Json(token);

    /// <summary>Compact JSON as Go's <c>json.Marshal</c> writes it (map keys sorted).</summary>
    public static string Json(JToken token)
    {
        var builder = new StringBuilder();
        Write(builder, token);
        return builder.ToString();
    }

    private static void Write(StringBuilder builder, JToken token)
    {
        switch (token)
        {
            case JObject o:
                builder.Append('{');
                var first = true;
                foreach (var property in o.Properties().OrderBy(p => p.Name, StringComparer.Ordinal))
                {
                    builder.Append(first ? string.Empty : ",");
                    first = false;
                    builder.Append(Newtonsoft.Json.JsonConvert.ToString(property.Name)).Append(':');
                    Write(builder, property.Value);
                }

                builder.Append('}');
                break;
            case JArray a:
                builder.Append('[');
                for (var i = 0; i < a.Count; i++)
                {
                    builder.Append(i == 0 ? string.Empty : ",");
                    Write(builder, a[i]);
                }

                builder.Append(']');
                break;
            case JValue { Type: JTokenType.Integer } v:
                builder.Append(Convert.ToString(v.Value, CultureInfo.InvariantCulture));
                break;
            case JValue { Type: JTokenType.Float } v:
                builder.Append(Number((double)v));
                break;
            case JValue { Type: JTokenType.Boolean } v:
                builder.Append((bool)v ? "true" : "false");
                break;
            case JValue { Type: JTokenType.String } v:
                builder.Append(Newtonsoft.Json.JsonConvert.ToString((string?)v));
                break;
            default:
                builder.Append("null");
                break;
        }
    }
}
