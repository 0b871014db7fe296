using System.Text.Json.Serialization;

namespace HomeLab.Cluster.Argo;

/// <summary>One resource an Application manages (<c>status.resources[]</c>).</summary>
public sealed class ArgoResourceStatus
{
    /// <summary>The kind.</summary>
    [JsonPropertyName("kind")]
    public string? Kind { get; set; }

    /// <summary>The name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>The namespace, for namespaced kinds.</summary>
    [JsonPropertyName("namespace")]
    public string? Namespace { get; set; }

    /// <summary>The resource's health, for kinds ArgoCD assesses.</summary>
    [JsonPropertyName("health")]
    public ArgoStatusField? Health { get; set; }
}
