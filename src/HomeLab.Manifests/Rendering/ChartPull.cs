namespace HomeLab.Manifests.Rendering;

/// <summary>What getting a remote chart gave: the cached package, or why there is none.</summary>
/// <param name="Package">The cached <c>.tgz</c>; null when there is none.</param>
/// <param name="Reason">Why there is none.</param>
/// <param name="IsError">Whether that is the repository's answer (the version does not exist, the package does not
/// match the index's digest) rather than the network being off or unreachable.</param>
internal sealed record ChartPull(string? Package, string? Reason, bool IsError = false);
