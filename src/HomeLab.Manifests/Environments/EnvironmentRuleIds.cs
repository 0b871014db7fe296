namespace HomeLab.Manifests.Environments;

/// <summary>The rule ids of the findings reported while reading environments.</summary>
public static class EnvironmentRuleIds
{
    /// <summary>A directory under <c>clusters/</c> has no environment file.</summary>
    public const string MissingFile = "environment/missing-file";

    /// <summary>A field of the environment file is missing or has the wrong shape.</summary>
    public const string InvalidField = "environment/invalid-field";

    /// <summary>An address range does not parse.</summary>
    public const string InvalidRange = "environment/invalid-range";

    /// <summary>Two address ranges that must be apart overlap.</summary>
    public const string OverlappingRanges = "environment/overlapping-ranges";

    /// <summary>The load-balancer pool lies outside the LAN.</summary>
    public const string PoolOutsideLan = "environment/pool-outside-lan";

    /// <summary>A path to render does not exist.</summary>
    public const string RenderPathNotFound = "environment/render-path-not-found";
}
