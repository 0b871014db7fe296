using System.Runtime.CompilerServices;

namespace HomeLab.Testing;

/// <summary>A theory that needs a live cluster: skipped, with the probe's reason (also in its display name), when none is reachable.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class ClusterTheoryAttribute : TheoryAttribute
{
    /// <summary>Creates the attribute, probing the cluster once per test run.</summary>
    /// <param name="test">The test method's name, filled in by the compiler.</param>
    public ClusterTheoryAttribute([CallerMemberName] string test = "")
    {
        if (LiveCluster.SkipReason is { } reason)
        {
            Skip = reason;
            DisplayName = LiveCluster.SkippedName(test);
        }
    }
}
