using System.Text.Json.Serialization;

namespace HomeLab.Cluster.Argo;

/// <summary>An Application's last operation: its phase and message.</summary>
public sealed class ArgoOperationState
{
    /// <summary>Running, Succeeded, Failed, Error or Terminating.</summary>
    [JsonPropertyName("phase")]
    public string? Phase { get; set; }

    /// <summary>The operation's message.</summary>
    [JsonPropertyName("message")]
    public string? Message { get; set; }
}
