namespace HomeLab.Pipeline.Suites;

/// <summary>How one C# suite test ended when run inside the build.</summary>
/// <param name="Name">The test's display name: class, method and arguments.</param>
/// <param name="Passed">Whether it passed; false with no <paramref name="Failure"/> means skipped.</param>
/// <param name="Failure">Why it failed; null when it passed or was skipped.</param>
/// <param name="SkipReason">Why it was skipped; null when it ran.</param>
public sealed record SuiteOutcome(string Name, bool Passed, string? Failure, string? SkipReason)
{
    /// <summary>Whether the test was skipped.</summary>
    public bool Skipped => SkipReason is not null;
}
