using System.Text;
using HomeLab.Tools;

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

        // Pull into a private folder and move it into place, so builds or environments pulling the same chart at
        // once never see each other's half-written folder.
        var staging = $"{folder}.pull-{Guid.NewGuid():N}";
        Directory.CreateDirectory(staging);
        var isHttp = repository.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || repository.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
        var home = helm.WithHome(Path.Combine(directory, ".helm"));
        ToolResult result;
        try
        {
            result = isHttp
                ? await home.PullAsync(chart, repository, version, staging, cancellationToken).ConfigureAwait(false)
                : await home.ExecuteAsync(OciPull(repository, chart, version, staging), cancellationToken).ConfigureAwait(false);
            if (result.IsSuccess && Find(staging) is not null)
            {
                try
                {
                    Directory.Move(staging, folder);
                }
                catch (IOException) when (Find(folder) is not null)
                {
                    // Another pull of the same chart finished first: use its copy.
                }

                if (Find(folder) is { } pulled)
                {
                    return (pulled, null);
                }
            }
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
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
