namespace HomeLab.Manifests.Yaml;

/// <summary>One step of a <see cref="FieldPath"/>: a mapping key or a list index.</summary>
public readonly record struct FieldPathSegment
{
    private FieldPathSegment(string? key, int index)
    {
        Key = key;
        Index = index;
    }

    /// <summary>The mapping key; null when this step is a list index.</summary>
    public string? Key { get; }

    /// <summary>The 0-based list index; -1 when this step is a mapping key.</summary>
    public int Index { get; }

    /// <summary>Whether this step is a list index.</summary>
    public bool IsIndex => Key is null;

    /// <summary>A step into a mapping.</summary>
    /// <param name="key">The key.</param>
    /// <returns>The step.</returns>
    public static FieldPathSegment ForKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return new FieldPathSegment(key, -1);
    }

    /// <summary>A step into a list.</summary>
    /// <param name="index">The 0-based index.</param>
    /// <returns>The step.</returns>
    public static FieldPathSegment ForIndex(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        return new FieldPathSegment(null, index);
    }

    /// <summary>Renders the step as it appears in a path: <c>key</c>, <c>["odd.key"]</c> or <c>[0]</c>.</summary>
    /// <returns>The rendered step.</returns>
    public override string ToString() => Key switch
    {
        null => $"[{Index}]",
        _ when IsPlainKey(Key) => Key,
        _ => $"[\"{Key.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)}\"]",
    };

    internal static bool IsPlainKey(string key)
    {
        if (key.Length == 0)
        {
            return false;
        }

        foreach (var c in key)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not '_' and not '-' and not '$')
            {
                return false;
            }
        }

        return true;
    }
}
