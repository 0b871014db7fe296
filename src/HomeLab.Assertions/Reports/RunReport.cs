namespace HomeLab.Assertions.Reports;

/// <summary>What a run of tests did.</summary>
/// <param name="Tests">The tests, in the order given.</param>
/// <param name="Duration">How long the run took.</param>
public sealed record RunReport(IReadOnlyList<TestReport> Tests, TimeSpan Duration)
{
    /// <summary>Whether no test failed.</summary>
    public bool Passed => Tests.All(t => t.Status != ReportStatus.Failed);
}
