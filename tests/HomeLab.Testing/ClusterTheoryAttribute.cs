namespace HomeLab.Testing;

/// <summary>A theory that needs a live cluster: skipped, with the probe's reason, when none is reachable.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class ClusterTheoryAttribute : TheoryAttribute
{
    /// <summary>Creates the attribute, probing the cluster once per test run.</summary>
    public ClusterTheoryAttribute()
    {
        if (LiveCluster.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
