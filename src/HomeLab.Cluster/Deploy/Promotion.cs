using System.Globalization;
using HomeLab.Cluster.Argo;
using HomeLab.Cluster.Client;
using Newtonsoft.Json.Linq;

namespace HomeLab.Cluster.Deploy;

/// <summary>
/// Promotes a revision through ArgoCD, not around it: records the deployment on the root Application and in the
/// history directory, points the root Application at the revision (ArgoCD then syncs in wave order), and waits
/// wave by wave with <see cref="SyncWaveWait"/>. A rollback re-points the root Application at the previous recorded
/// revision and waits the same way.
/// </summary>
public sealed class Promotion
{
    private readonly ApiServerClient _client;
    private readonly TimeProvider _time;

    /// <summary>Creates a promotion over a cluster.</summary>
    /// <param name="client">The API client.</param>
    /// <param name="time">The clock for records and the per-wave timeout.</param>
    public Promotion(ApiServerClient client, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(time);
        _client = client;
        _time = time;
    }

    /// <summary>The namespace of ArgoCD and its Applications.</summary>
    public string ArgoNamespace { get; init; } = "argocd";

    /// <summary>The root (app-of-apps) Application's name.</summary>
    public string RootName { get; init; } = "root";

    /// <summary>How long each wave may take.</summary>
    public TimeSpan WaveTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Where each deployment's record is also written (one JSON file each); null: only the annotation.</summary>
    public string? HistoryDirectory { get; init; }

    /// <summary>The command printed to go back (shown on failure and cancellation).</summary>
    public string RollbackCommand { get; init; } = "./build.sh DeployProd --rollback";

    /// <summary>
    /// The AppProjects applied (server-side) before the root Application is created on a first deployment: the root
    /// Application belongs to one, and ArgoCD syncs nothing of a project that does not exist yet.
    /// </summary>
    public IReadOnlyList<JObject> Projects { get; init; } = [];

    /// <summary>The live progress view (the same lines as StackUp's).</summary>
    public Action<ApplicationProgress>? OnChange { get; init; }

    /// <summary>Called when a wave has become ready.</summary>
    public Action<WaveTiming>? OnWaveReady { get; init; }

    private string RootPath => $"/apis/{ArgoApplication.Group}/{ArgoApplication.Version}/namespaces/{ArgoNamespace}/{ArgoApplication.Plural}/{RootName}";

    /// <summary>Reads the latest record from the root Application.</summary>
    /// <param name="cancellationToken">Stops the request.</param>
    /// <returns>The record and the revision the root Application points at (both null when it does not exist).</returns>
    public async Task<(DeploymentRecord? Record, string? TargetRevision)> ReadAsync(CancellationToken cancellationToken)
    {
        var root = await _client.SendAsync(HttpMethod.Get, RootPath, null, null, cancellationToken).ConfigureAwait(false);
        if (root.IsNotFound)
        {
            return (null, null);
        }

        var body = root.EnsureSuccess();
        return (DeploymentRecord.TryParse(KubeJson.Text(body.SelectToken($"metadata.annotations['{DeploymentRecord.Annotation}']"))), KubeJson.GetString(body, "spec.source.targetRevision"));
    }

    /// <summary>Deploys a revision: creates the root Application when absent, records, re-points, waits.</summary>
    /// <param name="rootApplication">The root Application to create when the cluster has none yet (first deployment).</param>
    /// <param name="revision">The revision (a commit) to deploy.</param>
    /// <param name="who">Who deploys.</param>
    /// <param name="summary">The plan's total line.</param>
    /// <param name="cancellationToken">Ctrl-C: stops waiting and reports what was synced.</param>
    /// <returns>The outcome.</returns>
    public async Task<PromotionOutcome> DeployAsync(JObject rootApplication, string revision, string who, string summary, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rootApplication);
        ArgumentException.ThrowIfNullOrEmpty(revision);
        var (last, pointed) = await ReadAsync(cancellationToken).ConfigureAwait(false);
        if (pointed is null)
        {
            foreach (var project in Projects)
            {
                var name = KubeJson.Name(project) ?? throw new ArgumentException("an AppProject without a name", nameof(rootApplication));
                var path = $"/apis/{ArgoApplication.Group}/{ArgoApplication.Version}/namespaces/{KubeJson.Namespace(project) ?? ArgoNamespace}/appprojects/{Uri.EscapeDataString(name)}";
                (await _client.SendAsync(HttpMethod.Patch, $"{path}?fieldManager=homelab-deploy&force=true", project, "application/apply-patch+yaml", cancellationToken).ConfigureAwait(false)).EnsureSuccess();
            }

            var created = (JObject)rootApplication.DeepClone();
            created["metadata"]!["namespace"] = ArgoNamespace;
            created["metadata"]!["name"] = RootName;
            (await _client.SendAsync(HttpMethod.Patch, $"{RootPath}?fieldManager=homelab-deploy&force=true", created, "application/apply-patch+yaml", cancellationToken).ConfigureAwait(false)).EnsureSuccess();
        }

        var record = new DeploymentRecord(revision, last?.Revision ?? pointed, _time.GetUtcNow(), who, summary);
        return await PointAndWaitAsync(record, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Rolls back: re-points the root Application at the revision before the last recorded deployment and waits.</summary>
    /// <param name="who">Who rolls back.</param>
    /// <param name="cancellationToken">Ctrl-C.</param>
    /// <returns>The outcome.</returns>
    /// <exception cref="DeployRefusedException">No deployment, or none with an earlier revision, is recorded.</exception>
    public async Task<PromotionOutcome> RollbackAsync(string who, CancellationToken cancellationToken)
    {
        var (last, _) = await ReadAsync(cancellationToken).ConfigureAwait(false);
        if (last?.PreviousRevision is not { } previous)
        {
            throw new DeployRefusedException(last is null
                ? $"nothing to roll back: the root Application {ArgoNamespace}/{RootName} carries no {DeploymentRecord.Annotation} record; hint: deploy with ./build.sh DeployProd first"
                : $"nothing to roll back to: {last.Revision} was the first recorded deployment; hint: deploy an older commit with ./build.sh DeployProd --revision <commit>");
        }

        var record = new DeploymentRecord(previous, last.Revision, _time.GetUtcNow(), who, $"rollback of {last.Revision}");
        return await PointAndWaitAsync(record, cancellationToken).ConfigureAwait(false);
    }

    private async Task<PromotionOutcome> PointAndWaitAsync(DeploymentRecord record, CancellationToken cancellationToken)
    {
        var patch = new JObject
        {
            ["metadata"] = new JObject { ["annotations"] = new JObject { [DeploymentRecord.Annotation] = record.ToJson() } },
            ["spec"] = new JObject { ["source"] = new JObject { ["targetRevision"] = record.Revision } },
        };
        (await _client.SendAsync(HttpMethod.Patch, RootPath, patch, "application/merge-patch+json", cancellationToken).ConfigureAwait(false)).EnsureSuccess();
        if (HistoryDirectory is not null)
        {
            Directory.CreateDirectory(HistoryDirectory);
            var name = string.Create(CultureInfo.InvariantCulture, $"{record.Time:yyyyMMdd'T'HHmmss'Z'}-{record.Revision[..Math.Min(12, record.Revision.Length)]}.json");
            await File.WriteAllTextAsync(Path.Combine(HistoryDirectory, name), record.ToJson() + "\n", CancellationToken.None).ConfigureAwait(false);
        }

        var rollback = record.PreviousRevision is null ? null : RollbackCommand;
        var synced = new List<WaveTiming>();
        try
        {
            var wait = await new SyncWaveWait(_client.Connection.Kubernetes, _time)
            {
                Namespace = ArgoNamespace,
                WaveTimeout = WaveTimeout,
                OnChange = OnChange,
                OnWaveReady = wave =>
                {
                    synced.Add(wave);
                    OnWaveReady?.Invoke(wave);
                },
            }.WaitAsync(cancellationToken).ConfigureAwait(false);
            return new PromotionOutcome(record, wait, synced, false, rollback);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return new PromotionOutcome(record, null, synced, true, rollback);
        }
    }
}
