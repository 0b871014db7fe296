using System.Runtime.CompilerServices;

namespace HomeLab.Testing;

/// <summary>
/// A fact that needs a live cluster: skipped, with the probe's reason, when none is reachable. The reason is also
/// put in the test's display name, because <c>dotnet test</c> at its default verbosity lists a skipped test by name
/// only and never prints why.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class ClusterFactAttribute : FactAttribute
{
    /// <summary>Creates the attribute, probing the cluster once per test run.</summary>
    /// <param name="test">The test method's name, filled in by the compiler.</param>
    public ClusterFactAttribute([CallerMemberName] string test = "")
    {
        if (LiveCluster.SkipReason is { } reason)
        {
            Skip = reason;
            DisplayName = LiveCluster.SkippedName(test);
        }
    }
}
