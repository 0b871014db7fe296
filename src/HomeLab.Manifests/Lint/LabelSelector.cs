using HomeLab.Manifests.Yaml;

namespace HomeLab.Manifests.Lint;

/// <summary>Evaluates Kubernetes label selectors (<c>matchLabels</c> and <c>matchExpressions</c>) and node
/// selector requirements straight from the YAML model.</summary>
internal static class LabelSelector
{
    /// <summary>Whether a <c>{ matchLabels, matchExpressions }</c> selector selects the labels; an empty selector selects everything.</summary>
    public static bool Matches(YamlMap selector, IReadOnlyDictionary<string, string> labels)
    {
        if (selector.GetMap("matchLabels") is { } matchLabels && !MatchesLabels(matchLabels, labels))
        {
            return false;
        }

        return selector.GetList("matchExpressions") is not { } expressions || MatchesExpressions(expressions, labels);
    }

    /// <summary>Whether every key/value of a plain label map (a Service selector, a nodeSelector) is in the labels.</summary>
    public static bool MatchesLabels(YamlMap required, IReadOnlyDictionary<string, string> labels)
    {
        foreach (var entry in required.Entries)
        {
            var value = (entry.Value as YamlScalar)?.AsString() ?? string.Empty;
            if (!labels.TryGetValue(entry.Key, out var actual) || actual != value)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether every requirement (<c>key</c>, <c>operator</c>, <c>values</c>) holds; operators as in label and node selectors.</summary>
    public static bool MatchesExpressions(YamlList expressions, IReadOnlyDictionary<string, string> labels)
    {
        foreach (var item in expressions.Items)
        {
            if (item is not YamlMap expression || !MatchesExpression(expression, labels))
            {
                return false;
            }
        }

        return true;
    }

    private static bool MatchesExpression(YamlMap expression, IReadOnlyDictionary<string, string> labels)
    {
        var key = expression.GetString("key") ?? string.Empty;
        var has = labels.TryGetValue(key, out var value);
        var values = expression.GetList("values");
        switch (expression.GetString("operator"))
        {
            case "In":
                return has && Contains(values, value!);
            case "NotIn":
                return !has || !Contains(values, value!);
            case "Exists":
                return has;
            case "DoesNotExist":
                return !has;
            case "Gt" or "Lt":
                if (!has || !long.TryParse(value, out var actual) || values is not { Count: 1 } || values[0] is not YamlScalar bound
                    || !long.TryParse(bound.Value, out var limit))
                {
                    return false;
                }

                return expression.GetString("operator") == "Gt" ? actual > limit : actual < limit;
            default:
                return false;
        }
    }

    private static bool Contains(YamlList? values, string value)
    {
        if (values is null)
        {
            return false;
        }

        foreach (var item in values.Items)
        {
            if (item is YamlScalar scalar && scalar.Value == value)
            {
                return true;
            }
        }

        return false;
    }
}
