namespace HomeLab.Manifests.Reporting;

/// <summary>The lines of source files, each file read at most once and only when a line of it is asked for.</summary>
internal sealed class SourceLines(ReportPaths paths)
{
    private readonly Dictionary<string, string[]?> _files = new(StringComparer.Ordinal);

    /// <summary>The 1-based line of a file, or null when the file cannot be read or is shorter.</summary>
    public string? Line(string file, int line)
    {
        if (!_files.TryGetValue(file, out var lines))
        {
            lines = Read(paths.FullPath(file));
            _files[file] = lines;
        }

        return lines is not null && line >= 1 && line <= lines.Length ? lines[line - 1] : null;
    }

    private static string[]? Read(string? path)
    {
        if (path is null)
        {
            return null;
        }

        try
        {
            return File.ReadAllLines(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
