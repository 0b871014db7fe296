using Newtonsoft.Json.Linq;

namespace HomeLab.Assertions.Trees;

/// <summary>Equality as assertions see it: numbers by value (1 equals 1.0), strings ordinal, null equals absent.</summary>
internal static class JsonCompare
{
    public static bool IsNull(JToken? token) => token is null || token.Type is JTokenType.Null or JTokenType.Undefined;

    public static bool IsNumber(JToken? token) => token is not null && token.Type is JTokenType.Integer or JTokenType.Float;

    /// <summary>
    /// Whether an actual value matches an expected value computed by an expression, as kyverno-json's
    /// <c>matching.Match</c>: an expected map partially (its keys must be there and match), an expected array
    /// element by element with the same length, anything else by <see cref="DeepEquals"/>.
    /// </summary>
    public static bool Matches(JToken? expected, JToken? actual)
    {
        switch (expected)
        {
            case JObject eo:
                if (actual is not JObject ao)
                {
                    return false;
                }

                foreach (var property in eo.Properties())
                {
                    if (!ao.TryGetValue(property.Name, out var value) || !Matches(property.Value, value))
                    {
                        return false;
                    }
                }

                return true;
            case JArray ea:
                if (actual is not JArray aa || aa.Count != ea.Count)
                {
                    return false;
                }

                for (var i = 0; i < ea.Count; i++)
                {
                    if (!Matches(ea[i], aa[i]))
                    {
                        return false;
                    }
                }

                return true;
            default:
                return DeepEquals(expected, actual);
        }
    }

    public static bool DeepEquals(JToken? expected, JToken? actual)
    {
        if (IsNull(expected) || IsNull(actual))
        {
            return IsNull(expected) && IsNull(actual);
        }

        switch (expected)
        {
            case JObject eo when actual is JObject ao:
                if (eo.Count != ao.Count)
                {
                    return false;
                }

                foreach (var property in eo.Properties())
                {
                    if (!ao.TryGetValue(property.Name, out var value) || !DeepEquals(property.Value, value))
                    {
                        return false;
                    }
                }

                return true;
            case JArray ea when actual is JArray aa:
                if (ea.Count != aa.Count)
                {
                    return false;
                }

                for (var i = 0; i < ea.Count; i++)
                {
                    if (!DeepEquals(ea[i], aa[i]))
                    {
                        return false;
                    }
                }

                return true;
            case JValue ev when actual is JValue av:
                return ScalarEquals(ev, av);
            default:
                return false;
        }
    }

    private static bool ScalarEquals(JValue expected, JValue actual)
    {
        if (IsNumber(expected) && IsNumber(actual))
        {
            return expected.Type == JTokenType.Integer && actual.Type == JTokenType.Integer
                ? (long)expected == (long)actual
                : (double)expected == (double)actual;
        }

        if (expected.Type != actual.Type)
        {
            return false;
        }

        return expected.Type switch
        {
            JTokenType.String => string.Equals((string?)expected, (string?)actual, StringComparison.Ordinal),
            JTokenType.Boolean => (bool)expected == (bool)actual,
            _ => JToken.DeepEquals(expected, actual),
        };
    }
}
