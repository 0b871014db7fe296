namespace HomeLab.Cluster.Secrets;

/// <summary>Something wrong with a SealedSecret in git, found without a cluster.</summary>
/// <param name="File">The manifest file.</param>
/// <param name="Line">The 1-based line, when known.</param>
/// <param name="Key">The <c>spec.encryptedData</c> key at fault, or null when the problem is the whole SealedSecret.</param>
/// <param name="Message">What is wrong.</param>
/// <param name="Hint">How to fix it.</param>
public sealed record SealedSecretProblem(string File, int? Line, string? Key, string Message, string Hint)
{
    /// <summary>The problem as one line: <c>file:line: message Hint: hint</c>.</summary>
    /// <returns>The line.</returns>
    public override string ToString() =>
        $"{File}{(Line is { } line ? $":{line}" : string.Empty)}: {Message} Hint: {Hint}";
}
