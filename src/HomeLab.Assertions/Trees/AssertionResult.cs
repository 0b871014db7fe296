using System.Text;

namespace HomeLab.Assertions.Trees;

/// <summary>The outcome of evaluating an assertion tree against one object.</summary>
public sealed class AssertionResult
{
    /// <summary>Creates a result.</summary>
    /// <param name="errors">The field errors; none means the object matches.</param>
    /// <param name="diff">Expected vs actual trimmed to the asserted keys, or empty.</param>
    public AssertionResult(IReadOnlyList<FieldError> errors, string diff)
    {
        Errors = errors;
        Diff = diff;
    }

    /// <summary>A result with no errors.</summary>
    public static AssertionResult Match { get; } = new([], string.Empty);

    /// <summary>Every field that did not match.</summary>
    public IReadOnlyList<FieldError> Errors { get; }

    /// <summary>Whether the object matches the tree.</summary>
    public bool IsMatch => Errors.Count == 0;

    /// <summary>
    /// A diff of the asserted keys: lines starting <c>- </c> are expected, <c>+ </c> actual, two spaces equal.
    /// Empty when the object matches or the diff was not requested.
    /// </summary>
    public string Diff { get; }

    /// <summary>The errors, one a line, then the diff.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        if (IsMatch)
        {
            return "match";
        }

        var builder = new StringBuilder();
        foreach (var error in Errors)
        {
            builder.AppendLine(error.ToString());
        }

        if (Diff.Length > 0)
        {
            builder.AppendLine("--- expected").AppendLine("+++ actual").Append(Diff);
        }

        return builder.ToString();
    }
}
