using Newtonsoft.Json.Linq;

namespace HomeLab.Assertions.Cluster;

/// <summary>An API server's answer: the status, the JSON body (an object or a Status), and the request it answers.</summary>
internal sealed record ApiResponse(string Method, string Path, int StatusCode, JObject? Body)
{
    public bool IsSuccess => StatusCode is >= 200 and < 300;

    public bool IsNotFound => StatusCode == 404;

    public JObject EnsureSuccess() => IsSuccess && Body is not null ? Body : throw ToException();

    public ClusterApiException ToException() => new(
        Method,
        Path,
        StatusCode,
        KubeJson.GetString(Body, "reason"),
        KubeJson.GetString(Body, "message"));
}
