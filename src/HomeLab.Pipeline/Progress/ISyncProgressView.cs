using HomeLab.Cluster.Argo;

namespace HomeLab.Pipeline.Progress;

/// <summary>
/// Where a wave-by-wave wait (<see cref="SyncWaveWait"/>) shows its progress: fed by the wait's <c>OnChange</c> and
/// <c>OnWaveReady</c>; disposing it ends the view (a live table stays on screen as it last was).
/// </summary>
public interface ISyncProgressView : IAsyncDisposable
{
    /// <summary>An Application's new state (wave, sync, health, message).</summary>
    /// <param name="progress">What the wait saw.</param>
    void Show(ApplicationProgress progress);

    /// <summary>A wave has become Synced and Healthy.</summary>
    /// <param name="wave">The wave and how long it took.</param>
    void WaveReady(WaveTiming wave);
}
