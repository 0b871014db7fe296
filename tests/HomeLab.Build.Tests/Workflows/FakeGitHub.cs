using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using HomeLab.Testing;

namespace HomeLab.Build.Tests.Workflows;

/// <summary>A FAKE of GitHub's issue endpoints on 127.0.0.1: lists open issues by label, opens issues, adds comments.</summary>
internal sealed class FakeGitHub(params int[] openIssues) : LoopbackHttpServer
{
    private int nextNumber = 100;

    public ConcurrentQueue<(string Method, string Path, string Body, string? Authorization)> Calls { get; } = new();

    protected override async Task HandleAsync(HttpListenerContext context)
    {
        using var reader = new StreamReader(context.Request.InputStream);
        var body = await reader.ReadToEndAsync();
        var path = context.Request.Url!.AbsolutePath;
        Calls.Enqueue((context.Request.HttpMethod, path + context.Request.Url.Query, body, context.Request.Headers["Authorization"]));
        const string issues = "/repos/homelab/lab/issues";
        if (context.Request.HttpMethod == "GET" && path.EndsWith(issues, StringComparison.Ordinal))
        {
            var list = new JsonArray([.. openIssues.Select(n => (JsonNode)Issue(n))]);
            await RespondAsync(context, 200, "application/json", list.ToJsonString());
        }
        else if (context.Request.HttpMethod == "POST" && path.EndsWith(issues, StringComparison.Ordinal))
        {
            await RespondAsync(context, 201, "application/json", Issue(Interlocked.Increment(ref nextNumber)).ToJsonString());
        }
        else if (context.Request.HttpMethod == "POST" && path.EndsWith("/comments", StringComparison.Ordinal))
        {
            await RespondAsync(context, 201, "application/json", new JsonObject { ["id"] = 1, ["body"] = "ok" }.ToJsonString());
        }
        else
        {
            await RespondAsync(context, 404, "application/json", """{"message":"Not Found"}""");
        }
    }

    private static JsonObject Issue(int number) => new()
    {
        ["number"] = number,
        ["title"] = "The nightly run fails",
        ["state"] = "open",
        ["labels"] = new JsonArray(new JsonObject { ["name"] = "nightly-failure" }),
    };
}
