namespace HomeLab.Cluster.Secrets;

/// <summary>
/// A mistake a user can make while sealing, fetching or verifying secrets (a missing file, a certificate that is not RSA,
/// a strict secret without a namespace): shown as one line with a hint, never as a stack trace.
/// </summary>
public sealed class SecretSealingException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="hint">How to fix it.</param>
    /// <param name="file">The file at fault, when there is one.</param>
    /// <param name="line">The 1-based line in <paramref name="file"/>, when known.</param>
    /// <param name="innerException">The cause, for our own debugging.</param>
    public SecretSealingException(string message, string hint, string? file = null, int? line = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Hint = hint;
        File = file;
        Line = line;
    }

    /// <summary>Creates the exception.</summary>
    public SecretSealingException()
        : this("Sealing failed.", string.Empty)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong.</param>
    public SecretSealingException(string message)
        : this(message, string.Empty)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The cause.</param>
    public SecretSealingException(string message, Exception innerException)
        : this(message, string.Empty, innerException: innerException)
    {
    }

    /// <summary>How to fix the problem; empty when there is nothing more to say.</summary>
    public string Hint { get; }

    /// <summary>The file at fault, when there is one.</summary>
    public string? File { get; }

    /// <summary>The 1-based line in <see cref="File"/>, when known.</summary>
    public int? Line { get; }

    /// <summary>The problem as one line: <c>file:line: message Hint: hint</c>.</summary>
    /// <returns>The line to print.</returns>
    public string ToOneLine()
    {
        var location = File is null ? string.Empty : Line is { } line ? $"{File}:{line}: " : $"{File}: ";
        return Hint.Length == 0 ? location + Message : $"{location}{Message} Hint: {Hint}";
    }
}
