namespace HomeLab.Cluster.K3d;

/// <summary>What ClusterUp did to get a running cluster.</summary>
public enum ClusterUpAction
{
    /// <summary>It was running and matched the config: reused as it is.</summary>
    Reused,

    /// <summary>It existed but was stopped: started.</summary>
    Started,

    /// <summary>There was none: created.</summary>
    Created,

    /// <summary>It differed from the config and <c>--recreate</c> was given: deleted and created.</summary>
    Recreated,
}
