using Newtonsoft.Json.Linq;

namespace HomeLab.Cluster.Client;

/// <summary>An API server's answer: the status, the JSON body (an object or a Status), and the request it answers.</summary>
/// <param name="Method">The request's method.</param>
/// <param name="Path">The request's path and query.</param>
/// <param name="StatusCode">The HTTP status.</param>
/// <param name="Body">The JSON body, or a Status made of the text when the server answered otherwise.</param>
public sealed record ApiResponse(string Method, string Path, int StatusCode, JObject? Body)
{
    /// <summary>Whether the status is 2xx.</summary>
    public bool IsSuccess => StatusCode is >= 200 and < 300;

    /// <summary>Whether the status is 404.</summary>
    public bool IsNotFound => StatusCode == 404;

    /// <summary>The body of a successful answer.</summary>
    /// <returns>The body.</returns>
    /// <exception cref="ClusterApiException">The answer is not a success.</exception>
    public JObject EnsureSuccess() => IsSuccess && Body is not null ? Body : throw ToException();

    /// <summary>The failure as an exception naming the request and the server's reason and message.</summary>
    /// <returns>The exception.</returns>
    public ClusterApiException ToException() => new(
        Method,
        Path,
        StatusCode,
        KubeJson.GetString(Body, "reason"),
        KubeJson.GetString(Body, "message"));
}
