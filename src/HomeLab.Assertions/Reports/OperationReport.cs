using HomeLab.Assertions.Steps;

namespace HomeLab.Assertions.Reports;

/// <summary>What one operation did.</summary>
/// <param name="Kind">The operation kind.</param>
/// <param name="Phase">Where it ran.</param>
/// <param name="Description">What it was about: <c>assert apps/v1/Deployment web (assert.yaml:1:1)</c>.</param>
/// <param name="Status">How it ended.</param>
/// <param name="Duration">How long it took.</param>
/// <param name="Errors">Field errors and other failure messages, one per entry.</param>
/// <param name="Output">A diff, collected text, or a command's output.</param>
public sealed record OperationReport(
    OperationKind Kind,
    OperationPhase Phase,
    string Description,
    ReportStatus Status,
    TimeSpan Duration,
    IReadOnlyList<string> Errors,
    string Output);
