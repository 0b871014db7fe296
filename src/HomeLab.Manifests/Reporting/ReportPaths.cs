namespace HomeLab.Manifests.Reporting;

/// <summary>Turns the file a span names into a path relative to a root directory, with <c>/</c> separators, and
/// finds the file on disk to read its lines.</summary>
internal sealed class ReportPaths
{
    private readonly string _root;

    public ReportPaths(string rootDirectory)
    {
        ArgumentNullException.ThrowIfNull(rootDirectory);
        _root = Path.GetFullPath(rootDirectory);
    }

    public string Root => _root;

    /// <summary>The path on disk, or null when the name is not a file (such as <c>kustomize build apps/</c>).</summary>
    public string? FullPath(string file)
    {
        if (string.IsNullOrEmpty(file))
        {
            return null;
        }

        var full = Path.IsPathRooted(file) ? file : Path.Combine(_root, file);
        return File.Exists(full) ? full : null;
    }

    /// <summary>The path relative to the root when the file is under it; otherwise the name as given.</summary>
    public string Relative(string file, out bool underRoot)
    {
        underRoot = false;
        if (string.IsNullOrEmpty(file))
        {
            return file;
        }

        var full = Path.GetFullPath(Path.IsPathRooted(file) ? file : Path.Combine(_root, file));
        var relative = Path.GetRelativePath(_root, full);
        if (relative == ".." || relative.StartsWith("../", StringComparison.Ordinal) || relative.StartsWith("..\\", StringComparison.Ordinal) || Path.IsPathRooted(relative))
        {
            return file.Replace('\\', '/');
        }

        underRoot = true;
        return relative.Replace('\\', '/');
    }

    public string Relative(string file) => Relative(file, out _);
}
