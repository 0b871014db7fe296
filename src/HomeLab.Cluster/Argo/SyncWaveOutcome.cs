namespace HomeLab.Cluster.Argo;

/// <summary>How a wave-by-wave wait ended: every wave ready, or the wave that timed out and its Applications that were not.</summary>
/// <param name="Waves">The waves that became ready, in order, with their durations.</param>
/// <param name="FailedWave">The wave that did not become ready in time; null on success.</param>
/// <param name="NotReady">That wave's Applications that were not Synced and Healthy, as last seen.</param>
/// <param name="Timeout">The per-wave timeout.</param>
public sealed record SyncWaveOutcome(IReadOnlyList<WaveTiming> Waves, int? FailedWave, IReadOnlyList<ApplicationProgress> NotReady, TimeSpan Timeout)
{
    /// <summary>Whether every wave became ready.</summary>
    public bool Succeeded => FailedWave is null;

    /// <summary>A one-line summary for the user.</summary>
    /// <returns>The line.</returns>
    public string Describe() => Succeeded
        ? $"{Waves.Sum(w => w.Applications)} Applications in {Waves.Count} waves are Synced and Healthy"
        : $"wave {FailedWave} was not Synced and Healthy within {Timeout.TotalSeconds:0} s: "
          + string.Join("; ", NotReady.Select(a => $"{a.Name} {a.Sync}/{a.Health}{(a.Message is null ? string.Empty : " (" + a.Message + ")")}"));
}
