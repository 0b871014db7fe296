using System.Collections.Immutable;

namespace HomeLab.Tools;

/// <summary>
/// Any program without a wrapper of its own (<c>dotnet</c>, <c>bash</c> running a script), run through the same
/// process runner as the wrappers. Immutable: every <c>With…</c> method returns a new instance.
/// </summary>
public sealed class ExternalProgram : CommandLineTool<ExternalProgram>
{
    private ExternalProgram(string executablePath, string? workingDirectory, ImmutableDictionary<string, string?> environment)
        : base(executablePath, workingDirectory, environment)
    {
    }

    /// <summary>Uses a program: a path, or a name looked up on PATH when it starts.</summary>
    /// <param name="executable">The program.</param>
    public ExternalProgram(string executable)
        : this(executable, null, ImmutableDictionary<string, string?>.Empty)
    {
    }

    private protected override ExternalProgram Create(string executablePath, string? workingDirectory, ImmutableDictionary<string, string?> environmentVariables) =>
        new(executablePath, workingDirectory, environmentVariables);
}
