using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace HomeLab.Testing;

/// <summary>
/// The base of the tests' FAKE HTTP servers: an <see cref="HttpListener"/> on 127.0.0.1 on a free port, each
/// request handled on its own task (so streaming answers such as watches work), every request path recorded.
/// It stops when disposed, and on its own when its lifetime runs out, so a test that forgets it leaves nothing
/// listening. Shared as source (linked into each test project), so no test project depends on another's packages.
/// </summary>
internal abstract class LoopbackHttpServer : IAsyncDisposable
{
    private readonly HttpListener listener;
    private readonly CancellationTokenSource lifetime;
    private readonly ConcurrentQueue<string> requests = new();
    private readonly ConcurrentDictionary<Task, bool> handlers = new();
    private readonly Task loop;

    /// <summary>Starts listening.</summary>
    /// <param name="maximumLifetime">When the server stops by itself; two minutes when null.</param>
    protected LoopbackHttpServer(TimeSpan? maximumLifetime = null)
    {
        (listener, BaseAddress) = Listen();
        lifetime = new CancellationTokenSource(maximumLifetime ?? TimeSpan.FromMinutes(2));
        lifetime.Token.Register(listener.Stop);
        loop = Task.Run(AcceptAsync);
    }

    /// <summary>The server's address, with a trailing slash.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The port it listens on.</summary>
    public int Port => BaseAddress.Port;

    /// <summary>Every request's path and query, in arrival order.</summary>
    public IReadOnlyList<string> Requests => [.. requests];

    /// <summary>Cancelled when the server stops: long-running answers (streams) end on it.</summary>
    protected CancellationToken Stopping => lifetime.Token;

    /// <summary>Stops listening and waits for the answers in progress to end.</summary>
    public async ValueTask DisposeAsync()
    {
        await lifetime.CancelAsync();
        try
        {
            listener.Close();
        }
        catch (HttpListenerException)
        {
            // The cancellation above already stopped it; on Linux, Close after Stop binds the port once more to
            // remove its prefix, which fails when another process took the freed port meanwhile. Nothing is left open.
        }

        await Quietly(loop);
        foreach (var handler in handlers.Keys)
        {
            await Quietly(handler);
        }

        lifetime.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Answers one request.</summary>
    /// <param name="context">The request and its response.</param>
    protected abstract Task HandleAsync(HttpListenerContext context);

    /// <summary>Writes a whole answer and closes the response.</summary>
    protected static async Task RespondAsync(HttpListenerContext context, int status, string contentType, string body)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        var bytes = Encoding.UTF8.GetBytes(body);
        context.Response.ContentLength64 = bytes.Length;
        await context.Response.OutputStream.WriteAsync(bytes);
        context.Response.Close();
    }

    /// <summary>A port nothing listens on at the moment of asking (for "nothing answers there" tests too).</summary>
    public static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private static (HttpListener Listener, Uri Address) Listen()
    {
        // A free port can be taken between probing and binding: try a few.
        for (var attempt = 1; ; attempt++)
        {
            var address = new Uri($"http://127.0.0.1:{FreePort()}/");
            var listener = new HttpListener();
            listener.Prefixes.Add(address.AbsoluteUri);
            try
            {
                listener.Start();
                return (listener, address);
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                // Closing a listener whose start failed can fail the same way (the port is still taken): it holds nothing.
                try
                {
                    listener.Close();
                }
                catch (HttpListenerException)
                {
                }
            }
        }
    }

    private async Task AcceptAsync()
    {
        while (!lifetime.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            requests.Enqueue(context.Request.RawUrl ?? context.Request.Url?.PathAndQuery ?? string.Empty);
            var handler = Task.Run(() => HandleAsync(context));
            handlers[handler] = true;
            _ = handler.ContinueWith(done => handlers.TryRemove(done, out _), TaskScheduler.Default);
        }
    }

    private static async Task Quietly(Task task)
    {
        try
        {
            await task;
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or IOException or InvalidOperationException or OperationCanceledException)
        {
            // The listener stopping ends the loop and any answer still being written with one of these.
        }
    }
}
