using System.Net;
using System.Net.Sockets;
using System.Text;

namespace HomeLab.Manifests.Tests.Validation;

/// <summary>
/// A FAKE Kubernetes API server on 127.0.0.1 that serves only <c>/openapi/v3</c> and the documents given to it,
/// for testing the schema download without a cluster. It stops when disposed, and on its own after a minute.
/// </summary>
internal sealed class FakeOpenApiServer : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly CancellationTokenSource _stop = new(TimeSpan.FromMinutes(1));
    private readonly Dictionary<string, string> _documents;
    private readonly Task _loop;

    public FakeOpenApiServer(Dictionary<string, string> documents)
    {
        _documents = documents;
        var port = FreePort();
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(BaseAddress.AbsoluteUri);
        _listener.Start();
        _stop.Token.Register(() => _listener.Stop());
        _loop = Task.Run(ServeAsync);
    }

    public Uri BaseAddress { get; }

    public List<string> Requests { get; } = [];

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _loop;
        }
        catch (HttpListenerException)
        {
        }
        catch (ObjectDisposedException)
        {
        }

        _listener.Close();
        _stop.Dispose();
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            var path = context.Request.Url!.AbsolutePath.TrimStart('/');
            lock (Requests)
            {
                Requests.Add(context.Request.Url.PathAndQuery);
            }

            string? body = null;
            if (path == "openapi/v3")
            {
                var entries = _documents.Keys.Select(p => $"\"{p}\": {{\"serverRelativeURL\": \"/openapi/v3/{p}?hash=FAKE{p.Length}\"}}");
                body = $"{{\"paths\": {{{string.Join(", ", entries)}}}}}";
            }
            else if (path.StartsWith("openapi/v3/", StringComparison.Ordinal))
            {
                _documents.TryGetValue(path["openapi/v3/".Length..], out body);
            }

            context.Response.StatusCode = body is null ? 404 : 200;
            context.Response.ContentType = "application/json";
            var bytes = Encoding.UTF8.GetBytes(body ?? "{\"kind\":\"Status\",\"code\":404}");
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }
}
