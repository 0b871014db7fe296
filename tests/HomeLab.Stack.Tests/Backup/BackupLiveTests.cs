using HomeLab.Assertions;
using HomeLab.Stack.Tests.Platform;
using HomeLab.Testing;
using Newtonsoft.Json.Linq;

namespace HomeLab.Stack.Tests.Backup;

/// <summary>Object storage and Velero on a running cluster (./build.sh ClusterUp Test).</summary>
[Trait(Tier.Name, Tier.Live)]
public sealed class BackupLiveTests : LiveTests
{
    [ClusterFact]
    [Trait(Component.Name, Component.ObjectStorage)]
    [Trait(Component.Name, Component.Velero)]
    [Trait(Component.Name, Component.Tempo)]
    [Trait(Component.Name, Component.Loki)]
    public async Task The_buckets_exist()
    {
        var stack = new LiveStack(Connection!);
        using var cancel = new CancellationTokenSource(LiveStack.Patience);
        var name = $"list-buckets-{Guid.NewGuid().ToString("N")[..6]}";
        try
        {
            // From inside the backup namespace (mesh and network policy allow it), with SeaweedFS' own shell.
            var log = await stack.RunAsync("backup", name, "chrislusf/seaweedfs:3.85", "echo s3.bucket.list | weed shell -master=object-storage:9333", cancel.Token);

            log.Should().Contain("velero").And.Contain("tempo-traces").And.Contain("loki-chunks");
        }
        finally
        {
            await stack.Operations.DeleteAsync(new HomeLab.Assertions.Sources.ResourceQuery("v1", "Pod", "backup", name), CancellationToken.None);
        }
    }

    [ClusterFact]
    [Trait(Component.Name, Component.Velero)]
    [Trait(Component.Name, Component.ObjectStorage)]
    public async Task A_velero_backup_restores_into_a_new_namespace()
    {
        var stack = new LiveStack(Connection!);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        var source = await stack.NamespaceAsync("backed-up", mesh: false, cancel.Token);
        var restored = source + "-restored";
        var marker = Guid.NewGuid().ToString("N");
        var cluster = new ClusterUnderTest(stack.Source);
        try
        {
            await stack.Operations.CreateAsync(JObject.FromObject(new { apiVersion = "v1", kind = "ConfigMap", metadata = new { name = "precious", @namespace = source }, data = new { marker } }), source, cancel.Token);
            await stack.Operations.CreateAsync(
                JObject.FromObject(new { apiVersion = "velero.io/v1", kind = "Backup", metadata = new { name = source, @namespace = "velero" }, spec = new { includedNamespaces = new[] { source }, ttl = "1h0m0s", storageLocation = "default" } }),
                "velero",
                cancel.Token);
            await cluster.Assert($$"""
                apiVersion: velero.io/v1
                kind: Backup
                metadata: { name: {{source}}, namespace: velero }
                status: { phase: Completed }
                """, timeout: TimeSpan.FromMinutes(5), cancellationToken: cancel.Token);

            await stack.Operations.CreateAsync(
                JObject.FromObject(new { apiVersion = "velero.io/v1", kind = "Restore", metadata = new { name = restored, @namespace = "velero" }, spec = new { backupName = source, namespaceMapping = new Dictionary<string, string> { [source] = restored } } }),
                "velero",
                cancel.Token);
            await cluster.Assert($$"""
                apiVersion: velero.io/v1
                kind: Restore
                metadata: { name: {{restored}}, namespace: velero }
                status: { phase: Completed }
                """, timeout: TimeSpan.FromMinutes(5), cancellationToken: cancel.Token);

            await cluster.Assert($$"""
                apiVersion: v1
                kind: ConfigMap
                metadata: { name: precious, namespace: {{restored}} }
                data: { marker: "{{marker}}" }
                """, cancellationToken: cancel.Token);
        }
        finally
        {
            await stack.CleanUpAsync(source, restored);
            await stack.Operations.DeleteAsync(new HomeLab.Assertions.Sources.ResourceQuery("velero.io/v1", "Restore", "velero", restored), CancellationToken.None);

            // Deleting a Backup object is undone by Velero's sync from the bucket; a DeleteBackupRequest removes both.
            await stack.Operations.ApplyAsync(
                JObject.FromObject(new { apiVersion = "velero.io/v1", kind = "DeleteBackupRequest", metadata = new { name = source, @namespace = "velero" }, spec = new { backupName = source } }),
                "velero",
                CancellationToken.None);
        }
    }
}
