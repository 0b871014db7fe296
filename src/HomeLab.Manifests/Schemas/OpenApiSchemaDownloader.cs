using System.Text.Json;
using System.Text.Json.Nodes;

namespace HomeLab.Manifests.Schemas;

/// <summary>
/// Saves a cluster's authoritative schemas for <see cref="OpenApiSchemaCache"/>: reads the <c>/openapi/v3</c>
/// index (<c>{"paths": {"apis/apps/v1": {"serverRelativeURL": "/openapi/v3/apis/apps/v1?hash=..."}}}</c>) and
/// downloads each group-version document into a directory. The <see cref="HttpClient"/> carries authentication.
/// </summary>
public sealed class OpenApiSchemaDownloader
{
    private readonly HttpClient _http;

    /// <summary>Creates a downloader.</summary>
    /// <param name="http">The client to call the API server with, already authenticated.</param>
    public OpenApiSchemaDownloader(HttpClient http)
    {
        ArgumentNullException.ThrowIfNull(http);
        _http = http;
    }

    /// <summary>Downloads every group-version document the server lists (or those a filter keeps).</summary>
    /// <param name="server">The API server's address, such as <c>https://127.0.0.1:6443/</c>.</param>
    /// <param name="directory">Where to save the documents; created when missing. Files are replaced whole.</param>
    /// <param name="include">Keeps a group-version path such as <c>apis/apps/v1</c>; null keeps all.</param>
    /// <param name="cancellationToken">Stops the download.</param>
    /// <returns>The files written, in the index's order.</returns>
    /// <exception cref="HttpRequestException">The server answered with an error.</exception>
    /// <exception cref="InvalidDataException">The index is not an <c>/openapi/v3</c> index.</exception>
    public async Task<IReadOnlyList<string>> DownloadAsync(Uri server, string directory, Func<string, bool>? include = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(directory);
        var root = server.AbsoluteUri.EndsWith('/') ? server : new Uri(server.AbsoluteUri + "/");
        var indexText = await _http.GetStringAsync(new Uri(root, "openapi/v3"), cancellationToken).ConfigureAwait(false);
        JsonObject paths;
        try
        {
            paths = JsonNode.Parse(indexText)?["paths"] as JsonObject
                ?? throw new InvalidDataException($"{root}openapi/v3 has no 'paths': is this a Kubernetes API server (1.27 or newer)?");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{root}openapi/v3 is not JSON: {e.Message}", e);
        }

        Directory.CreateDirectory(directory);
        var written = new List<string>();
        foreach (var (path, entry) in paths)
        {
            if (include is not null && !include(path))
            {
                continue;
            }

            var relative = entry?["serverRelativeURL"]?.GetValue<string>() ?? "/openapi/v3/" + path;
            var target = Path.Combine(directory, OpenApiSchemaCache.FileNameFor(path));
            var temporary = target + ".download";
            using (var response = await _http.GetAsync(new Uri(root, relative.TrimStart('/')), HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false))
            {
                response.EnsureSuccessStatusCode();
                var file = File.Create(temporary);
                await using (file.ConfigureAwait(false))
                {
                    await response.Content.CopyToAsync(file, cancellationToken).ConfigureAwait(false);
                }
            }

            File.Move(temporary, target, overwrite: true);
            written.Add(target);
        }

        return written;
    }
}
