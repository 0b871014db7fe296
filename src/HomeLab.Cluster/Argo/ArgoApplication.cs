using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace HomeLab.Cluster.Argo;

/// <summary>
/// An ArgoCD <c>Application</c> (<c>argoproj.io/v1alpha1</c>), reduced to what waiting needs: its sync wave and
/// its status. KubernetesClient has no ArgoCD models, so this small one is ours; it is read through the client's
/// custom-object API and watches like any typed model.
/// </summary>
public sealed class ArgoApplication : IKubernetesObject<V1ObjectMeta>
{
    /// <summary>The API group.</summary>
    public const string Group = "argoproj.io";

    /// <summary>The API version.</summary>
    public const string Version = "v1alpha1";

    /// <summary>The resource's plural name in URLs.</summary>
    public const string Plural = "applications";

    /// <summary>The annotation that orders Applications in waves.</summary>
    public const string SyncWaveAnnotation = "argocd.argoproj.io/sync-wave";

    /// <inheritdoc />
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = Group + "/" + Version;

    /// <inheritdoc />
    [JsonPropertyName("kind")]
    public string Kind { get; set; } = "Application";

    /// <inheritdoc />
    [JsonPropertyName("metadata")]
    public V1ObjectMeta Metadata { get; set; } = new();

    /// <summary>What ArgoCD reports: sync, health, conditions and the resources it manages.</summary>
    [JsonPropertyName("status")]
    public ArgoApplicationStatus? Status { get; set; }

    /// <summary>The sync wave from <see cref="SyncWaveAnnotation"/>; 0 when absent or not a number, as ArgoCD does.</summary>
    [JsonIgnore]
    public int SyncWave =>
        Metadata.Annotations is { } annotations && annotations.TryGetValue(SyncWaveAnnotation, out var text)
            && int.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var wave)
            ? wave
            : 0;
}
