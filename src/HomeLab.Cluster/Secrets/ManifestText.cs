namespace HomeLab.Cluster.Secrets;

/// <summary>The text of a manifest file (possibly several YAML documents) and where it came from.</summary>
/// <param name="Source">The path, for messages.</param>
/// <param name="Content">The YAML text.</param>
public sealed record ManifestText(string Source, string Content);
