using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace HomeLab.Cluster.Argo;

/// <summary>A list of <see cref="ArgoApplication"/>s, as the API server answers a LIST.</summary>
public sealed class ArgoApplicationList : IKubernetesObject<V1ListMeta>, IItems<ArgoApplication>
{
    /// <inheritdoc />
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = ArgoApplication.Group + "/" + ArgoApplication.Version;

    /// <inheritdoc />
    [JsonPropertyName("kind")]
    public string Kind { get; set; } = "ApplicationList";

    /// <inheritdoc />
    [JsonPropertyName("metadata")]
    public V1ListMeta Metadata { get; set; } = new();

    /// <inheritdoc />
    [JsonPropertyName("items")]
    public IList<ArgoApplication> Items { get; set; } = [];
}
