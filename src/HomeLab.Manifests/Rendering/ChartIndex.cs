using HomeLab.Manifests.Yaml;

namespace HomeLab.Manifests.Rendering;

/// <summary>A chart repository's <c>index.yaml</c>: the versions it serves of each chart and their packages' digests.</summary>
internal sealed class ChartIndex(YamlMap entries)
{
    /// <summary>Reads <c>&lt;repository&gt;/index.yaml</c>; null when it cannot be had (the pull then says why).</summary>
    public static async Task<ChartIndex?> FetchAsync(string repository, CancellationToken cancellationToken)
    {
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
            var text = await http.GetStringAsync(new Uri(repository.TrimEnd('/') + "/index.yaml"), cancellationToken).ConfigureAwait(false);
            return Parse(text);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or UriFormatException or InvalidOperationException)
        {
            return null;
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
