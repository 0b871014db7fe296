namespace HomeLab.Cluster.Secrets;

/// <summary>What the <c>Seal</c> target did.</summary>
/// <param name="OutputPath">The SealedSecret file.</param>
/// <param name="Changed">Whether the file was written (false when its content was already exactly this).</param>
/// <param name="Manifest">The SealedSecret.</param>
/// <param name="Keys">What happened to each key.</param>
/// <param name="Warnings">Things the user should know: an expired certificate, values kept without proof.</param>
public sealed record SealResult(
    string? OutputPath,
    bool Changed,
    SealedSecretManifest Manifest,
    IReadOnlyList<SealedKeyReport> Keys,
    IReadOnlyList<string> Warnings)
{
    /// <summary>A one-line summary, such as <c>apps/x/secret.yaml: 1 added, 2 unchanged</c>; no values, ever.</summary>
    /// <returns>The summary.</returns>
    public string Summarize()
    {
        var counts = Keys.GroupBy(key => key.Outcome).OrderBy(group => group.Key)
            .Select(group => $"{group.Count()} {Describe(group.Key)}");
        return $"{OutputPath ?? "standard output"} ({Manifest.Target}): {string.Join(", ", counts)}{(Changed ? string.Empty : "; file unchanged")}";
    }

    private static string Describe(SealedKeyOutcome outcome) => outcome switch
    {
        SealedKeyOutcome.KeptUnverified => "kept unverified",
        _ => outcome.ToString().ToLowerInvariant(),
    };
}
