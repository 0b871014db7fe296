using System.Security.Cryptography;
using HomeLab.Tools;

namespace HomeLab.Manifests.Rendering;

/// <summary>
/// Packaged charts downloaded from chart repositories, kept under <c>.nuke/cache/charts/&lt;repository&gt;/&lt;chart&gt;/&lt;version&gt;/</c>
/// so that a chart downloaded once renders offline ever after.
/// </summary>
internal sealed class ChartCache(string directory, Helm helm)
{
    /// <summary>The cached <c>.tgz</c>, downloading it first when allowed (from <paramref name="pullFrom"/>, a mirror of
    /// the repository, when given); or why there is none. A pulled package must match the digest the repository's index
    /// gives it, and a version the index does not list is named with the versions it does.</summary>
    public async Task<ChartPull> GetAsync(string repository, string chart, string? version, bool allowNetwork, CancellationToken cancellationToken, string? pullFrom = null)
    {
        var source = pullFrom ?? repository;
        var folder = ChartCacheLayout.Folder(directory, repository, chart, version);
        if (Find(folder) is { } cached)
        {
            return new(cached, null);
        }

        if (!allowNetwork)
        {
            return new(null, "the network is not allowed and the chart is not in the cache");
        }

        // Pull into a private folder and move it into place, so builds or environments pulling the same chart at
        // once never see each other's half-written folder.
        var isHttp = source.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || source.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
        var (index, unreachable) = isHttp ? await ChartIndex.FetchAsync(source, cancellationToken).ConfigureAwait(false) : (null, null);
        if (unreachable is not null)
        {
            // No helm process for a repository that cannot be reached: it would fail the same way, only slower.
            return new(null, $"it could not be downloaded: {unreachable}");
        }

        if (index?.Versions(chart) is { } versions && version is not null && !versions.Contains(version, StringComparer.Ordinal))
        {
            var known = versions.Count == 0 ? "no version of it" : "versions " + string.Join(", ", versions.Take(8)) + (versions.Count > 8 ? ", …" : string.Empty);
            return new(null, $"the repository does not serve version {version} of {chart}; it has {known}", IsError: true);
        }

        var staging = $"{folder}.pull-{Guid.NewGuid():N}";
        Directory.CreateDirectory(staging);
        var home = helm.WithHome(Path.Combine(directory, ".helm"));
        ToolResult result;
        try
        {
            result = isHttp
                ? await home.PullAsync(chart, source, version, staging, cancellationToken).ConfigureAwait(false)
                : await home.ExecuteAsync(OciPull(source, chart, version, staging), cancellationToken).ConfigureAwait(false);
            if (result.IsSuccess && Find(staging) is { } staged && index?.Digest(chart, version) is { } digest
                && !string.Equals(digest, Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(staged, cancellationToken).ConfigureAwait(false))), StringComparison.OrdinalIgnoreCase))
            {
                return new(null, $"the package {Path.GetFileName(staged)} from {source} does not match the digest its repository index gives ({digest}); it was not cached", IsError: true);
            }

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
                    return new(pulled, null);
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

        return new(null, $"it could not be downloaded: {result.ErrorMessage.Split('\n')[0].Trim()}");
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
}
