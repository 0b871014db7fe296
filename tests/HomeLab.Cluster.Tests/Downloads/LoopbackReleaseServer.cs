using System.Net;
using HomeLab.Testing;

namespace HomeLab.Cluster.Tests.Downloads;

/// <summary>A FAKE release page on 127.0.0.1: serves the files it is given by name, 404 for anything else.</summary>
internal sealed class LoopbackReleaseServer(IReadOnlyDictionary<string, byte[]> files) : LoopbackHttpServer(TimeSpan.FromMinutes(1))
{
    protected override async Task HandleAsync(HttpListenerContext context)
    {
        var name = context.Request.Url!.AbsolutePath.Split('/').Last();
        if (!files.TryGetValue(name, out var body))
        {
            await RespondAsync(context, 404, "text/plain", "Not Found");
            return;
        }

        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/octet-stream";
        context.Response.ContentLength64 = body.Length;
        await context.Response.OutputStream.WriteAsync(body);
        context.Response.Close();
    }
}
