namespace HomeLab.Targets;

/// <summary>
/// A normalized absolute path. As a parameter, a relative value is resolved against the repository root
/// (not the current directory), so <c>--output out/x.sarif</c> means the same wherever the build is run.
/// </summary>
public sealed class AbsolutePath : IEquatable<AbsolutePath>
{
    private AbsolutePath(string path) => Value = path;

    /// <summary>The full path.</summary>
    public string Value { get; }

    /// <summary>The last segment.</summary>
    public string Name => System.IO.Path.GetFileName(Value);

    /// <summary>The containing directory.</summary>
    public AbsolutePath Parent => new(System.IO.Path.GetDirectoryName(Value) ?? Value);

    /// <summary>Creates a path; a relative one is resolved against <paramref name="baseDirectory"/>.</summary>
    /// <param name="path">The path.</param>
    /// <param name="baseDirectory">The directory a relative path is relative to.</param>
    /// <returns>The absolute path.</returns>
    public static AbsolutePath Create(string path, string baseDirectory) =>
        new(System.IO.Path.GetFullPath(path, baseDirectory));

    /// <summary>Creates a path from an absolute one.</summary>
    /// <param name="path">An absolute path.</param>
    /// <returns>The path.</returns>
    public static AbsolutePath FromAbsolute(string path) => new(System.IO.Path.GetFullPath(path));

    /// <summary>Appends a relative segment: <c>RootDirectory / "manifests"</c>.</summary>
    /// <param name="left">The base.</param>
    /// <param name="right">The relative part.</param>
    /// <returns>The combined path.</returns>
    public static AbsolutePath operator /(AbsolutePath left, string right)
    {
        ArgumentNullException.ThrowIfNull(left);
        return new(System.IO.Path.GetFullPath(System.IO.Path.Combine(left.Value, right)));
    }

    /// <summary>Appends a relative segment.</summary>
    /// <param name="right">The relative part.</param>
    /// <returns>The combined path.</returns>
    public AbsolutePath Combine(string right) => this / right;

    /// <summary>The path as a string.</summary>
    /// <param name="path">The path.</param>
    public static implicit operator string(AbsolutePath path) => path?.Value!;

    /// <summary>This path relative to another, with forward slashes.</summary>
    /// <param name="baseDirectory">The directory to be relative to.</param>
    /// <returns>The relative path.</returns>
    public string RelativeTo(AbsolutePath baseDirectory)
    {
        ArgumentNullException.ThrowIfNull(baseDirectory);
        return System.IO.Path.GetRelativePath(baseDirectory.Value, Value).Replace('\\', '/');
    }

    /// <inheritdoc />
    public bool Equals(AbsolutePath? other) => other is not null && string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as AbsolutePath);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
