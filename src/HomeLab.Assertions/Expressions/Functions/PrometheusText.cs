using System.Globalization;
using Newtonsoft.Json.Linq;

namespace HomeLab.Assertions.Expressions.Functions;

/// <summary>
/// Chainsaw's <c>x_metrics_decode</c>: metrics in the Prometheus text format, as an object keyed by metric
/// name whose values list the samples, each with its <c>labels</c> and <c>value</c>.
/// </summary>
internal static class PrometheusText
{
    public static JObject Decode(string text)
    {
        var result = new JObject();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var brace = line.IndexOf('{', StringComparison.Ordinal);
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            string name;
            var labels = new JObject();
            string rest;
            if (brace >= 0 && (space < 0 || brace < space))
            {
                name = line[..brace];
                var close = line.IndexOf('}', brace);
                if (close < 0)
                {
                    throw new ExpressionException($"x_metrics_decode: unclosed labels in '{line}'");
                }

                foreach (var pair in SplitLabels(line[(brace + 1)..close]))
                {
                    var eq = pair.IndexOf('=', StringComparison.Ordinal);
                    if (eq > 0)
                    {
                        labels[pair[..eq].Trim()] = pair[(eq + 1)..].Trim().Trim('"').Replace("\\\"", "\"", StringComparison.Ordinal);
                    }
                }

                rest = line[(close + 1)..].Trim();
            }
            else
            {
                if (space < 0)
                {
                    throw new ExpressionException($"x_metrics_decode: no value in '{line}'");
                }

                name = line[..space];
                rest = line[(space + 1)..].Trim();
            }

            var valueText = rest.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? string.Empty;
            if (!double.TryParse(valueText, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                throw new ExpressionException($"x_metrics_decode: '{valueText}' is not a sample value");
            }

            if (result[name] is not JArray samples)
            {
                samples = [];
                result[name] = samples;
            }

            samples.Add(new JObject { ["labels"] = labels, ["value"] = YamlJson.Number(value) });
        }

        return result;
    }

    private static IEnumerable<string> SplitLabels(string text)
    {
        var start = 0;
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '"' && (i == 0 || text[i - 1] != '\\'))
            {
                quoted = !quoted;
            }
            else if (text[i] == ',' && !quoted)
            {
                yield return text[start..i];
                start = i + 1;
            }
        }

        if (start < text.Length)
        {
            yield return text[start..];
        }
    }
}
