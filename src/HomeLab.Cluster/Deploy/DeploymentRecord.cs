using System.Text.Json;
using System.Text.Json.Serialization;

namespace HomeLab.Cluster.Deploy;

/// <summary>
/// One deployment, as kept on the root Application's <see cref="Annotation"/> and in <c>.nuke/temp/deployments/</c>:
/// what was deployed, what ran before (where a rollback goes), when, by whom, and the plan's total line.
/// </summary>
/// <param name="Revision">The revision the root Application was pointed at.</param>
/// <param name="PreviousRevision">The revision it pointed at before, or null on the first deployment.</param>
/// <param name="Time">When, in UTC.</param>
/// <param name="Who">Who deployed (the CI actor or the local user).</param>
/// <param name="Summary">The plan's total line, or what the rollback undid.</param>
public sealed record DeploymentRecord(
    [property: JsonPropertyName("revision")] string Revision,
    [property: JsonPropertyName("previousRevision")] string? PreviousRevision,
    [property: JsonPropertyName("time")] DateTimeOffset Time,
    [property: JsonPropertyName("who")] string Who,
    [property: JsonPropertyName("summary")] string Summary)
{
    /// <summary>The root Application's annotation that holds the latest record.</summary>
    public const string Annotation = "homelab.dev/deployment";

    private static readonly JsonSerializerOptions Options = new() { DefaultIgnoreCondition = JsonIgnoreCondition.Never };

    /// <summary>The record as one line of JSON.</summary>
    /// <returns>The JSON.</returns>
    public string ToJson() => JsonSerializer.Serialize(this, Options);

    /// <summary>Reads a record written by <see cref="ToJson"/>.</summary>
    /// <param name="json">The JSON.</param>
    /// <returns>The record, or null when the text is not one.</returns>
    public static DeploymentRecord? TryParse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<DeploymentRecord>(json, Options) is { Revision.Length: > 0 } record ? record : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
