using HomeLab.Cluster.Client;
using HomeLab.Tools;

namespace HomeLab.Cluster.Argo;

/// <summary>
/// Installs ArgoCD on a cluster that has none yet — with <c>helm upgrade --install</c> of the chart, version and values
/// files of ArgoCD's own self-managed Application, so the first sync of that Application changes nothing. StackUp
/// runs it on every k3d cluster; DeployProd on the hardware's first deployment.
/// </summary>
public sealed class ArgoCdBootstrap
{
    /// <summary>Creates the bootstrap of a chart.</summary>
    /// <param name="chart">The chart of ArgoCD's own Application (with its environment's values files).</param>
    /// <param name="repositoryRoot">The repository root the values files are relative to.</param>
    public ArgoCdBootstrap(ArgoCdChart chart, string repositoryRoot)
    {
        ArgumentNullException.ThrowIfNull(chart);
        ArgumentException.ThrowIfNullOrEmpty(repositoryRoot);
        Chart = chart;
        RepositoryRoot = repositoryRoot;
    }

    /// <summary>The chart.</summary>
    public ArgoCdChart Chart { get; }

    /// <summary>The repository root the values files are relative to.</summary>
    public string RepositoryRoot { get; }

    /// <summary>How long helm waits for ArgoCD to be ready.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The kubeconfig context helm uses, or null for the kubeconfig's current one.</summary>
    public string? KubeContext { get; init; }

    /// <summary>The step as a plan shows it: chart, version, repository, release, namespace and values files.</summary>
    public string Description =>
        $"install {Chart.Chart} {Chart.Version} from {Chart.Repository} as release {Chart.ReleaseName} in namespace {Chart.Namespace}"
        + (Chart.ValueFiles.Count == 0 ? string.Empty : $" with {string.Join(", ", Chart.ValueFiles)}");

    /// <summary>Whether the cluster already runs ArgoCD: its API serves the Application kind.</summary>
    /// <param name="client">The cluster's API client.</param>
    /// <param name="cancellationToken">Stops the request.</param>
    /// <returns>True when <c>argoproj.io/v1alpha1</c> Applications are served.</returns>
    public static async Task<bool> IsInstalledAsync(ApiServerClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        try
        {
            await new ApiDiscovery(client).ResolveAsync($"{ArgoApplication.Group}/{ArgoApplication.Version}", "Application", cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (UnknownKindException)
        {
            return false;
        }
    }

    /// <summary>The arguments of the <c>helm upgrade --install</c> that installs ArgoCD.</summary>
    /// <returns>The arguments.</returns>
    public IReadOnlyList<string> HelmArguments()
    {
        var arguments = new List<string>
        {
            "upgrade", "--install", Chart.ReleaseName, Chart.Chart, "--repo", Chart.Repository, "--version", Chart.Version,
            "--namespace", Chart.Namespace, "--create-namespace", "--wait", "--timeout", $"{Math.Max(1, (int)Math.Ceiling(Timeout.TotalMinutes))}m",
        };
        foreach (var file in Chart.ValueFiles)
        {
            arguments.AddRange(["-f", Path.Combine(RepositoryRoot, file)]);
        }

        if (KubeContext is not null)
        {
            arguments.AddRange(["--kube-context", KubeContext]);
        }

        return arguments;
    }

    /// <summary>Installs (or upgrades) ArgoCD and waits until helm says it is ready.</summary>
    /// <param name="helm">The helm to run, with the cluster's <c>KUBECONFIG</c> set.</param>
    /// <param name="onLine">Receives helm's output, line by line.</param>
    /// <param name="cancellationToken">Stops helm.</param>
    /// <returns>A task.</returns>
    /// <exception cref="ArgoCdBootstrapException">helm failed; the message has its last error line.</exception>
    public async Task InstallAsync(Helm helm, Action<string> onLine, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(helm);
        ArgumentNullException.ThrowIfNull(onLine);
        string? lastError = null;
        var exitCode = await helm.StreamAsync(HelmArguments(), line =>
        {
            if (line.IsError)
            {
                lastError = line.Text;
            }

            onLine(line.Text);
        }, cancellationToken).ConfigureAwait(false);
        if (exitCode != 0)
        {
            throw new ArgoCdBootstrapException($"installing {Chart.Chart} {Chart.Version} into {Chart.Namespace} failed: helm upgrade exited with {exitCode}: {lastError ?? "no message"}");
        }
    }
}
