using System.Net;
using System.Net.Sockets;
using HomeLab.Manifests.Tools;

namespace HomeLab.Manifests.Tests.Rendering;

/// <summary>
/// A real Helm chart repository on 127.0.0.1: a chart made with <c>helm create</c>, packaged, indexed with
/// <c>helm repo index</c>, and served by an <see cref="HttpListener"/> on a free port. It stops when disposed,
/// and on its own after a minute so a failed test cannot leave it running.
/// </summary>
internal sealed class LoopbackChartRepository : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly CancellationTokenSource _stop = new(TimeSpan.FromMinutes(1));
    private readonly string _directory;
    private Task? _serving;

    private LoopbackChartRepository(string directory, int port)
    {
        _directory = directory;
        Url = $"http://127.0.0.1:{port}/";
        _listener.Prefixes.Add(Url);
    }

    public string Url { get; }

    public int Requests { get; private set; }

    public static async Task<LoopbackChartRepository> StartAsync(Helm helm, string workDirectory, string chart, string version)
    {
        var port = FreePort();
        var served = Directory.CreateDirectory(Path.Combine(workDirectory, "served")).FullName;
        var repository = new LoopbackChartRepository(served, port);
        await Run(helm.WithWorkingDirectory(workDirectory), "create", chart);
        await Run(helm.WithWorkingDirectory(workDirectory), "package", chart, "--version", version, "--destination", served);
        await Run(helm, "repo", "index", served, "--url", repository.Url.TrimEnd('/'));
        repository._listener.Start();
        repository._serving = repository.ServeAsync();
        return repository;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Close();
        if (_serving is not null)
        {
            await _serving;
        }

        _stop.Dispose();
    }

    private static async Task Run(Helm helm, params string[] arguments)
    {
        var result = await helm.ExecuteAsync(arguments);
        result.IsSuccess.Should().BeTrue($"helm {string.Join(' ', arguments)} should work: {result.StandardError}");
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private async Task ServeAsync()
    {
        using var registration = _stop.Token.Register(_listener.Stop);
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            Requests++;
            var file = Path.Combine(_directory, Path.GetFileName(context.Request.Url!.AbsolutePath));
            if (File.Exists(file))
            {
                var bytes = await File.ReadAllBytesAsync(file);
                context.Response.ContentLength64 = bytes.Length;
                await context.Response.OutputStream.WriteAsync(bytes);
            }
            else
            {
                context.Response.StatusCode = 404;
            }

            context.Response.Close();
        }
    }
}
