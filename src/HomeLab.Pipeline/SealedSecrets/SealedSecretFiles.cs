using HomeLab.Manifests.Objects;

namespace HomeLab.Pipeline.SealedSecrets;

/// <summary>Finds the files that hold SealedSecrets, by reading them as Kubernetes objects (not by searching their text).</summary>
public static class SealedSecretFiles
{
    /// <summary>The kind of a sealed secret.</summary>
    public const string Kind = "SealedSecret";

    /// <summary>The manifest files under a directory that hold at least one SealedSecret.</summary>
    /// <param name="directory">The directory, searched recursively; none there is no files.</param>
    /// <returns>The files, in ordinal order.</returns>
    public static IReadOnlyList<string> Under(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        if (!Directory.Exists(directory))
        {
            return [];
        }

        return [.. ManifestSet.Load(directory).Objects
            .Where(o => o.Kind == Kind)
            .Select(o => o.SourceFile)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)];
    }
}
