using DotNet.Testcontainers.Builders;
using HomeLab.Cluster.Client;
using Testcontainers.K3s;

namespace HomeLab.Testing;

/// <summary>
/// A throw-away k3s in Docker (Testcontainers.K3s), started once for a test class. Where Docker is not
/// installed or not running, nothing starts and <see cref="SkipReason"/> says why; tests then Skip.If on it.
/// </summary>
public sealed class K3sClusterFixture : IAsyncLifetime
{
    /// <summary>The k3s image: <c>HOMELAB_K3S_IMAGE</c>, else a release matching the kubectl 1.32 the project uses.</summary>
    public static readonly string Image = Environment.GetEnvironmentVariable("HOMELAB_K3S_IMAGE") is { Length: > 0 } image ? image : "rancher/k3s:v1.32.5-k3s1";

    private K3sContainer? _container;

    /// <summary>Why the k3s tests are skipped, or null when k3s is running.</summary>
    public string? SkipReason { get; private set; }

    private string? _kubeconfig;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        try
        {
            _container = new K3sBuilder(Image).Build();
        }
        catch (DockerUnavailableException e)
        {
            SkipReason = $"needs Docker for a Testcontainers k3s: {e.Message.Split('\n')[0]}";
            return;
        }

        await _container.StartAsync();
        _kubeconfig = await _container.GetKubeconfigAsync();
    }

    /// <summary>A new connection to the running k3s; the caller disposes it.</summary>
    /// <returns>The connection.</returns>
    public ClusterConnection CreateConnection() =>
        ClusterConnection.FromKubeconfig(_kubeconfig ?? throw new InvalidOperationException($"k3s is not running: {SkipReason}"));

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_container is not null)
        {
            await _container.DisposeAsync();
        }
    }
}
