using System.Text;
using HomeLab.Assertions.Cluster;
using HomeLab.Assertions.Sources;
using HomeLab.Cluster.Argo;
using HomeLab.Cluster.Client;
using k8s;
using Newtonsoft.Json.Linq;

namespace HomeLab.Pipeline.ClusterLifecycle;

/// <summary>
/// What a user needs when a wave does not become ready: each failing Application's conditions, the events of its
/// resources that are not Healthy, and the logs of the pods in their namespaces that are not ready — gathered with
/// the collectors the live suites use.
/// </summary>
public static class StackFailureReport
{
    /// <summary>Gathers the report; a collector that cannot gather says so and the others go on.</summary>
    /// <param name="connection">The cluster.</param>
    /// <param name="outcome">The failed wait.</param>
    /// <param name="timeProvider">The clock.</param>
    /// <param name="argoNamespace">Where the Applications live.</param>
    /// <param name="cancellationToken">Stops gathering.</param>
    /// <returns>The report's text.</returns>
    public static async Task<string> CollectAsync(ClusterConnection connection, SyncWaveOutcome outcome, TimeProvider timeProvider, string argoNamespace, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(outcome);
        var source = new ClusterSource(connection, timeProvider);
        var operations = new ClusterOperations(source, timeProvider);
        var client = new GenericClient(connection.Kubernetes, ArgoApplication.Group, ArgoApplication.Version, ArgoApplication.Plural, disposeClient: false);
        var text = new StringBuilder();
        foreach (var failing in outcome.NotReady)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"=== Application {failing.Name} (wave {failing.Wave}): {failing.Sync}/{failing.Health} ===\n");
            try
            {
                var application = await client.ReadNamespacedAsync<ArgoApplication>(argoNamespace, failing.Name, cancellationToken).ConfigureAwait(false);
                foreach (var condition in application.Status?.Conditions ?? [])
                {
                    text.Append(System.Globalization.CultureInfo.InvariantCulture, $"condition {condition.Type}: {condition.Message}\n");
                }

                var unhealthy = (application.Status?.Resources ?? []).Where(r => r.Health is { Status: not "Healthy" }).ToList();
                foreach (var resource in unhealthy)
                {
                    text.Append(System.Globalization.CultureInfo.InvariantCulture, $"--- {resource.Kind} {resource.Namespace}/{resource.Name}: {resource.Health?.Status} {resource.Health?.Message}\n");
                    text.Append(await operations.CollectEventsAsync(resource.Namespace, resource.Name, cancellationToken).ConfigureAwait(false));
                }

                foreach (var ns in unhealthy.Select(r => r.Namespace).OfType<string>().Distinct(StringComparer.Ordinal))
                {
                    var pods = await source.ListAsync(new ResourceQuery("v1", "Pod", ns), cancellationToken).ConfigureAwait(false);
                    foreach (var pod in pods.Where(p => !IsReady(p)))
                    {
                        text.Append(await operations.CollectPodLogsAsync(new ResourceQuery("v1", "Pod", ns, KubeJson.Name(pod)), null, 50, cancellationToken).ConfigureAwait(false));
                    }
                }
            }
            catch (Exception e) when (e is ClusterApiException or k8s.Autorest.HttpOperationException or HttpRequestException)
            {
                // A collector runs when something already failed: report what it could not gather and go on.
                text.Append(System.Globalization.CultureInfo.InvariantCulture, $"(could not gather: {e.Message})\n");
            }
        }

        return text.ToString();
    }

    private static bool IsReady(JObject pod) =>
        KubeJson.GetString(pod, "status.phase") == "Succeeded"
        || (pod.SelectToken("status.conditions") as JArray)?.OfType<JObject>().Any(c => KubeJson.GetString(c, "type") == "Ready" && KubeJson.GetString(c, "status") == "True") == true;
}
