namespace HomeLab.Targets;

/// <summary>One row of the build summary.</summary>
/// <param name="Name">The target.</param>
/// <param name="Status">What became of it.</param>
/// <param name="Duration">How long it ran, when it ran.</param>
/// <param name="Notes">Notes the target added, skip reasons and failure messages.</param>
public sealed record TargetResult(string Name, TargetStatus Status, TimeSpan? Duration, IReadOnlyList<string> Notes);
