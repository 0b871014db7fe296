using System.Text.Json.Serialization;

namespace HomeLab.Cluster.Argo;

/// <summary>One entry of an Application's <c>status.conditions</c>.</summary>
public sealed class ArgoApplicationCondition
{
    /// <summary>The condition's type, e.g. <c>ComparisonError</c>.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; set; }

    /// <summary>What ArgoCD says about it.</summary>
    [JsonPropertyName("message")]
    public string? Message { get; set; }
}
