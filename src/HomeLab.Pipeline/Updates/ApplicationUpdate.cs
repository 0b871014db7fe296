using HomeLab.Manifests.Diff;
using HomeLab.Manifests.Findings;

namespace HomeLab.Pipeline.Updates;

/// <summary>What an update changes in one Application of one environment, and what it breaks there.</summary>
/// <param name="Application">The Application (or the environment's own source, when no Application renders it).</param>
/// <param name="Environment">The environment.</param>
/// <param name="Changes">The objects that differ between base and head.</param>
/// <param name="Findings">What the update breaks: dropped values keys, dropped CRD versions, new lint findings.</param>
public sealed record ApplicationUpdate(string Application, string Environment, IReadOnlyList<ObjectChange> Changes, IReadOnlyList<Finding> Findings)
{
    /// <summary>Whether anything here fails the verification.</summary>
    public bool Fails => Findings.Any(f => f.Severity == Severity.Error);
}
