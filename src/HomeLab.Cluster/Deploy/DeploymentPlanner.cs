using System.Text.Json.Nodes;
using HomeLab.Cluster.Argo;
using HomeLab.Cluster.Client;
using HomeLab.Manifests.Diff;
using Newtonsoft.Json.Linq;

namespace HomeLab.Cluster.Deploy;

/// <summary>
/// Plans a promotion against the live cluster: every desired object is applied server-side with <c>dryRun=All</c>
/// (the server defaults, validates and merges it as a real apply would, and stores nothing) and compared with the
/// live object; what an Application manages on the cluster but no longer renders is a prune. Only GETs and dry-run
/// PATCHes reach the server.
/// </summary>
/// <param name="client">The API client.</param>
public sealed class DeploymentPlanner(ApiServerClient client)
{
    /// <summary>The field manager the dry-run applies with (ArgoCD's own, so ownership is compared as a sync sees it).</summary>
    public const string FieldManager = "argocd-controller";

    private static readonly string[] Noise = ["managedFields", "resourceVersion", "uid", "creationTimestamp", "generation", "selfLink"];
    private readonly ApiDiscovery _discovery = new(client);

    /// <summary>The namespace the Applications live in.</summary>
    public string ArgoNamespace { get; init; } = "argocd";

    /// <summary>Plans the promotion of these Applications.</summary>
    /// <param name="applications">The rendered Applications and their objects.</param>
    /// <param name="cancellationToken">Stops planning.</param>
    /// <returns>The plan.</returns>
    public async Task<DeploymentPlan> PlanAsync(IReadOnlyList<DesiredApplication> applications, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(applications);
        var changes = new List<PlannedChange>();
        foreach (var application in applications.OrderBy(a => a.Wave).ThenBy(a => a.Name, StringComparer.Ordinal))
        {
            var desired = new HashSet<string>(StringComparer.Ordinal);
            foreach (var obj in application.Objects)
            {
                desired.Add(Identity(KubeJson.GetString(obj, "kind"), KubeJson.Namespace(obj), KubeJson.Name(obj)));
                if (await PlanObjectAsync(application, obj, cancellationToken).ConfigureAwait(false) is { } change)
                {
                    changes.Add(change);
                }
            }

            var live = await client.SendAsync(HttpMethod.Get, $"/apis/{ArgoApplication.Group}/{ArgoApplication.Version}/namespaces/{ArgoNamespace}/{ArgoApplication.Plural}/{Uri.EscapeDataString(application.Name)}", null, null, cancellationToken).ConfigureAwait(false);
            if (live.IsSuccess && live.Body?.SelectToken("status.resources") is JArray managed)
            {
                foreach (var resource in managed.OfType<JObject>())
                {
                    var (kind, ns, name) = (KubeJson.GetString(resource, "kind"), KubeJson.GetString(resource, "namespace"), KubeJson.GetString(resource, "name"));
                    if (kind is not null && name is not null && !desired.Contains(Identity(kind, ns, name)))
                    {
                        changes.Add(new PlannedChange(application.Name, application.Wave, kind, string.IsNullOrEmpty(ns) ? null : ns, name, ChangeKind.Removed, []));
                    }
                }
            }
        }

        return new DeploymentPlan([.. changes
            .OrderBy(c => c.Wave)
            .ThenBy(c => c.Application, StringComparer.Ordinal)
            .ThenBy(c => c.Kind, StringComparer.Ordinal)
            .ThenBy(c => c.Namespace, StringComparer.Ordinal)
            .ThenBy(c => c.Name, StringComparer.Ordinal)]);
    }

    private async Task<PlannedChange?> PlanObjectAsync(DesiredApplication application, JObject obj, CancellationToken cancellationToken)
    {
        var apiVersion = KubeJson.GetString(obj, "apiVersion") ?? string.Empty;
        var kind = KubeJson.GetString(obj, "kind") ?? string.Empty;
        var name = KubeJson.Name(obj) ?? string.Empty;
        ApiResource resource;
        try
        {
            resource = await _discovery.ResolveAsync(apiVersion, kind, cancellationToken).ConfigureAwait(false);
        }
        catch (UnknownKindException)
        {
            // Its CRD arrives in an earlier wave of this very promotion: nothing of the kind can exist yet.
            return new PlannedChange(application.Name, application.Wave, kind, KubeJson.Namespace(obj), name, ChangeKind.Added, []);
        }

        var ns = resource.Namespaced ? KubeJson.Namespace(obj) ?? "default" : null;
        var path = resource.ObjectPath(ns, name);
        var live = await client.SendAsync(HttpMethod.Get, path, null, null, cancellationToken).ConfigureAwait(false);
        if (live.IsNotFound)
        {
            return new PlannedChange(application.Name, application.Wave, kind, ns, name, ChangeKind.Added, []);
        }

        var before = live.EnsureSuccess();
        var applied = (await client.SendAsync(HttpMethod.Patch, $"{path}?dryRun=All&fieldManager={FieldManager}&force=true", obj, "application/apply-patch+yaml", cancellationToken).ConfigureAwait(false)).EnsureSuccess();
        var fields = ManifestDiff.CompareFields(Comparable(before), Comparable(applied), secret: kind == "Secret" && resource.Group.Length == 0);
        return fields.Count == 0 ? null : new PlannedChange(application.Name, application.Wave, kind, ns, name, ChangeKind.Changed, fields);
    }

    // The server's bookkeeping changes on every write and says nothing about what the object does.
    private static JsonNode? Comparable(JObject obj)
    {
        var copy = (JObject)obj.DeepClone();
        copy.Remove("status");
        if (copy["metadata"] is JObject metadata)
        {
            foreach (var field in Noise)
            {
                metadata.Remove(field);
            }

            (metadata["annotations"] as JObject)?.Remove("kubectl.kubernetes.io/last-applied-configuration");
        }

        return JsonNode.Parse(KubeJson.Serialize(copy));
    }

    private static string Identity(string? kind, string? ns, string? name) => $"{kind}/{(string.IsNullOrEmpty(ns) ? string.Empty : ns)}/{name}";
}
