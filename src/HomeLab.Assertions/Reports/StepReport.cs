namespace HomeLab.Assertions.Reports;

/// <summary>What one step did.</summary>
/// <param name="Name">The step's name.</param>
/// <param name="Status">Failed when a try operation failed.</param>
/// <param name="Duration">How long it took.</param>
/// <param name="Operations">Its operations in the order they ran (try, catch, finally).</param>
public sealed record StepReport(string Name, ReportStatus Status, TimeSpan Duration, IReadOnlyList<OperationReport> Operations);
