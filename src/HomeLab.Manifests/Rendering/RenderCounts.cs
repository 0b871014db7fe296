namespace HomeLab.Manifests.Rendering;

/// <summary>How much of an environment was rendered.</summary>
/// <param name="Sources">Sources rendered (kustomizations, charts, directories).</param>
/// <param name="Objects">Objects rendered.</param>
/// <param name="NotRenderedOffline">Remote charts that could not be downloaded and were not in the cache.</param>
/// <param name="Unsupported">Application sources that cannot be rendered from this repository.</param>
public sealed record RenderCounts(int Sources, int Objects, int NotRenderedOffline, int Unsupported);
