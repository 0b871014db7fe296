namespace HomeLab.Manifests.Rendering;

/// <summary>The one line that says how many Applications were not rendered, why, and how to get them.</summary>
public static class IncompleteRender
{
    /// <summary>Describes the Applications whose remote chart was neither in the chart cache nor downloadable.</summary>
    /// <param name="sets">What each environment rendered.</param>
    /// <param name="options">How they were rendered (the network allowed or not, the chart cache).</param>
    /// <returns>The line, such as <c>not rendered: 14 Applications on k3d, 16 on k3s (…); run ./build.sh SyncCharts …</c>; null when every
    /// remote chart rendered.</returns>
    public static string? Describe(IEnumerable<RenderedSet> sets, RenderOptions options)
    {
        ArgumentNullException.ThrowIfNull(sets);
        ArgumentNullException.ThrowIfNull(options);
        var missing = sets.Where(s => s.Counts.NotRenderedOffline > 0).ToList();
        if (missing.Count == 0)
        {
            return null;
        }

        var cache = Path.GetRelativePath(options.RepositoryRoot, options.ChartCacheDirectoryOrDefault);
        var why = options.AllowNetwork
            ? $"their charts are not in {cache} and could not be downloaded"
            : $"their charts are not in {cache} and the network is off";
        var counts = missing.Select((s, i) => $"{s.Counts.NotRenderedOffline}{(i == 0 ? (s.Counts.NotRenderedOffline == 1 ? " Application" : " Applications") : string.Empty)} on {s.Environment.Name}");
        return $"not rendered: {string.Join(", ", counts)} ({why}); run ./build.sh SyncCharts to fetch them, or --chart-mirror <repoURL>=<url> for a mirror";
    }
}
