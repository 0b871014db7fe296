using System.Net.Http.Headers;
using System.Text;
using Newtonsoft.Json.Linq;

namespace HomeLab.Assertions.Cluster;

/// <summary>
/// Raw requests to the API server over the connection's authenticated HTTP client. One path for core,
/// group and CRD kinds alike (<c>/api/v1/...</c>, <c>/apis/group/version/...</c>), JSON in and out.
/// </summary>
internal sealed class ApiServerClient(ClusterConnection connection)
{
    public ClusterConnection Connection { get; } = connection;

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

    public async Task<JObject> GetJsonAsync(string pathAndQuery, CancellationToken cancellationToken) =>
        (await SendAsync(HttpMethod.Get, pathAndQuery, null, null, cancellationToken).ConfigureAwait(false)).EnsureSuccess();

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
