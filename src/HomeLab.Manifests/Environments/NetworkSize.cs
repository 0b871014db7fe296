namespace HomeLab.Manifests.Environments;

/// <summary>How big the cluster's default pod and service ranges are, when the environment does not give them.</summary>
public enum NetworkSize
{
    /// <summary>A <c>/24</c> per range: a handful of nodes and a few hundred pods.</summary>
    Small,

    /// <summary>A <c>/20</c> per range.</summary>
    Medium,

    /// <summary>A <c>/16</c> per range, as k3s uses by default.</summary>
    Large,
}
