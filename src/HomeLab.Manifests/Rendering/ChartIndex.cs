using HomeLab.Manifests.Yaml;

namespace HomeLab.Manifests.Rendering;

/// <summary>A chart repository's <c>index.yaml</c>: the versions it serves of each chart and their packages' digests.</summary>
internal sealed class ChartIndex(YamlMap entries)
{
    /// <summary>Reads <c>&lt;repository&gt;/index.yaml</c>: the index, null when it cannot be had (the pull then says
    /// why), and whether the repository could not be reached at all (no name resolution, no connection), in which case
    /// <c>helm pull</c> would not reach it either.</summary>
    public static async Task<(ChartIndex? Index, string? Unreachable)> FetchAsync(string repository, CancellationToken cancellationToken)
    {
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
            var text = await http.GetStringAsync(new Uri(repository.TrimEnd('/') + "/index.yaml"), cancellationToken).ConfigureAwait(false);
            return (Parse(text), null);
        }
        catch (HttpRequestException ex) when (ex.HttpRequestError is HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError)
        {
            return (null, ex.Message);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or UriFormatException or InvalidOperationException)
        {
            return (null, null);
        }
    }

    public static ChartIndex? Parse(string text) =>
        YamlLoader.Default.LoadString(text, "index.yaml").Documents is [{ Root: YamlMap root }, ..] && root.GetMap("entries") is { } entries ? new ChartIndex(entries) : null;

    /// <summary>The versions served of a chart, newest first as the index lists them; empty when the chart is not there.</summary>
    public IReadOnlyList<string> Versions(string chart) =>
        [.. (entries.GetList(chart)?.Items ?? []).OfType<YamlMap>().Select(e => e.GetString("version")).OfType<string>()];

    /// <summary>The sha256 the index gives a version's package; null when it gives none.</summary>
    public string? Digest(string chart, string? version) =>
        (entries.GetList(chart)?.Items ?? []).OfType<YamlMap>().FirstOrDefault(e => version is null || e.GetString("version") == version)?.GetString("digest");
}
