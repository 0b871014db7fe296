namespace HomeLab.Assertions.Reports;

/// <summary>What one test did.</summary>
/// <param name="Name">The test's name.</param>
/// <param name="Namespace">The namespace it ran in.</param>
/// <param name="Status">How it ended.</param>
/// <param name="Duration">How long it took, clean-up included.</param>
/// <param name="Steps">Its steps.</param>
/// <param name="Cleanup">The clean-up operations, in the order they ran.</param>
/// <param name="SkipReason">Why it was skipped, when it was.</param>
public sealed record TestReport(
    string Name,
    string Namespace,
    ReportStatus Status,
    TimeSpan Duration,
    IReadOnlyList<StepReport> Steps,
    IReadOnlyList<OperationReport> Cleanup,
    string? SkipReason = null)
{
    /// <summary>Every failure message of the test, each prefixed with its step.</summary>
    public IEnumerable<string> Failures =>
        Steps.SelectMany(s => s.Operations.Where(o => o.Status == ReportStatus.Failed).SelectMany(o => o.Errors.Select(e => $"{s.Name}: {e}")))
            .Concat(Cleanup.Where(o => o.Status == ReportStatus.Failed).SelectMany(o => o.Errors.Select(e => "cleanup: " + e)));
}
