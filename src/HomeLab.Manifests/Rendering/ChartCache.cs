using System.Text;
using HomeLab.Manifests.Tools;

namespace HomeLab.Manifests.Rendering;

/// <summary>
/// Packaged charts downloaded from chart repositories, kept under <c>.nuke/cache/charts/&lt;repository&gt;/&lt;chart&gt;/&lt;version&gt;/</c>
/// so that a chart downloaded once renders offline ever after.
/// </summary>
internal sealed class ChartCache(string directory, Helm helm)
{
    /// <summary>The cached <c>.tgz</c>, downloading it first when allowed; or why there is none.</summary>
    public async Task<(string? Package, string? Reason)> GetAsync(string repository, string chart, string? version, bool allowNetwork, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(directory, Key(repository), Key(chart), Key(version ?? "latest"));
        if (Find(folder) is { } cached)
        {
            return (cached, null);
        }

        if (!allowNetwork)
        {
            return (null, "the network is not allowed and the chart is not in the cache");
        }

        Directory.CreateDirectory(folder);
        var isHttp = repository.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || repository.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
        var home = helm.WithHome(Path.Combine(directory, ".helm"));
        var result = isHttp
            ? await home.PullAsync(chart, repository, version, folder, cancellationToken).ConfigureAwait(false)
            : await home.ExecuteAsync(OciPull(repository, chart, version, folder), cancellationToken).ConfigureAwait(false);
        if (result.IsSuccess && Find(folder) is { } pulled)
        {
            return (pulled, null);
        }

        if (!Directory.EnumerateFileSystemEntries(folder).Any())
        {
            Directory.Delete(folder);
        }

        return (null, $"it could not be downloaded: {result.ErrorMessage.Split('\n')[0].Trim()}");
    }

    private static List<string> OciPull(string repository, string chart, string? version, string destination)
    {
        var reference = (repository.StartsWith("oci://", StringComparison.Ordinal) ? repository : "oci://" + repository).TrimEnd('/') + "/" + chart;
        var arguments = new List<string> { "pull", reference, "--destination", destination };
        if (version is not null)
        {
            arguments.AddRange(["--version", version]);
        }

        return arguments;
    }

    private static string? Find(string folder) =>
        Directory.Exists(folder) ? Directory.EnumerateFiles(folder, "*.tgz").Order(StringComparer.Ordinal).FirstOrDefault() : null;

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
