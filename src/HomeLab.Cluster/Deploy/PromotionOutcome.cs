using System.Text;
using HomeLab.Cluster.Argo;

namespace HomeLab.Cluster.Deploy;

/// <summary>How a promotion (or a rollback) ended: the record written, the waves that became ready, and where it stopped.</summary>
/// <param name="Record">What was recorded before the wait began.</param>
/// <param name="Wait">The wave wait's outcome, or null when it was cancelled.</param>
/// <param name="Synced">The waves that became Synced and Healthy.</param>
/// <param name="Cancelled">Whether Ctrl-C stopped the wait.</param>
/// <param name="RollbackCommand">The exact command that goes back to the previous revision, or null when there is none.</param>
public sealed record PromotionOutcome(DeploymentRecord Record, SyncWaveOutcome? Wait, IReadOnlyList<WaveTiming> Synced, bool Cancelled, string? RollbackCommand)
{
    /// <summary>Whether every wave became ready.</summary>
    public bool Succeeded => !Cancelled && Wait is { Succeeded: true };

    /// <summary>What happened, for the console: the waves synced, what was not, and the way back.</summary>
    /// <returns>The text.</returns>
    public string Describe()
    {
        var text = new StringBuilder();
        var synced = Synced.Count == 0 ? "no wave" : "waves " + string.Join(", ", Synced.Select(w => w.Wave));
        if (Succeeded)
        {
            return $"deployed {Record.Revision} (was {Record.PreviousRevision ?? "nothing"}): {synced} Synced and Healthy";
        }

        text.Append(Cancelled
            ? $"cancelled: the root Application points at {Record.Revision}; {synced} Synced and Healthy, the rest not waited for (ArgoCD keeps syncing)"
            : $"deploying {Record.Revision} failed: {Wait!.Describe()}; {synced} Synced and Healthy");
        text.Append(RollbackCommand is null ? "; no earlier revision recorded to roll back to" : $"; to go back to {Record.PreviousRevision}: {RollbackCommand}");
        return text.ToString();
    }
}
