using HomeLab.Manifests.Findings;

namespace HomeLab.Manifests.Reporting;

/// <summary>Writes findings in one format (console text, SARIF, JUnit XML).</summary>
public interface IFindingReporter
{
    /// <summary>Writes the findings.</summary>
    /// <param name="findings">The findings, in the order to report them.</param>
    /// <param name="writer">Where to write.</param>
    void Write(IReadOnlyList<Finding> findings, TextWriter writer);
}
