using System.Net.Http.Headers;
using System.Text;
using Newtonsoft.Json.Linq;

namespace HomeLab.Cluster.Client;

/// <summary>
/// Raw requests to the API server over the connection's authenticated HTTP client. One path for core,
/// group and CRD kinds alike (<c>/api/v1/...</c>, <c>/apis/group/version/...</c>), JSON in and out.
/// </summary>
/// <remarks>
/// Hand-written HTTP, on purpose and only here: Chainsaw-style assertions address any kind by apiVersion and
/// kind, resolved through discovery at run time, and compare untyped JSON trees. KubernetesClient has typed
/// models only for built-in kinds and its <c>GenericClient</c> needs the plural known in advance and a
/// model type; it has no discovery-driven, schema-less client. Typed work (nodes, Applications) goes through
/// <see cref="ClusterConnection.Kubernetes"/> instead.
/// </remarks>
/// <param name="connection">The connection whose credentials and TLS settings requests use.</param>
public sealed class ApiServerClient(ClusterConnection connection)
{
    /// <summary>The connection requests go through.</summary>
    public ClusterConnection Connection { get; } = connection;

    /// <summary>Sends a request with an optional JSON body and reads the JSON answer; a failure status is an answer, not an exception.</summary>
    /// <param name="method">The method.</param>
    /// <param name="pathAndQuery">The path and query, e.g. <c>/api/v1/namespaces</c>.</param>
    /// <param name="body">The body, or null.</param>
    /// <param name="contentType">The body's content type; <c>application/json</c> when null.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The answer.</returns>
    public async Task<ApiResponse> SendAsync(HttpMethod method, string pathAndQuery, JToken? body, string? contentType, CancellationToken cancellationToken)
    {
        using var request = CreateRequest(method, pathAndQuery);
        if (body is not null)
        {
            request.Content = new StringContent(KubeJson.Serialize(body), Encoding.UTF8);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType ?? "application/json");
        }

        using var response = await Connection.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        JObject? json = null;
        if (text.Length > 0 && text[0] == '{')
        {
            try
            {
                json = KubeJson.Parse(text);
            }
            catch (Newtonsoft.Json.JsonException)
            {
                json = null;
            }
        }

        if (json is null && !response.IsSuccessStatusCode)
        {
            json = new JObject { ["message"] = text.Length > 500 ? text[..500] : text };
        }

        return new ApiResponse(method.Method, pathAndQuery, (int)response.StatusCode, json);
    }

    /// <summary>GETs a JSON object.</summary>
    /// <param name="pathAndQuery">The path and query.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The object.</returns>
    /// <exception cref="ClusterApiException">The server refused.</exception>
    public async Task<JObject> GetJsonAsync(string pathAndQuery, CancellationToken cancellationToken) =>
        (await SendAsync(HttpMethod.Get, pathAndQuery, null, null, cancellationToken).ConfigureAwait(false)).EnsureSuccess();

    /// <summary>GETs a text answer, such as a pod's log.</summary>
    /// <param name="pathAndQuery">The path and query.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The text.</returns>
    /// <exception cref="ClusterApiException">The server refused.</exception>
    public async Task<string> GetTextAsync(string pathAndQuery, CancellationToken cancellationToken)
    {
        using var request = CreateRequest(HttpMethod.Get, pathAndQuery);
        using var response = await Connection.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            JObject? status = text.StartsWith('{') ? KubeJson.Parse(text) : null;
            throw new ClusterApiException("GET", pathAndQuery, (int)response.StatusCode, KubeJson.GetString(status, "reason"), KubeJson.GetString(status, "message") ?? text);
        }

        return text;
    }

    /// <summary>Opens a streaming GET (a watch); the caller reads the body line by line as it arrives and disposes the response.</summary>
    /// <param name="pathAndQuery">The path and query, with <c>watch=true</c>.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The response, headers read.</returns>
    public async Task<HttpResponseMessage> OpenStreamAsync(string pathAndQuery, CancellationToken cancellationToken)
    {
        using var request = CreateRequest(HttpMethod.Get, pathAndQuery);
        return await Connection.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
    }

    private HttpRequestMessage CreateRequest(HttpMethod method, string pathAndQuery)
    {
        var request = new HttpRequestMessage(method, new Uri(Connection.Server, pathAndQuery.TrimStart('/')));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return request;
    }
}
