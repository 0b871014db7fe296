namespace HomeLab.Assertions.Running;

/// <summary>The verdict of one attempt of a check: passed, or the errors and a diff.</summary>
internal sealed record CheckOutcome(bool Passed, IReadOnlyList<string> Errors, string Output)
{
    public static CheckOutcome Pass(string output = "") => new(true, [], output);

    public static CheckOutcome Fail(string error, string output = "") => new(false, [error], output);
}
