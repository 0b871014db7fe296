using HomeLab.Cluster.Client;
using k8s;

namespace HomeLab.Stack.Tests.Observability;

/// <summary>
/// HTTP to a Service inside the cluster through the API server's service proxy
/// (<c>/api/v1/namespaces/NS/services/NAME:PORT/proxy/PATH</c>), with the connection's credentials: live tests
/// reach Prometheus, Loki, Tempo and Jaeger without port-forwards.
/// </summary>
/// <param name="connection">The live cluster.</param>
public sealed class ServiceProxy(ClusterConnection connection)
{
    private readonly Kubernetes kubernetes = connection.Kubernetes as Kubernetes
        ?? throw new ArgumentException("The connection's client is not a k8s.Kubernetes.", nameof(connection));

    /// <summary>Sends a request to a Service and returns the status code and body.</summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="service">namespace/name:port of the Service.</param>
    /// <param name="pathAndQuery">The path inside the Service, with its query string.</param>
    /// <param name="body">A JSON body, or null.</param>
    /// <param name="cancellationToken">Stops the request.</param>
    /// <returns>The status code and the body.</returns>
    public async Task<(int Status, string Body)> SendAsync(HttpMethod method, string service, string pathAndQuery, string? body, CancellationToken cancellationToken)
    {
        var slash = service.IndexOf('/', StringComparison.Ordinal);
        var uri = new Uri(connection.Server, $"/api/v1/namespaces/{service[..slash]}/services/{service[(slash + 1)..]}/proxy/{pathAndQuery.TrimStart('/')}");
        using var request = new HttpRequestMessage(method, uri);
        if (body is not null)
        {
            request.Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        }

        if (kubernetes.Credentials is { } credentials)
        {
            await credentials.ProcessHttpRequestAsync(request, cancellationToken);
        }

        using var response = await kubernetes.HttpClient.SendAsync(request, cancellationToken);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken));
    }

    /// <summary>GETs a path of a Service and returns the body, failing on a non-success status.</summary>
    /// <param name="service">namespace/name:port of the Service.</param>
    /// <param name="pathAndQuery">The path inside the Service, with its query string.</param>
    /// <param name="cancellationToken">Stops the request.</param>
    /// <returns>The body.</returns>
    public async Task<string> GetAsync(string service, string pathAndQuery, CancellationToken cancellationToken)
    {
        var (status, text) = await SendAsync(HttpMethod.Get, service, pathAndQuery, null, cancellationToken);
        return status is >= 200 and < 300
            ? text
            : throw new HttpRequestException($"GET {service}/{pathAndQuery} answered {status}: {(text.Length > 300 ? text[..300] : text)}");
    }
}
