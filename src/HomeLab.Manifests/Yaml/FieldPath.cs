using System.Globalization;
using System.Text;

namespace HomeLab.Manifests.Yaml;

/// <summary>
/// The path to a field inside a document, rendered as <c>spec.template.spec.containers[0].image</c>;
/// keys that are not plain words render as <c>metadata.labels["app.kubernetes.io/name"]</c>.
/// Immutable: <see cref="Key"/> and <see cref="Index"/> return new paths that share their parent.
/// </summary>
public sealed class FieldPath : IEquatable<FieldPath>
{
    private FieldPath(FieldPath? parent, FieldPathSegment segment)
    {
        Parent = parent;
        Segment = segment;
        Depth = parent is null ? 0 : parent.Depth + 1;
    }

    /// <summary>The empty path: the document itself.</summary>
    public static FieldPath Root { get; } = new(null, default);

    /// <summary>The path one step up; null for <see cref="Root"/>.</summary>
    public FieldPath? Parent { get; }

    /// <summary>The last step; meaningless for <see cref="Root"/>.</summary>
    public FieldPathSegment Segment { get; }

    /// <summary>The number of steps.</summary>
    public int Depth { get; }

    /// <summary>Whether this is the empty path.</summary>
    public bool IsRoot => Parent is null;

    /// <summary>The steps, first to last.</summary>
    public IReadOnlyList<FieldPathSegment> Segments
    {
        get
        {
            var segments = new FieldPathSegment[Depth];
            for (var path = this; !path.IsRoot; path = path.Parent!)
            {
                segments[path.Depth - 1] = path.Segment;
            }

            return segments;
        }
    }

    /// <summary>This path followed by a mapping key.</summary>
    /// <param name="key">The key.</param>
    /// <returns>The longer path.</returns>
    public FieldPath Key(string key) => new(this, FieldPathSegment.ForKey(key));

    /// <summary>This path followed by a list index.</summary>
    /// <param name="index">The 0-based index.</param>
    /// <returns>The longer path.</returns>
    public FieldPath Index(int index) => new(this, FieldPathSegment.ForIndex(index));

    /// <summary>Reads a path such as <c>spec.containers[0].image</c> or <c>metadata.annotations["a.b/c"]</c>.</summary>
    /// <param name="text">The path; empty for <see cref="Root"/>.</param>
    /// <returns>The path.</returns>
    /// <exception cref="FormatException">The text is not a path.</exception>
    public static FieldPath Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var path) ? path : throw new FormatException($"'{text}' is not a field path such as spec.containers[0].image.");
    }

    /// <summary>Reads a path such as <c>spec.containers[0].image</c>, without throwing.</summary>
    /// <param name="text">The path; empty for <see cref="Root"/>.</param>
    /// <param name="path">The path read, or <see cref="Root"/> when the text is not a path.</param>
    /// <returns>Whether the text is a path.</returns>
    public static bool TryParse(string? text, out FieldPath path)
    {
        path = Root;
        if (text is null)
        {
            return false;
        }

        var result = Root;
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == '[')
            {
                if (!TryReadBracket(text, ref i, ref result))
                {
                    return false;
                }
            }
            else
            {
                if (text[i] == '.')
                {
                    i++;
                }

                var start = i;
                while (i < text.Length && text[i] != '.' && text[i] != '[')
                {
                    i++;
                }

                if (i == start)
                {
                    return false;
                }

                result = result.Key(text[start..i]);
            }
        }

        path = result;
        return true;
    }

    private static bool TryReadBracket(string text, ref int i, ref FieldPath result)
    {
        i++;
        if (i < text.Length && text[i] == '"')
        {
            var key = new StringBuilder();
            i++;
            while (i < text.Length && text[i] != '"')
            {
                if (text[i] == '\\' && i + 1 < text.Length)
                {
                    i++;
                }

                key.Append(text[i]);
                i++;
            }

            if (i + 1 >= text.Length || text[i + 1] != ']')
            {
                return false;
            }

            i += 2;
            result = result.Key(key.ToString());
            return true;
        }

        var close = text.IndexOf(']', i);
        if (close < 0 || !int.TryParse(text.AsSpan(i, close - i), NumberStyles.None, CultureInfo.InvariantCulture, out var index))
        {
            return false;
        }

        i = close + 1;
        result = result.Index(index);
        return true;
    }

    /// <summary>Renders the path as <c>spec.template.spec.containers[0].image</c>; empty for <see cref="Root"/>.</summary>
    /// <returns>The rendered path.</returns>
    public override string ToString()
    {
        if (IsRoot)
        {
            return string.Empty;
        }

        var text = new StringBuilder();
        foreach (var segment in Segments)
        {
            if (text.Length > 0 && !segment.IsIndex && FieldPathSegment.IsPlainKey(segment.Key!))
            {
                text.Append('.');
            }

            text.Append(segment.ToString());
        }

        return text.ToString();
    }

    /// <inheritdoc />
    public bool Equals(FieldPath? other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (other is null || other.Depth != Depth)
        {
            return false;
        }

        for (FieldPath a = this, b = other; !a.IsRoot; a = a.Parent!, b = b.Parent!)
        {
            if (a.Segment != b.Segment)
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as FieldPath);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        for (var path = this; !path.IsRoot; path = path.Parent!)
        {
            hash.Add(path.Segment);
        }

        return hash.ToHashCode();
    }
}
