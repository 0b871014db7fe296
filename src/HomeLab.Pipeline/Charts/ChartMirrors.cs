namespace HomeLab.Pipeline.Charts;

/// <summary>What <c>--chart-mirror &lt;repoURL&gt;=&lt;url&gt;</c> gives: a chart repository and the mirror that stands in for it.</summary>
public static class ChartMirrors
{
    /// <summary>Reads the mirrors.</summary>
    /// <param name="values">The option's values, each <c>&lt;repoURL&gt;=&lt;url&gt;</c>.</param>
    /// <returns>Each repository URL with its mirror.</returns>
    /// <exception cref="FormatException">A value is not <c>&lt;repoURL&gt;=&lt;url&gt;</c> with an http(s) or oci mirror.</exception>
    public static IReadOnlyDictionary<string, string> Parse(IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var mirrors = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            var equals = value.IndexOf('=', StringComparison.Ordinal);
            var repository = equals > 0 ? value[..equals].Trim() : string.Empty;
            var mirror = equals > 0 ? value[(equals + 1)..].Trim() : string.Empty;
            if (repository.Length == 0 || !IsChartSource(mirror))
            {
                throw new FormatException($"'{value}' is not <repoURL>=<url> with an http://, https:// or oci:// mirror, such as https://charts.example.com=http://mirror.lan/charts");
            }

            mirrors[repository] = mirror;
        }

        return mirrors;
    }

    private static bool IsChartSource(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" or "oci" && uri.Host.Length > 0;
}
