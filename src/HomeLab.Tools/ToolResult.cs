namespace HomeLab.Tools;

/// <summary>What a run of an external tool produced.</summary>
/// <param name="Tool">The executable that ran.</param>
/// <param name="Arguments">The arguments it was given.</param>
/// <param name="ExitCode">Its exit code.</param>
/// <param name="StandardOutput">Everything it wrote to standard output.</param>
/// <param name="StandardError">Everything it wrote to standard error.</param>
public sealed record ToolResult(string Tool, IReadOnlyList<string> Arguments, int ExitCode, string StandardOutput, string StandardError)
{
    /// <summary>Whether the tool exited with 0.</summary>
    public bool IsSuccess => ExitCode == 0;

    /// <summary>The command line, for messages: <c>helm template web ./chart</c>.</summary>
    public string CommandLine => string.Join(' ', Arguments.Prepend(Path.GetFileName(Tool)).Select(a => a.Contains(' ', StringComparison.Ordinal) ? $"\"{a}\"" : a));

    /// <summary>This result when the tool succeeded.</summary>
    /// <returns>This result.</returns>
    /// <exception cref="ToolFailedException">The tool exited with a non-zero code.</exception>
    public ToolResult EnsureSuccess() => IsSuccess ? this : throw new ToolFailedException(this);

    /// <summary>The error text to show a user: standard error trimmed, or the exit code when the tool said nothing.</summary>
    public string ErrorMessage => StandardError.Trim() is { Length: > 0 } text ? text : $"{CommandLine} exited with code {ExitCode}";
}
