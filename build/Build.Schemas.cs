using System.Text.RegularExpressions;
using HomeLab.Cluster.Client;
using HomeLab.Manifests.Schemas;
using HomeLab.Targets;

partial class Build
{
    /// <summary>
    /// Caches the cluster's authoritative OpenAPI v3 documents (built-in kinds and every installed CRD) under
    /// .nuke/cache/schemas/&lt;major.minor&gt;/, which Validate then prefers over the schemas derived from the client models.
    /// </summary>
    Target SyncSchemas => _ => _
        .Description("Caches the cluster's OpenAPI schemas (built-in kinds and installed CRDs) for offline validation.")
        .Exclusive("cluster")
        .Produces(".nuke/cache/schemas/**")
        .Executes(async (context, ct) =>
        {
            var reachability = await ClusterConnection.TryConnectAsync(new ClusterConnectionOptions { Context = KubeContext }, ct);
            if (!reachability.IsReachable)
            {
                throw new TargetFailedException($"SyncSchemas needs a cluster: {reachability.Reason}");
            }

            var version = Regex.Match(reachability.ServerVersion ?? string.Empty, @"^v?(\d+\.\d+)") is { Success: true } match
                ? match.Groups[1].Value
                : throw new TargetFailedException($"The cluster reported version '{reachability.ServerVersion}', which names no major.minor.");
            using var connection = ConnectToCluster();
            var http = ((k8s.Kubernetes)connection.Kubernetes).HttpClient;
            var directory = OpenApiSchemaCache.DirectoryFor(RootDirectory / ".nuke" / "cache" / "schemas", version);
            var written = await new OpenApiSchemaDownloader(http).DownloadAsync(connection.Server, directory, cancellationToken: ct);
            context.AddNote($"{written.Count} group-versions for Kubernetes {version} in {Path.GetRelativePath(RootDirectory, directory)}");
        });
}
