namespace HomeLab.Assertions;

/// <summary>An assertion did not hold before its timeout; the message lists every field error and the diff.</summary>
public sealed class AssertionFailedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public AssertionFailedException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">The failure.</param>
    public AssertionFailedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">The failure.</param>
    /// <param name="innerException">The last exception a check threw.</param>
    public AssertionFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception from errors and a diff.</summary>
    /// <param name="errors">The field errors and other messages.</param>
    /// <param name="diff">Expected vs actual, or empty.</param>
    public AssertionFailedException(IReadOnlyList<string> errors, string diff)
        : base(string.Join('\n', errors) + (diff.Length > 0 ? "\n--- expected\n+++ actual\n" + diff : string.Empty))
    {
        Errors = errors;
        Diff = diff;
    }

    /// <summary>The field errors and other messages.</summary>
    public IReadOnlyList<string> Errors { get; } = [];

    /// <summary>Expected vs actual, trimmed to the asserted keys.</summary>
    public string Diff { get; } = string.Empty;
}
