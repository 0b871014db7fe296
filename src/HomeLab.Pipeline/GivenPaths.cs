using HomeLab.Targets;

namespace HomeLab.Pipeline;

/// <summary>Checks the paths a user gives to targets that read files.</summary>
public static class GivenPaths
{
    /// <summary>Fails with a clear message when a path the user gave does not exist.</summary>
    /// <param name="paths">The paths.</param>
    /// <param name="option">The option that gave them, such as <c>--path</c>.</param>
    /// <exception cref="TargetFailedException">A path does not exist.</exception>
    public static void RequireExisting(IEnumerable<AbsolutePath> paths, string option)
    {
        ArgumentNullException.ThrowIfNull(paths);
        foreach (var path in paths.Where(p => !File.Exists(p) && !Directory.Exists(p)))
        {
            throw new TargetFailedException($"{option} {path}: no such file or directory.");
        }
    }
}
