using System.Net;
using System.Net.Sockets;
using k8s;
using Newtonsoft.Json.Linq;

namespace HomeLab.Cluster.Client;

/// <summary>
/// An authenticated connection to one API server, built from a kubeconfig (<c>KUBECONFIG</c>,
/// <c>~/.kube/config</c>) or the in-cluster service account through KubernetesClient. Sources and
/// operations share it; dispose it when done.
/// </summary>
public sealed class ClusterConnection : IDisposable
{
    private readonly Kubernetes _kubernetes;

    private ClusterConnection(KubernetesClientConfiguration configuration, string? origin, string? kubeconfigPath)
    {
        KubeconfigPath = kubeconfigPath;
        // Watches stay open for minutes; each operation bounds its own time with its CancellationToken.
        configuration.HttpClientTimeout = Timeout.InfiniteTimeSpan;
        _kubernetes = new Kubernetes(configuration);
        Server = new Uri(configuration.Host.TrimEnd('/') + "/");
        Context = configuration.CurrentContext;
        DefaultNamespace = string.IsNullOrEmpty(configuration.Namespace) ? "default" : configuration.Namespace;
        Origin = origin ?? Server.ToString();
        CaFingerprint = configuration.SslCaCerts is { Count: > 0 } authorities
            ? string.Join(':', System.Security.Cryptography.SHA256.HashData(authorities[0].RawData).Select(b => b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture)))
            : null;
    }

    /// <summary>The API server's address.</summary>
    public Uri Server { get; }

    /// <summary>The kubeconfig file the connection was read from, or null (in-cluster, text, or a configuration); tools such as helm get it as <c>KUBECONFIG</c>.</summary>
    public string? KubeconfigPath { get; }

    /// <summary>The kubeconfig context in use, or null (in-cluster, or built from a configuration).</summary>
    public string? Context { get; }

    /// <summary>The SHA-256 fingerprint (colon-separated hex) of the CA the kubeconfig trusts for this server, or null when it names none.</summary>
    public string? CaFingerprint { get; }

    /// <summary>The namespace for namespaced objects that name none (the context's namespace, else <c>default</c>).</summary>
    public string DefaultNamespace { get; }

    /// <summary>Where the credentials came from, for messages: a kubeconfig path and context, or <c>in-cluster</c>.</summary>
    public string Origin { get; }

    /// <summary>
    /// The authenticated HTTP client of the connection, for the endpoints KubernetesClient has no API for (the
    /// OpenAPI v3 documents under <c>/openapi/v3</c>); everything else goes through <see cref="Kubernetes"/>.
    /// </summary>
    public HttpClient HttpClient => _kubernetes.HttpClient;

    /// <summary>The KubernetesClient client, for typed calls beyond what sources and operations offer.</summary>
    public IKubernetes Kubernetes => _kubernetes;

    /// <summary>Connects with the options' kubeconfig and context (no request is made yet).</summary>
    /// <param name="options">Where to find credentials; <see cref="ClusterConnectionOptions.Default"/> when null.</param>
    /// <returns>The connection.</returns>
    /// <exception cref="ClusterConnectionException">No kubeconfig was found, the context does not exist, or the file cannot be read.</exception>
    public static ClusterConnection Connect(ClusterConnectionOptions? options = null)
    {
        options ??= ClusterConnectionOptions.Default;
        string? Variable(string name) => options.Environment is { } environment ? environment.GetValueOrDefault(name) : Environment.GetEnvironmentVariable(name);
        var listed = options.KubeconfigPath ?? Variable("KUBECONFIG");
        var path = FindKubeconfig(listed, Variable);
        if (path is null)
        {
            if (!string.IsNullOrWhiteSpace(listed))
            {
                throw new ClusterConnectionException($"{listed}: kubeconfig not found; hint: check the path (--kubeconfig or KUBECONFIG)");
            }

            if (!string.IsNullOrEmpty(Variable("KUBERNETES_SERVICE_HOST")) && KubernetesClientConfiguration.IsInCluster())
            {
                return new ClusterConnection(KubernetesClientConfiguration.InClusterConfig(), "in-cluster service account", null);
            }

            throw new ClusterConnectionException(
                $"no kubeconfig: KUBECONFIG is unset, {DefaultKubeconfigPath(Variable) ?? "~/.kube/config"} does not exist and this is not a pod (KUBERNETES_SERVICE_HOST unset); "
                + $"hint: {options.MissingKubeconfigHint}");
        }

        try
        {
            var configuration = KubernetesClientConfiguration.BuildConfigFromConfigFile(path, options.Context);
            return new ClusterConnection(configuration, $"{path} context {configuration.CurrentContext}", path);
        }
        catch (Exception e) when (e is k8s.Exceptions.KubeConfigException or IOException or UnauthorizedAccessException or YamlDotNet.Core.YamlException)
        {
            throw new ClusterConnectionException(
                $"{path}: cannot use the kubeconfig{(options.Context is null ? string.Empty : $" context '{options.Context}'")}: {e.Message}; hint: `kubectl config get-contexts` lists the contexts",
                e);
        }
    }

    /// <summary>Connects with a kubeconfig given as text (what Testcontainers' k3s module hands out).</summary>
    /// <param name="kubeconfig">The kubeconfig YAML.</param>
    /// <param name="context">The context, or null for the current one.</param>
    /// <returns>The connection.</returns>
    public static ClusterConnection FromKubeconfig(string kubeconfig, string? context = null)
    {
        ArgumentNullException.ThrowIfNull(kubeconfig);
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(kubeconfig));
        var configuration = KubernetesClientConfiguration.BuildConfigFromConfigFile(stream, context);
        return new ClusterConnection(configuration, $"kubeconfig text context {configuration.CurrentContext}", null);
    }

    /// <summary>Connects with a KubernetesClient configuration built by the caller (e.g. <c>Host = "http://127.0.0.1:8001"</c> behind <c>kubectl proxy</c>).</summary>
    /// <param name="configuration">The configuration; its HTTP timeout is turned off, since watches stay open.</param>
    /// <returns>The connection.</returns>
    public static ClusterConnection FromConfiguration(KubernetesClientConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return new ClusterConnection(configuration, null, null);
    }

    /// <summary>
    /// Answers quickly whether a cluster is reachable with the options' credentials, and if not, why not:
    /// no kubeconfig, connection refused, no answer within <see cref="ClusterConnectionOptions.ProbeTimeout"/>, or credentials rejected.
    /// </summary>
    /// <param name="options">Where to find credentials; <see cref="ClusterConnectionOptions.Default"/> when null.</param>
    /// <param name="cancellationToken">Cancels the probe.</param>
    /// <returns>The answer; never throws for an unreachable cluster.</returns>
    public static async Task<ClusterReachability> TryConnectAsync(ClusterConnectionOptions? options, CancellationToken cancellationToken)
    {
        options ??= ClusterConnectionOptions.Default;
        ClusterConnection connection;
        try
        {
            connection = Connect(options);
        }
        catch (ClusterConnectionException e)
        {
            return ClusterReachability.Unreachable(e.Message);
        }

        using (connection)
        {
            return await connection.ProbeAsync(options.ProbeTimeout, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Asks the API server for <c>/version</c> within a timeout.</summary>
    /// <param name="timeout">How long to wait for the answer.</param>
    /// <param name="cancellationToken">Cancels the probe.</param>
    /// <returns>Whether it answered, and if not, why not.</returns>
    public async Task<ClusterReachability> ProbeAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(Server, "version"));
            using var response = await SendAsync(request, HttpCompletionOption.ResponseContentRead, timeoutSource.Token).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync(timeoutSource.Token).ConfigureAwait(false);
            if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            {
                return ClusterReachability.Unreachable($"{Server} answered {(int)response.StatusCode} {response.StatusCode}: the credentials of {Origin} were rejected", Server);
            }

            if (!response.IsSuccessStatusCode)
            {
                return ClusterReachability.Unreachable($"{Server} answered {(int)response.StatusCode} {response.StatusCode} to /version; it may not be a Kubernetes API server", Server);
            }

            string? version = null;
            try
            {
                version = KubeJson.Parse(body)["gitVersion"]?.Value<string>();
            }
            catch (Newtonsoft.Json.JsonException)
            {
                return ClusterReachability.Unreachable($"{Server} answered /version with something other than JSON; it is not a Kubernetes API server", Server);
            }

            return ClusterReachability.Reachable(Server, version);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return ClusterReachability.Unreachable($"{Server} did not answer within {timeout.TotalSeconds:0.#} s ({Origin})", Server);
        }
        catch (HttpRequestException e)
        {
            var cause = e.InnerException is SocketException socket ? socket.SocketErrorCode.ToString() : e.Message;
            return ClusterReachability.Unreachable($"cannot reach {Server} ({Origin}): {cause}", Server);
        }
        catch (Exception e) when (e is k8s.Exceptions.KubernetesClientException or IOException or System.Security.Authentication.AuthenticationException)
        {
            return ClusterReachability.Unreachable($"cannot authenticate to {Server} ({Origin}): {e.Message}", Server);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _kubernetes.Dispose();

    /// <inheritdoc />
    public override string ToString() => $"cluster {Server}";

    /// <summary>Sends a request with the connection's credentials and TLS settings.</summary>
    internal async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, HttpCompletionOption completion, CancellationToken cancellationToken)
    {
        if (_kubernetes.Credentials is { } credentials)
        {
            await credentials.ProcessHttpRequestAsync(request, cancellationToken).ConfigureAwait(false);
        }

        return await _kubernetes.HttpClient.SendAsync(request, completion, cancellationToken).ConfigureAwait(false);
    }

    // KUBECONFIG may list several files; kubectl merges them, we take the first that exists.
    private static string? FindKubeconfig(string? listed, Func<string, string?> variable)
    {
        if (!string.IsNullOrWhiteSpace(listed))
        {
            return listed.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(File.Exists);
        }

        return DefaultKubeconfigPath(variable) is { } home && File.Exists(home) ? home : null;
    }

    private static string? DefaultKubeconfigPath(Func<string, string?> variable) =>
        (variable("HOME") ?? variable("USERPROFILE")) is { Length: > 0 } home ? Path.Combine(home, ".kube", "config") : null;
}
