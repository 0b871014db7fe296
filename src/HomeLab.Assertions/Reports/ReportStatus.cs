namespace HomeLab.Assertions.Reports;

/// <summary>How a test, step or operation ended.</summary>
public enum ReportStatus
{
    /// <summary>It passed.</summary>
    Passed,

    /// <summary>It failed.</summary>
    Failed,

    /// <summary>It did not run (skipped, or an earlier step failed).</summary>
    Skipped,
}
