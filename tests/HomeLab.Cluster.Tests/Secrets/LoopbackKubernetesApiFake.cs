using System.Net;
using HomeLab.Testing;
using k8s;

namespace HomeLab.Cluster.Tests.Secrets;

/// <summary>
/// A FAKE Kubernetes API server for tests: an HttpListener on 127.0.0.1 at a free port that answers fixed responses by
/// path and records what was asked. It is not a cluster; it checks the URLs we build and how we read answers. It stops
/// on dispose, and on its own after a minute should a test forget it.
/// </summary>
internal sealed class LoopbackKubernetesApiFake(IReadOnlyDictionary<string, FakeResponse> routes) : LoopbackHttpServer(TimeSpan.FromMinutes(1))
{
    public Uri BaseUri => new($"http://127.0.0.1:{Port}");

    public static FakeResponse Json(string body, HttpStatusCode status = HttpStatusCode.OK) => new(status, "application/json", body);

    public static FakeResponse Status(HttpStatusCode status, string reason) =>
        Json($$"""{"kind":"Status","apiVersion":"v1","status":"Failure","message":"{{reason}}","reason":"{{status}}","code":{{(int)status}}}""", status);

    public static FakeResponse Pem(string pem) => new(HttpStatusCode.OK, "application/x-pem-file", pem);

    public IKubernetes CreateClient() => new Kubernetes(new KubernetesClientConfiguration { Host = BaseUri.ToString() });

    protected override Task HandleAsync(HttpListenerContext context)
    {
        var path = context.Request.Url!.AbsolutePath;
        var response = routes.TryGetValue(path, out var found) ? found : Status(HttpStatusCode.NotFound, $"nothing at {path}");
        return RespondAsync(context, (int)response.Status, response.ContentType, response.Body);
    }
}
