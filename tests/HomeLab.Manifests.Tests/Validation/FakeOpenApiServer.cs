using System.Net;
using HomeLab.Testing;

namespace HomeLab.Manifests.Tests.Validation;

/// <summary>
/// A FAKE Kubernetes API server on 127.0.0.1 that serves only <c>/openapi/v3</c> and the documents given to it,
/// for testing the schema download without a cluster. It stops when disposed, and on its own after a minute.
/// </summary>
internal sealed class FakeOpenApiServer(Dictionary<string, string> documents) : LoopbackHttpServer(TimeSpan.FromMinutes(1))
{
    protected override Task HandleAsync(HttpListenerContext context)
    {
        var path = context.Request.Url!.AbsolutePath.TrimStart('/');
        string? body = null;
        if (path == "openapi/v3")
        {
            var entries = documents.Keys.Select(p => $"\"{p}\": {{\"serverRelativeURL\": \"/openapi/v3/{p}?hash=FAKE{p.Length}\"}}");
            body = $"{{\"paths\": {{{string.Join(", ", entries)}}}}}";
        }
        else if (path.StartsWith("openapi/v3/", StringComparison.Ordinal))
        {
            documents.TryGetValue(path["openapi/v3/".Length..], out body);
        }

        return RespondAsync(context, body is null ? 404 : 200, "application/json", body ?? "{\"kind\":\"Status\",\"code\":404}");
    }
}
