namespace HomeLab.Testing;

/// <summary>A fact that needs a live cluster: skipped, with the probe's reason, when none is reachable.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class ClusterFactAttribute : FactAttribute
{
    /// <summary>Creates the attribute, probing the cluster once per test run.</summary>
    public ClusterFactAttribute()
    {
        if (LiveCluster.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
