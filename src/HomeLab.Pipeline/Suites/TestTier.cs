namespace HomeLab.Pipeline.Suites;

/// <summary>Which suites Test runs.</summary>
public enum TestTier
{
    /// <summary>Offline and, where a cluster answers, live.</summary>
    All,

    /// <summary>Checks of the rendered manifests only.</summary>
    Offline,

    /// <summary>Checks against the cluster only.</summary>
    Live,
}
