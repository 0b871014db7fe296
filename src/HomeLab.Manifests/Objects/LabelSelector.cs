using HomeLab.Manifests.Yaml;

namespace HomeLab.Manifests.Objects;

/// <summary>
/// A Kubernetes label selector — the one copy for every place that selects objects or nodes by labels: the text
/// form of <c>kubectl -l</c> and kustomize patch targets (<c>app=web</c>, <c>app==web</c>, <c>tier!=db</c>,
/// <c>env in (prod,staging)</c>, <c>env notin (dev)</c>, <c>gpu</c>, <c>!gpu</c>, comma-separated, all required),
/// and the YAML forms (<c>matchLabels</c>/<c>matchExpressions</c>, a plain label map, node selector requirements
/// with <c>Gt</c>/<c>Lt</c>). Immutable.
/// </summary>
public sealed class LabelSelector
{
    private readonly IReadOnlyList<Requirement> _requirements;

    private LabelSelector(IReadOnlyList<Requirement> requirements, string text)
    {
        _requirements = requirements;
        Text = text;
    }

    /// <summary>A selector that selects everything.</summary>
    public static LabelSelector Everything { get; } = new([], string.Empty);

    /// <summary>The selector as written (empty for one read from YAML).</summary>
    public string Text { get; }

    /// <summary>Parses the text form; null or empty selects everything.</summary>
    /// <param name="text">The selector text.</param>
    /// <returns>The selector.</returns>
    /// <exception cref="FormatException">The text is not a valid selector; the message says where.</exception>
    public static LabelSelector Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Everything;
        }

        var requirements = new List<Requirement>();
        foreach (var part in SplitTopLevel(text))
        {
            requirements.Add(ParseRequirement(part.Trim(), text));
        }

        return new LabelSelector(requirements, text);
    }

    /// <summary>Parses the text form without throwing.</summary>
    /// <param name="text">The selector text.</param>
    /// <param name="selector">The selector, or null when the text is not one.</param>
    /// <returns>Whether the text is a selector.</returns>
    public static bool TryParse(string? text, out LabelSelector? selector)
    {
        try
        {
            selector = Parse(text);
            return true;
        }
        catch (FormatException)
        {
            selector = null;
            return false;
        }
    }

    /// <summary>A <c>{ matchLabels, matchExpressions }</c> selector; an empty one selects everything.</summary>
    /// <param name="selector">The selector's YAML.</param>
    /// <returns>The selector.</returns>
    public static LabelSelector FromYaml(YamlMap selector)
    {
        ArgumentNullException.ThrowIfNull(selector);
        var requirements = new List<Requirement>();
        if (selector.GetMap("matchLabels") is { } matchLabels)
        {
            requirements.AddRange(EqualityRequirements(matchLabels));
        }

        if (selector.GetList("matchExpressions") is { } expressions)
        {
            requirements.AddRange(ExpressionRequirements(expressions));
        }

        return new LabelSelector(requirements, string.Empty);
    }

    /// <summary>A plain label map (a Service selector, a nodeSelector): every key must have its value.</summary>
    /// <param name="labels">The map.</param>
    /// <returns>The selector.</returns>
    public static LabelSelector FromLabelMap(YamlMap labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        return new LabelSelector([.. EqualityRequirements(labels)], string.Empty);
    }

    /// <summary>Requirements (<c>key</c>, <c>operator</c>, <c>values</c>) as label and node selectors write them, <c>Gt</c> and <c>Lt</c> included.</summary>
    /// <param name="expressions">The list of requirements; an item that is not one selects nothing.</param>
    /// <returns>The selector.</returns>
    public static LabelSelector FromExpressions(YamlList expressions)
    {
        ArgumentNullException.ThrowIfNull(expressions);
        return new LabelSelector([.. ExpressionRequirements(expressions)], string.Empty);
    }

    /// <summary>Whether a set of labels satisfies every requirement.</summary>
    /// <param name="labels">The object's (or node's) labels.</param>
    /// <returns>True when selected.</returns>
    public bool Matches(IReadOnlyDictionary<string, string> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        foreach (var requirement in _requirements)
        {
            if (!requirement.Holds(labels))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public override string ToString() => Text;

    private static IEnumerable<Requirement> EqualityRequirements(YamlMap labels) =>
        labels.Entries.Select(e => new Requirement(e.Key, Operator.In, [(e.Value as YamlScalar)?.AsString() ?? string.Empty]));

    private static IEnumerable<Requirement> ExpressionRequirements(YamlList expressions)
    {
        foreach (var item in expressions.Items)
        {
            if (item is not YamlMap expression)
            {
                yield return Requirement.Never;
                continue;
            }

            var key = expression.GetString("key") ?? string.Empty;
            var values = expression.GetList("values")?.Items.OfType<YamlScalar>().Select(s => s.Value ?? string.Empty).ToArray() ?? [];
            yield return expression.GetString("operator") switch
            {
                "In" => new Requirement(key, Operator.In, values),
                "NotIn" => new Requirement(key, Operator.NotIn, values),
                "Exists" => new Requirement(key, Operator.Exists, []),
                "DoesNotExist" => new Requirement(key, Operator.DoesNotExist, []),
                "Gt" => new Requirement(key, Operator.GreaterThan, values),
                "Lt" => new Requirement(key, Operator.LessThan, values),
                _ => Requirement.Never,
            };
        }
    }

    private static IEnumerable<string> SplitTopLevel(string text)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            depth += text[i] == '(' ? 1 : text[i] == ')' ? -1 : 0;
            if (text[i] == ',' && depth == 0)
            {
                yield return text[start..i];
                start = i + 1;
            }
        }

        yield return text[start..];
    }

    private static Requirement ParseRequirement(string part, string whole)
    {
        FormatException Bad(string why) => new($"label selector '{whole}': '{part}' {why}");
        if (part.Length == 0)
        {
            throw Bad("is empty");
        }

        if (part.StartsWith('!'))
        {
            return new Requirement(Key(part[1..].Trim()), Operator.DoesNotExist, []);
        }

        foreach (var op in new[] { "!=", "==", "=" })
        {
            var at = part.IndexOf(op, StringComparison.Ordinal);
            if (at > 0)
            {
                return new Requirement(Key(part[..at].Trim()), op == "!=" ? Operator.NotIn : Operator.In, [part[(at + op.Length)..].Trim()]);
            }
        }

        var words = part.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words.Length == 1)
        {
            return new Requirement(Key(words[0]), Operator.Exists, []);
        }

        var rest = words[1];
        var setOp = rest.StartsWith("notin", StringComparison.Ordinal) ? Operator.NotIn : rest.StartsWith("in", StringComparison.Ordinal) ? Operator.In : (Operator?)null;
        var set = setOp is null ? string.Empty : rest[(setOp == Operator.NotIn ? "notin".Length : "in".Length)..].Trim();
        if (setOp is not { } setOperator || !set.StartsWith('(') || !set.EndsWith(')'))
        {
            throw Bad("is not key=value, key!=value, key in (a,b), key notin (a,b), key or !key");
        }

        var values = set[1..^1].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return new Requirement(Key(words[0]), setOperator, values);

        string Key(string key) => key.Length > 0 && !key.Any(char.IsWhiteSpace) ? key : throw Bad("has no valid key");
    }

    private enum Operator
    {
        In,
        NotIn,
        Exists,
        DoesNotExist,
        GreaterThan,
        LessThan,
        Never,
    }

    private sealed record Requirement(string Key, Operator Operator, IReadOnlyList<string> Values)
    {
        public static Requirement Never { get; } = new(string.Empty, Operator.Never, []);

        public bool Holds(IReadOnlyDictionary<string, string> labels)
        {
            var has = labels.TryGetValue(Key, out var value);
            return Operator switch
            {
                Operator.In => has && Values.Contains(value!),
                Operator.NotIn => !has || !Values.Contains(value!),
                Operator.Exists => has,
                Operator.DoesNotExist => !has,
                Operator.GreaterThan or Operator.LessThan => has && Compare(value!) is { } comparison && (Operator == Operator.GreaterThan ? comparison > 0 : comparison < 0),
                _ => false,
            };
        }

        private int? Compare(string value) =>
            Values is [var bound] && long.TryParse(value, out var actual) && long.TryParse(bound, out var limit) ? actual.CompareTo(limit) : null;
    }
}
