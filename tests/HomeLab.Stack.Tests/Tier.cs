namespace HomeLab.Stack.Tests;

/// <summary>
/// Test tiers, as xunit traits: <c>[Trait(Tier.Name, Tier.Offline)]</c>. Offline tests check what the rendered
/// manifests say and run everywhere (./build.sh runs them with --filter tier=offline); live tests need a cluster
/// (./build.sh ClusterUp Test) and skip with the reason when none answers.
/// </summary>
public static class Tier
{
    /// <summary>The trait name.</summary>
    public const string Name = "tier";

    /// <summary>Checks of the rendered manifests; no cluster.</summary>
    public const string Offline = "offline";

    /// <summary>Checks against a running cluster.</summary>
    public const string Live = "live";
}
