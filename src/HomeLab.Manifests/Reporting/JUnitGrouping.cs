namespace HomeLab.Manifests.Reporting;

/// <summary>How <see cref="JUnitReporter"/> forms test suites.</summary>
public enum JUnitGrouping
{
    /// <summary>A test suite per file.</summary>
    File,

    /// <summary>A test suite per rule.</summary>
    Rule,
}
