using System.Text;

namespace HomeLab.Assertions.Trees;

/// <summary>A path into the actual object, built as the walk descends and rendered only for an error.</summary>
internal sealed class TreePath
{
    private readonly TreePath? _parent;
    private readonly string? _key;
    private readonly int _index;

    private TreePath(TreePath? parent, string? key, int index)
    {
        _parent = parent;
        _key = key;
        _index = index;
    }

    public static TreePath Root { get; } = new(null, null, -1);

    public TreePath Key(string key) => new(this, key, -1);

    /// <summary>A key written as is (an expression key), never quoted.</summary>
    public TreePath Raw(string text) => new(this, "\0" + text, -1);

    public TreePath Index(int index) => new(this, null, index);

    public override string ToString()
    {
        if (_parent is null)
        {
            return string.Empty;
        }

        var segments = new List<TreePath>();
        for (var p = this; p._parent is not null; p = p._parent)
        {
            segments.Add(p);
        }

        var builder = new StringBuilder();
        for (var i = segments.Count - 1; i >= 0; i--)
        {
            var s = segments[i];
            if (s._key is null)
            {
                builder.Append('[').Append(s._index).Append(']');
            }
            else if (s._key.StartsWith('\0'))
            {
                AppendDot(builder).Append(s._key.AsSpan(1));
            }
            else if (s._key.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '$'))
            {
                AppendDot(builder).Append(s._key);
            }
            else
            {
                builder.Append("[\"").Append(s._key).Append("\"]");
            }
        }

        return builder.ToString();
    }

    private static StringBuilder AppendDot(StringBuilder builder) => builder.Length > 0 ? builder.Append('.') : builder;
}
