using System.Text.Json.Serialization;

namespace HomeLab.Cluster.Argo;

/// <summary>The part of an Application's <c>status</c> that waiting and failure reports read.</summary>
public sealed class ArgoApplicationStatus
{
    /// <summary>The sync status (<c>status.sync.status</c>: Synced, OutOfSync, Unknown).</summary>
    [JsonPropertyName("sync")]
    public ArgoStatusField? Sync { get; set; }

    /// <summary>The health (<c>status.health.status</c>: Healthy, Progressing, Degraded, Missing, Suspended, Unknown).</summary>
    [JsonPropertyName("health")]
    public ArgoStatusField? Health { get; set; }

    /// <summary>Conditions ArgoCD reports (ComparisonError, SyncError, …).</summary>
    [JsonPropertyName("conditions")]
    public IList<ArgoApplicationCondition>? Conditions { get; set; }

    /// <summary>The resources the Application manages, each with its own health.</summary>
    [JsonPropertyName("resources")]
    public IList<ArgoResourceStatus>? Resources { get; set; }

    /// <summary>The last operation (sync) and its message.</summary>
    [JsonPropertyName("operationState")]
    public ArgoOperationState? OperationState { get; set; }
}
