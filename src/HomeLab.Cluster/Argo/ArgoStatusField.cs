using System.Text.Json.Serialization;

namespace HomeLab.Cluster.Argo;

/// <summary>A status with an optional message, the shape of <c>status.sync</c> and <c>status.health</c>.</summary>
public sealed class ArgoStatusField
{
    /// <summary>The status word.</summary>
    [JsonPropertyName("status")]
    public string? Status { get; set; }

    /// <summary>Why, when ArgoCD says.</summary>
    [JsonPropertyName("message")]
    public string? Message { get; set; }
}
