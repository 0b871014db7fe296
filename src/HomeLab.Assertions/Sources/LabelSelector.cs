namespace HomeLab.Assertions.Sources;

/// <summary>
/// A Kubernetes label selector in its text form: equality (<c>app=web</c>, <c>app==web</c>, <c>tier!=db</c>),
/// set-based (<c>env in (prod,staging)</c>, <c>env notin (dev)</c>) and existence (<c>gpu</c>, <c>!gpu</c>),
/// comma-separated and all required.
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

    /// <summary>The selector as written.</summary>
    public string Text { get; }

    /// <summary>Parses a selector; null or empty selects everything.</summary>
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

    /// <summary>Whether a set of labels satisfies every requirement.</summary>
    /// <param name="labels">The object's labels.</param>
    /// <returns>True when selected.</returns>
    public bool Matches(IReadOnlyDictionary<string, string> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        foreach (var r in _requirements)
        {
            var has = labels.TryGetValue(r.Key, out var value);
            var ok = r.Operator switch
            {
                "exists" => has,
                "!exists" => !has,
                "=" => has && value == r.Values[0],
                "!=" => !has || value != r.Values[0],
                "in" => has && r.Values.Contains(value!),
                _ => !has || !r.Values.Contains(value!),
            };
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public override string ToString() => Text;

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
            return new Requirement(Key(part[1..].Trim()), "!exists", []);
        }

        foreach (var op in new[] { "!=", "==", "=" })
        {
            var at = part.IndexOf(op, StringComparison.Ordinal);
            if (at > 0)
            {
                return new Requirement(Key(part[..at].Trim()), op == "!=" ? "!=" : "=", [part[(at + op.Length)..].Trim()]);
            }
        }

        var words = part.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words.Length == 1)
        {
            return new Requirement(Key(words[0]), "exists", []);
        }

        var rest = words[1];
        var setOp = rest.StartsWith("notin", StringComparison.Ordinal) ? "notin" : rest.StartsWith("in", StringComparison.Ordinal) ? "in" : null;
        var set = setOp is null ? string.Empty : rest[setOp.Length..].Trim();
        if (setOp is null || !set.StartsWith('(') || !set.EndsWith(')'))
        {
            throw Bad("is not key=value, key!=value, key in (a,b), key notin (a,b), key or !key");
        }

        var values = set[1..^1].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return new Requirement(Key(words[0]), setOp, values);

        string Key(string key) => key.Length > 0 && !key.Any(char.IsWhiteSpace) ? key : throw Bad("has no valid key");
    }

    private sealed record Requirement(string Key, string Operator, string[] Values);
}
