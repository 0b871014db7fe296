namespace HomeLab.Tools;

/// <summary>Finds the repository's root: the nearest directory, upwards, that holds <c>HomeLab.sln</c>.</summary>
public static class RepositoryRoot
{
    /// <summary>The file that marks the root.</summary>
    public const string MarkerFile = "HomeLab.sln";

    /// <summary>Walks up from a directory to the repository root.</summary>
    /// <param name="startDirectory">Where to start; the current directory when null.</param>
    /// <returns>The root, or null when no directory upwards holds <see cref="MarkerFile"/>.</returns>
    public static string? Find(string? startDirectory = null)
    {
        for (var directory = new DirectoryInfo(startDirectory ?? Directory.GetCurrentDirectory()); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, MarkerFile)))
            {
                return directory.FullName;
            }
        }

        return null;
    }
}
