using System.Text;

namespace HomeLab.Manifests.Rendering;

/// <summary>Where the chart cache keeps a chart version: <c>&lt;cache&gt;/&lt;repository&gt;/&lt;chart&gt;/&lt;version&gt;/&lt;chart&gt;-&lt;version&gt;.tgz</c>, each part made safe for a file name.</summary>
public static class ChartCacheLayout
{
    /// <summary>The folder a chart version is cached in.</summary>
    /// <param name="cacheDirectory">The chart cache, such as <c>.nuke/cache/charts</c>.</param>
    /// <param name="repository">The chart repository's URL, as the Application names it.</param>
    /// <param name="chart">The chart's name.</param>
    /// <param name="version">The version; <c>latest</c> when null.</param>
    /// <returns>The folder (which may not exist).</returns>
    public static string Folder(string cacheDirectory, string repository, string chart, string? version)
    {
        ArgumentNullException.ThrowIfNull(cacheDirectory);
        ArgumentNullException.ThrowIfNull(repository);
        ArgumentNullException.ThrowIfNull(chart);
        return Path.Combine(cacheDirectory, Key(repository), Key(chart), Key(version ?? "latest"));
    }

    private static string Key(string text)
    {
        var key = new StringBuilder(text.Length);
        foreach (var c in text.Replace("://", "_", StringComparison.Ordinal))
        {
            key.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_');
        }

        return key.ToString().Trim('.');
    }
}
