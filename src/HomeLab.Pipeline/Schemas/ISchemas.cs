using System.Text.RegularExpressions;
using HomeLab.Manifests.Schemas;
using HomeLab.Pipeline.ClusterAccess;
using HomeLab.Targets;

namespace HomeLab.Pipeline.Schemas;

/// <summary>
/// A component: caches the cluster's authoritative OpenAPI v3 documents (built-in kinds and every installed CRD)
/// under <c>.nuke/cache/schemas/&lt;major.minor&gt;/</c>, which Validate then prefers over the schemas derived from
/// the client models.
/// </summary>
public interface ISchemas : IClusterAccess
{
    /// <summary>Caches the cluster's OpenAPI schemas.</summary>
    Target SyncSchemas => _ => _
        .Description("Caches the cluster's OpenAPI schemas (built-in kinds and installed CRDs) for offline validation.")
        .Exclusive("cluster")
        .Produces(".nuke/cache/schemas/**")
        .Executes(async (context, ct) =>
        {
            var reachability = await ProbeClusterAsync(ct);
            if (!reachability.IsReachable)
            {
                throw new TargetFailedException($"SyncSchemas needs a cluster: {reachability.Reason}");
            }

            var version = MajorMinor(reachability.ServerVersion)
                ?? throw new TargetFailedException($"The cluster reported version '{reachability.ServerVersion}', which names no major.minor.");
            using var connection = ConnectToCluster();
            var directory = OpenApiSchemaCache.DirectoryFor(RootDirectory / ".nuke" / "cache" / "schemas", version);
            var written = await new OpenApiSchemaDownloader(connection.HttpClient).DownloadAsync(connection.Server, directory, cancellationToken: ct);
            context.AddNote($"{written.Count} group-versions for Kubernetes {version} in {Path.GetRelativePath(RootDirectory, directory)}");
        });

    /// <summary>The major.minor of a version the API server reports, such as <c>1.32</c> of <c>v1.32.4+k3s1</c>.</summary>
    /// <param name="serverVersion">The reported version.</param>
    /// <returns>The major.minor, or null when the text names none.</returns>
    static string? MajorMinor(string? serverVersion) =>
        Regex.Match(serverVersion ?? string.Empty, @"^v?(\d+\.\d+)") is { Success: true } match ? match.Groups[1].Value : null;
}
