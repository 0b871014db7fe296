using System.Net;
using HomeLab.Testing;
using HomeLab.Tools;

namespace HomeLab.Manifests.Tests.Rendering;

/// <summary>
/// A real chart repository for tests: a chart made with <c>helm create</c>, packaged with <c>helm package</c>, indexed with
/// <c>helm repo index</c>, and served on 127.0.0.1 on a free port. It stops when disposed, and on its own after a minute.
/// </summary>
internal sealed class LoopbackChartRepository : LoopbackHttpServer
{
    private readonly string _directory;

    private LoopbackChartRepository(string directory)
        : base(TimeSpan.FromMinutes(1)) => _directory = directory;

    public string Url => BaseAddress.AbsoluteUri;

    /// <summary>The directory served: the packages and index.yaml.</summary>
    public string ServedDirectory => _directory;

    public static async Task<LoopbackChartRepository> StartAsync(Helm helm, string workDirectory, string chart, string version)
    {
        var served = Directory.CreateDirectory(Path.Combine(workDirectory, "served")).FullName;
        var repository = new LoopbackChartRepository(served);
        await Run(helm.WithWorkingDirectory(workDirectory), "create", chart);
        await Run(helm.WithWorkingDirectory(workDirectory), "package", chart, "--version", version, "--destination", served);
        await Run(helm, "repo", "index", served, "--url", repository.Url.TrimEnd('/'));
        return repository;
    }

    /// <summary>Serves charts a test wrote: each directory packaged at the version its Chart.yaml names, then indexed.</summary>
    public static async Task<LoopbackChartRepository> ServeAsync(Helm helm, string workDirectory, params string[] chartDirectories)
    {
        var served = Directory.CreateDirectory(Path.Combine(workDirectory, "served")).FullName;
        var repository = new LoopbackChartRepository(served);
        foreach (var chart in chartDirectories)
        {
            await Run(helm, "package", chart, "--destination", served);
        }

        await Run(helm, "repo", "index", served, "--url", repository.Url.TrimEnd('/'));
        return repository;
    }

    protected override async Task HandleAsync(HttpListenerContext context)
    {
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

    private static async Task Run(Helm helm, params string[] arguments)
    {
        var result = await helm.ExecuteAsync(arguments);
        result.IsSuccess.Should().BeTrue($"helm {string.Join(' ', arguments)} should work: {result.StandardError}");
    }
}
