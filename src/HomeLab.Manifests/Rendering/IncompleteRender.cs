namespace HomeLab.Manifests.Rendering;

/// <summary>The one line that says how many Applications were not rendered, why, and how to get them.</summary>
public static class IncompleteRender
{
    /// <summary>Describes the Applications whose remote chart was neither in the chart cache nor downloadable.</summary>
    /// <param name="sets">What each environment rendered.</param>
    /// <param name="options">How they were rendered (the network allowed or not, the chart cache).</param>
    /// <returns>The line, such as <c>3 Applications not rendered (k3d: 3): …; run ./build.sh SyncCharts</c>; null when every
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
        var perEnvironment = string.Join(", ", missing.Select(s => $"{s.Environment.Name}: {s.Counts.NotRenderedOffline}"));
        var total = missing.Max(s => s.Counts.NotRenderedOffline);
        return $"{total} Application{(total == 1 ? string.Empty : "s")} not rendered ({perEnvironment}): {why}; run ./build.sh SyncCharts to fetch them (--chart-mirror for a mirror)";
    }
}
