namespace HomeLab.Cluster.Argo;

/// <summary>One line of the live progress view: an Application's wave, sync, health and message, as last seen.</summary>
/// <param name="Wave">Its sync wave.</param>
/// <param name="Name">The Application.</param>
/// <param name="Sync">Synced, OutOfSync, Unknown, or <c>Missing</c> when it does not exist yet.</param>
/// <param name="Health">Healthy, Progressing, Degraded, …, or <c>Missing</c>.</param>
/// <param name="Message">The health, condition or operation message, when there is one.</param>
public sealed record ApplicationProgress(int Wave, string Name, string Sync, string Health, string? Message)
{
    /// <summary>Whether the Application is Synced and Healthy.</summary>
    public bool IsReady => Sync == "Synced" && Health == "Healthy";

    /// <summary>What ArgoCD says about an Application.</summary>
    /// <param name="application">The Application.</param>
    /// <returns>Its progress line.</returns>
    public static ApplicationProgress Of(ArgoApplication application)
    {
        ArgumentNullException.ThrowIfNull(application);
        var status = application.Status;
        var message = status?.Conditions?.FirstOrDefault(c => !string.IsNullOrEmpty(c.Message))?.Message
            ?? status?.Health?.Message
            ?? (status?.OperationState?.Phase is "Failed" or "Error" ? status.OperationState.Message : null);
        return new ApplicationProgress(
            application.SyncWave,
            application.Metadata.Name ?? "(unnamed)",
            status?.Sync?.Status ?? "Unknown",
            status?.Health?.Status ?? "Unknown",
            message);
    }

    /// <summary>An expected Application that does not exist yet.</summary>
    /// <param name="wave">Its wave.</param>
    /// <param name="name">Its name.</param>
    /// <returns>The progress line.</returns>
    public static ApplicationProgress Missing(int wave, string name) => new(wave, name, "Missing", "Missing", "not created yet");

    /// <inheritdoc />
    public override string ToString() =>
        $"wave {Wave,3}  {Name,-28} {Sync,-10} {Health,-12}{(Message is null ? string.Empty : " " + Message)}";
}
