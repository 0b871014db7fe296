namespace HomeLab.Manifests.Rendering;

/// <summary>A rendered source and how it came to be: read from the render cache, or rendered by kubectl or helm.</summary>
/// <param name="Source">The rendered source.</param>
/// <param name="Reused">Whether it came from the render cache.</param>
/// <param name="Problem">Why a cache entry was dropped or not written, if one was.</param>
internal sealed record CachedRender(RenderedSource Source, bool Reused, string? Problem);
