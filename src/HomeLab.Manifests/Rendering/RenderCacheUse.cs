namespace HomeLab.Manifests.Rendering;

/// <summary>What the render cache did for one rendered set: which sources kubectl or helm rendered and which came
/// from <c>.nuke/cache/rendered</c>, and the entries it dropped (truncated, corrupted) and why.</summary>
public sealed record RenderCacheUse
{
    /// <summary>No render cache was used (<see cref="RenderOptions.RenderCacheDirectory"/> is null).</summary>
    public static RenderCacheUse Off { get; } = new();

    /// <summary>Whether a render cache was used.</summary>
    public bool IsEnabled { get; init; }

    /// <summary>The sources whose objects came from the cache, by name.</summary>
    public IReadOnlyList<string> Reused { get; init; } = [];

    /// <summary>The sources kubectl or helm rendered in this build, by name (their inputs changed, or nothing was cached).</summary>
    public IReadOnlyList<string> Rendered { get; init; } = [];

    /// <summary>Entries that could not be used or written, and why; each source concerned was rendered.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>A line such as <c>render cache: 41 reused, 1 rendered (app-cert-manager)</c>.</summary>
    /// <returns>The line.</returns>
    public override string ToString() => !IsEnabled
        ? "render cache: off"
        : $"render cache: {Reused.Count} reused, {Rendered.Count} rendered{(Rendered.Count is > 0 and <= 8 ? $" ({string.Join(", ", Rendered)})" : string.Empty)}";
}
