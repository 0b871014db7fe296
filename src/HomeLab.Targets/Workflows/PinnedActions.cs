namespace HomeLab.Targets.Workflows;

/// <summary>
/// The third-party actions the generated workflows use, each pinned to the commit its release tag points at.
/// Bumping one is a change here and a regeneration (<c>./build.sh GenerateWorkflows</c>).
/// </summary>
public static class PinnedActions
{
    /// <summary>actions/checkout v4.2.2.</summary>
    public static ActionReference Checkout { get; } = new("actions/checkout", "11bd71901bbe5b1630ceea73d27597364c9af683", "v4.2.2");

    /// <summary>actions/setup-dotnet v4.3.1 (reads the SDK version from global.json).</summary>
    public static ActionReference SetupDotNet { get; } = new("actions/setup-dotnet", "67a3573c9a986a3f9c594539f4ab511d57bb3ce9", "v4.3.1");

    /// <summary>actions/cache v4.2.3.</summary>
    public static ActionReference Cache { get; } = new("actions/cache", "5a3ec84eff668545956fd18022155c47e93e2684", "v4.2.3");

    /// <summary>actions/upload-artifact v4.6.2.</summary>
    public static ActionReference UploadArtifact { get; } = new("actions/upload-artifact", "ea165f8d65b6e75b540449e92b4886f43607fa02", "v4.6.2");

    /// <summary>github/codeql-action/upload-sarif v3.29.2 (SARIF to code scanning).</summary>
    public static ActionReference UploadSarif { get; } = new("github/codeql-action/upload-sarif", "181d5eefc20863364f96762470ba6f862bdef56b", "v3.29.2");
}
