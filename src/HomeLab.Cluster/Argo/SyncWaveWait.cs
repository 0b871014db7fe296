using k8s;

namespace HomeLab.Cluster.Argo;

/// <summary>
/// Waits, wave by wave, until every ArgoCD Application is Synced and Healthy: lists the Applications once, then
/// follows a watch (no polling), reporting every change; each wave has its own timeout, measured on the injected
/// <see cref="TimeProvider"/>. Used by <c>StackUp</c> on k3d and reusable for a promotion to the hardware.
/// </summary>
public sealed class SyncWaveWait
{
    private const int MaxConsecutiveWatchFailures = 5;
    private readonly IKubernetes _kubernetes;
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates a wait over a cluster.</summary>
    /// <param name="kubernetes">The KubernetesClient client (not disposed by the wait).</param>
    /// <param name="timeProvider">The clock for the per-wave timeout and watch back-off.</param>
    public SyncWaveWait(IKubernetes kubernetes, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(kubernetes);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _kubernetes = kubernetes;
        _timeProvider = timeProvider;
    }

    /// <summary>The namespace the Applications live in.</summary>
    public string Namespace { get; init; } = "argocd";

    /// <summary>How long each wave may take to become ready.</summary>
    public TimeSpan WaveTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Applications that must exist before their wave counts as ready (none: only what the cluster shows).</summary>
    public IReadOnlyList<ExpectedApplication> Expected { get; init; } = [];

    /// <summary>Called with an Application's new state whenever it changes (the live progress view).</summary>
    public Action<ApplicationProgress>? OnChange { get; init; }

    /// <summary>Called when a wave has become ready.</summary>
    public Action<WaveTiming>? OnWaveReady { get; init; }

    /// <summary>Waits until every wave is ready or one times out.</summary>
    /// <param name="cancellationToken">Stops waiting (Ctrl-C).</param>
    /// <returns>The outcome; a timeout is an outcome, not an exception.</returns>
    public async Task<SyncWaveOutcome> WaitAsync(CancellationToken cancellationToken)
    {
        var known = new Dictionary<string, ApplicationProgress>(StringComparer.Ordinal);
        var ready = new List<WaveTiming>();
        var waveStarted = _timeProvider.GetTimestamp();
        int? currentWave = null;
        using var waveTimeout = new CancellationTokenSource(WaveTimeout, _timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, waveTimeout.Token);

        // Moves past every wave whose Applications are all ready; true when no wave is left.
        bool Advance()
        {
            while (true)
            {
                var waves = Current(known).GroupBy(a => a.Wave).OrderBy(g => g.Key).ToList();
                var pending = waves.FirstOrDefault(g => !g.All(a => a.IsReady));
                foreach (var done in waves.Where(g => (currentWave is null || g.Key >= currentWave) && (pending is null || g.Key < pending.Key)))
                {
                    var timing = new WaveTiming(done.Key, done.Count(), _timeProvider.GetElapsedTime(waveStarted));
                    ready.Add(timing);
                    OnWaveReady?.Invoke(timing);
                    waveStarted = _timeProvider.GetTimestamp();
                    currentWave = done.Key + 1;
                    waveTimeout.CancelAfter(WaveTimeout);
                }

                if (pending is null)
                {
                    return waves.Count > 0;
                }

                currentWave = pending.Key;
                return false;
            }
        }

        try
        {
            var client = new GenericClient(_kubernetes, ArgoApplication.Group, ArgoApplication.Version, ArgoApplication.Plural, disposeClient: false);
            var list = await client.ListNamespacedAsync<ArgoApplicationList>(Namespace, cancel: linked.Token).ConfigureAwait(false);
            foreach (var application in list.Items)
            {
                Record(known, application);
            }

            if (Advance())
            {
                return new SyncWaveOutcome(ready, null, [], WaveTimeout);
            }

            var failures = 0;
            while (true)
            {
                try
                {
                    // Without a resourceVersion the server first replays every Application as ADDED; the list above
                    // already holds them all, so the replay cannot end the wait early.
                    await foreach (var (type, application) in client.WatchNamespacedAsync<ArgoApplication>(Namespace, cancel: linked.Token).ConfigureAwait(false))
                    {
                        failures = 0;
                        if (type == WatchEventType.Bookmark)
                        {
                            continue;
                        }

                        if (type == WatchEventType.Deleted)
                        {
                            known.Remove(application.Metadata?.Name ?? string.Empty);
                        }
                        else
                        {
                            Record(known, application);
                        }

                        if (Advance())
                        {
                            return new SyncWaveOutcome(ready, null, [], WaveTimeout);
                        }
                    }
                }
                catch (Exception e) when (e is HttpRequestException or IOException or k8s.Autorest.HttpOperationException or KubernetesException && !linked.IsCancellationRequested)
                {
                    // A dropped or expired watch: start again from a fresh list, a few times in a row at most.
                    if (++failures > MaxConsecutiveWatchFailures)
                    {
                        throw;
                    }

                    await Task.Delay(TimeSpan.FromMilliseconds(200 * failures), _timeProvider, linked.Token).ConfigureAwait(false);
                    var fresh = await client.ListNamespacedAsync<ArgoApplicationList>(Namespace, cancel: linked.Token).ConfigureAwait(false);
                    known.Clear();
                    foreach (var application in fresh.Items)
                    {
                        Record(known, application);
                    }

                    if (Advance())
                    {
                        return new SyncWaveOutcome(ready, null, [], WaveTimeout);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (waveTimeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            var failed = currentWave ?? 0;
            return new SyncWaveOutcome(ready, failed, [.. Current(known).Where(a => a.Wave == failed && !a.IsReady)], WaveTimeout);
        }
    }

    private IEnumerable<ApplicationProgress> Current(Dictionary<string, ApplicationProgress> known) =>
        known.Values.Concat(Expected.Where(e => !known.ContainsKey(e.Name)).Select(e => ApplicationProgress.Missing(e.Wave, e.Name)))
            .OrderBy(a => a.Wave).ThenBy(a => a.Name, StringComparer.Ordinal);

    private void Record(Dictionary<string, ApplicationProgress> known, ArgoApplication application)
    {
        var progress = ApplicationProgress.Of(application);
        if (!known.TryGetValue(progress.Name, out var before) || before != progress)
        {
            known[progress.Name] = progress;
            OnChange?.Invoke(progress);
        }
    }
}
