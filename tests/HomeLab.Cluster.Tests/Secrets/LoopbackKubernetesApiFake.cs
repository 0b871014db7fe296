using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using k8s;

namespace HomeLab.Cluster.Tests.Secrets;

/// <summary>
/// A FAKE Kubernetes API server for tests: an HttpListener on 127.0.0.1 at a free port that answers fixed responses by
/// path and records what was asked. It is not a cluster; it checks the URLs we build and how we read answers. It stops
/// on dispose, and on its own after a minute should a test forget it.
/// </summary>
public sealed class LoopbackKubernetesApiFake : IAsyncDisposable
{
    private readonly HttpListener listener = new();
    private readonly IReadOnlyDictionary<string, FakeResponse> routes;
    private readonly ConcurrentQueue<string> requests = new();
    private readonly CancellationTokenSource stop = new(TimeSpan.FromMinutes(1));
    private readonly Task loop;

    public LoopbackKubernetesApiFake(IReadOnlyDictionary<string, FakeResponse> routes)
    {
        this.routes = routes;
        Port = FreePort();
        listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        listener.Start();
        stop.Token.Register(listener.Stop);
        loop = Task.Run(ServeAsync);
    }

    public int Port { get; }

    public Uri BaseUri => new($"http://127.0.0.1:{Port}");

    /// <summary>The raw paths requested, in order.</summary>
    public IReadOnlyList<string> Requests => [.. requests];

    public static FakeResponse Json(string body, HttpStatusCode status = HttpStatusCode.OK) => new(status, "application/json", body);

    public static FakeResponse Status(HttpStatusCode status, string reason) =>
        Json($$"""{"kind":"Status","apiVersion":"v1","status":"Failure","message":"{{reason}}","reason":"{{status}}","code":{{(int)status}}}""", status);

    public static FakeResponse Pem(string pem) => new(HttpStatusCode.OK, "application/x-pem-file", pem);

    /// <summary>A port nothing listens on: taken from the OS, then released.</summary>
    public static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public IKubernetes CreateClient() => new Kubernetes(new KubernetesClientConfiguration { Host = BaseUri.ToString() });

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Close();
        try
        {
            await loop;
        }
        catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or OperationCanceledException)
        {
            // Stopping the listener ends the loop with one of these.
        }

        stop.Dispose();
    }

    private async Task ServeAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            var path = context.Request.Url!.AbsolutePath;
            requests.Enqueue(context.Request.RawUrl ?? path);
            var response = routes.TryGetValue(path, out var found) ? found : Status(HttpStatusCode.NotFound, $"nothing at {path}");
            var body = Encoding.UTF8.GetBytes(response.Body);
            context.Response.StatusCode = (int)response.Status;
            context.Response.ContentType = response.ContentType;
            context.Response.ContentLength64 = body.Length;
            await context.Response.OutputStream.WriteAsync(body);
            context.Response.Close();
        }
    }
}
