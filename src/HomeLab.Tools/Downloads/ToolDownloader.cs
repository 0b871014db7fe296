using System.Globalization;
using System.Security.Cryptography;

namespace HomeLab.Tools.Downloads;

/// <summary>
/// Fetches a pinned tool release into a tools directory (<c>.nuke/tools</c>): downloads the release's checksum
/// file and the platform binary, checks the binary's SHA-256 against the published one, and only then puts it in
/// place, executable. A tool already fetched at the same version is reused without a request.
/// </summary>
public sealed class ToolDownloader
{
    private readonly HttpClient _http;

    /// <summary>Creates a downloader.</summary>
    /// <param name="http">The HTTP client (not disposed by the downloader).</param>
    public ToolDownloader(HttpClient http)
    {
        ArgumentNullException.ThrowIfNull(http);
        _http = http;
    }

    /// <summary>Makes sure the release's binary is in the directory, downloading and verifying it when needed.</summary>
    /// <param name="release">The pinned release.</param>
    /// <param name="toolsDirectory">Where it goes, e.g. <c>&lt;root&gt;/.nuke/tools</c>.</param>
    /// <param name="cancellationToken">Stops the download.</param>
    /// <returns>The executable's path.</returns>
    /// <exception cref="ToolDownloadException">The release cannot be reached, lists no checksum for the binary, or the binary does not match it.</exception>
    public async Task<string> EnsureAsync(PinnedRelease release, string toolsDirectory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(release);
        ArgumentException.ThrowIfNullOrEmpty(toolsDirectory);
        var target = Path.Combine(toolsDirectory, OperatingSystem.IsWindows() ? release.ToolName + ".exe" : release.ToolName);
        var stamp = target + ".version";
        if (File.Exists(target) && File.Exists(stamp) && (await File.ReadAllTextAsync(stamp, cancellationToken).ConfigureAwait(false)).Trim() == release.Version)
        {
            return target;
        }

        var hint = $"hint: install {release.ToolName} {release.Version} yourself and put it on PATH or set {ToolLocator.EnvironmentVariableFor(release.ToolName)}";
        var checksums = await GetAsync(release, release.ChecksumsAddress, hint, cancellationToken).ConfigureAwait(false);
        var expected = ExpectedChecksum(System.Text.Encoding.UTF8.GetString(checksums), release.AssetName)
            ?? throw new ToolDownloadException($"{release.ChecksumsAddress} lists no checksum for {release.AssetName}; {hint}");
        var binary = await GetAsync(release, release.AssetAddress, hint, cancellationToken).ConfigureAwait(false);
        var actual = Convert.ToHexStringLower(SHA256.HashData(binary));
        if (!string.Equals(actual, expected, StringComparison.OrdinalIgnoreCase))
        {
            throw new ToolDownloadException(
                $"{release.AssetAddress} has SHA-256 {actual}, but the release publishes {expected}; the download was discarded; {hint}");
        }

        Directory.CreateDirectory(toolsDirectory);
        var partial = target + ".partial";
        await File.WriteAllBytesAsync(partial, binary, cancellationToken).ConfigureAwait(false);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(partial, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        }

        File.Move(partial, target, overwrite: true);
        await File.WriteAllTextAsync(stamp, release.Version + "\n", cancellationToken).ConfigureAwait(false);
        return target;
    }

    /// <summary>Finds a file's checksum in <c>sha256sum</c>-style lines (<c>hash  name</c> or <c>hash *name</c>).</summary>
    /// <param name="checksums">The checksum file's text.</param>
    /// <param name="assetName">The file.</param>
    /// <returns>The hex checksum, or null when the file is not listed.</returns>
    public static string? ExpectedChecksum(string checksums, string assetName)
    {
        ArgumentNullException.ThrowIfNull(checksums);
        foreach (var line in checksums.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = line.Split([' ', '\t'], 2, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 2 && parts[1].Trim().TrimStart('*').Replace("./", string.Empty, StringComparison.Ordinal) == assetName
                && parts[0].Length == 64 && parts[0].All(char.IsAsciiHexDigit))
            {
                return parts[0].ToLower(CultureInfo.InvariantCulture);
            }
        }

        return null;
    }

    private async Task<byte[]> GetAsync(PinnedRelease release, Uri address, string hint, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await _http.GetAsync(address, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw new ToolDownloadException($"cannot download {release.ToolName} {release.Version}: {address} answered {(int)response.StatusCode} {response.ReasonPhrase}; {hint}");
            }

            return await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new ToolDownloadException($"cannot download {release.ToolName} {release.Version}: {address} is unreachable ({e.HttpRequestError}); {hint}", e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ToolDownloadException($"cannot download {release.ToolName} {release.Version}: {address} did not answer in time; {hint}", e);
        }
    }
}
