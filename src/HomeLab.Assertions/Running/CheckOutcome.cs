namespace HomeLab.Assertions.Running;

/// <summary>The verdict of one attempt of a check: passed, or the errors and a diff.</summary>
internal sealed record CheckOutcome(bool Passed, IReadOnlyList<string> Errors, string Output)
{
    /// <summary>Whether waiting should stop at this failure rather than try again (an expression error, when not retried).</summary>
    public bool Final { get; init; }

    /// <summary>The bindings the operation's <c>outputs</c> set, in order.</summary>
    public IReadOnlyList<KeyValuePair<string, Newtonsoft.Json.Linq.JToken>> Outputs { get; init; } = [];

    public static CheckOutcome Pass(string output = "") => new(true, [], output);

    public static CheckOutcome Fail(string error, string output = "") => new(false, [error], output);
}
