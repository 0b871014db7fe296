using System.Net;
using System.Text.Json.Nodes;
using HomeLab.Testing;

namespace HomeLab.Build.Tests.Updates;

/// <summary>The GitHub endpoints a PR comment needs (list, create, update, delete issue comments), kept in memory, on 127.0.0.1.</summary>
internal sealed class FakeGitHub : LoopbackHttpServer
{
    private readonly List<(long Id, string Body)> comments = [];

    public IReadOnlyList<(long Id, string Body)> Comments { get { lock (comments) { return [.. comments]; } } }

    public List<string> Calls { get; } = [];

    public void Seed(string body)
    {
        lock (comments)
        {
            comments.Add((comments.Count == 0 ? 1 : comments.Max(c => c.Id) + 1, body));
        }
    }

    protected override async Task HandleAsync(HttpListenerContext context)
    {
        var path = context.Request.Url!.AbsolutePath;
        var method = context.Request.HttpMethod;
        lock (Calls)
        {
            Calls.Add($"{method} {path}");
        }

        var body = method is "POST" or "PATCH" ? JsonNode.Parse(await new StreamReader(context.Request.InputStream).ReadToEndAsync())?["body"]?.GetValue<string>() ?? string.Empty : string.Empty;
        string answer;
        lock (comments)
        {
            if (method == "GET" && path.EndsWith("/issues/7/comments", StringComparison.Ordinal))
            {
                answer = new JsonArray([.. comments.Select(c => (JsonNode)Comment(c.Id, c.Body))]).ToJsonString();
            }
            else if (method == "POST" && path.EndsWith("/issues/7/comments", StringComparison.Ordinal))
            {
                var id = comments.Count == 0 ? 1 : comments.Max(c => c.Id) + 1;
                comments.Add((id, body));
                answer = Comment(id, body).ToJsonString();
            }
            else if (method == "PATCH" && path.Contains("/issues/comments/", StringComparison.Ordinal))
            {
                var id = long.Parse(path[(path.LastIndexOf('/') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
                var index = comments.FindIndex(c => c.Id == id);
                comments[index] = (id, body);
                answer = Comment(id, body).ToJsonString();
            }
            else if (method == "DELETE" && path.Contains("/issues/comments/", StringComparison.Ordinal))
            {
                var id = long.Parse(path[(path.LastIndexOf('/') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
                answer = comments.RemoveAll(c => c.Id == id) == 1 ? string.Empty : """{"message":"Not Found"}""";
            }
            else
            {
                answer = """{"message":"Not Found"}""";
            }
        }

        var status = answer.Contains("Not Found", StringComparison.Ordinal) ? 404 : method switch { "POST" => 201, "DELETE" => 204, _ => 200 };
        await RespondAsync(context, status, "application/json", answer);
    }

    private static JsonObject Comment(long id, string body) => new()
    {
        ["id"] = id,
        ["body"] = body,
        ["html_url"] = $"https://github.example/c/{id}",
        ["url"] = $"https://api.github.example/c/{id}",
        ["created_at"] = "2026-01-01T00:00:00Z",
        ["user"] = new JsonObject { ["login"] = "homelab-bot", ["id"] = 1 },
    };
}
