using HomeLab.Cluster.Client;
using HomeLab.Testing;

namespace HomeLab.Stack.Tests;

/// <summary>
/// The base of the live suites: connects once per test class when a cluster answers (the [ClusterFact]s skip with
/// the reason otherwise) and lets go of the connection at the end.
/// </summary>
public abstract class LiveTests : IDisposable
{
    /// <summary>Connects when a cluster is reachable.</summary>
    protected LiveTests() => Connection = LiveCluster.SkipReason is null ? LiveCluster.Connect() : null;

    /// <summary>The connection; null only when the tests skip.</summary>
    protected ClusterConnection? Connection { get; }

    /// <inheritdoc />
    public void Dispose()
    {
        Connection?.Dispose();
        GC.SuppressFinalize(this);
    }
}
