using HomeLab.Manifests.Findings;

namespace HomeLab.Manifests.Objects;

/// <summary>What a <see cref="ManifestScan"/> found: the sets of objects to check and every problem and note along the way.</summary>
/// <param name="Sets">The sets, in a deterministic order; files outside any kustomization come first.</param>
/// <param name="Findings">Problems with paths and files (each bad file reported, the rest still read) and notes on what was skipped.</param>
/// <param name="FilesRead">How many files were read as manifests.</param>
/// <param name="FilesSkipped">How many files were recognised as something other than objects, or ignored by a pattern.</param>
public sealed record ManifestScanResult(IReadOnlyList<ScannedSet> Sets, IReadOnlyList<Finding> Findings, int FilesRead, int FilesSkipped)
{
    /// <summary>Every object of every set.</summary>
    public IEnumerable<KubeObject> Objects => Sets.SelectMany(s => s.Objects);
}
