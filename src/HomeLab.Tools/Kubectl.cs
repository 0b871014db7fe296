using System.Collections.Immutable;

namespace HomeLab.Tools;

/// <summary>
/// kubectl, run through CliWrap. Immutable: every <c>With…</c> method returns a new instance.
/// Only what rendering needs is here: <c>kubectl kustomize</c> (kustomize is built into kubectl).
/// </summary>
public sealed class Kubectl : CommandLineTool<Kubectl>
{
    /// <summary>The tool's name, also the file name looked for on PATH and in <c>.nuke/tools</c>.</summary>
    public const string ToolName = "kubectl";

    /// <summary>How to get kubectl when it is missing.</summary>
    public const string InstallHint = "install kubectl 1.32 or newer (https://kubernetes.io/docs/tasks/tools/), put it on PATH or set KUBECTL_EXE";

    private Kubectl(string executablePath, string? workingDirectory, ImmutableDictionary<string, string?> environment)
        : base(executablePath, workingDirectory, environment)
    {
    }

    /// <summary>Uses a kubectl executable.</summary>
    /// <param name="executablePath">The executable.</param>
    public Kubectl(string executablePath)
        : this(executablePath, null, ImmutableDictionary<string, string?>.Empty)
    {
    }

    /// <summary>Finds kubectl: explicit path, <c>KUBECTL_EXE</c>, PATH, then <c>&lt;root&gt;/.nuke/tools/kubectl</c>.</summary>
    /// <param name="explicitPath">A path given by the caller; wins when set.</param>
    /// <param name="repositoryRoot">The repository root; found from the current directory when null.</param>
    /// <returns>The wrapper.</returns>
    /// <exception cref="ToolNotFoundException">kubectl is nowhere to be found.</exception>
    public static Kubectl Locate(string? explicitPath = null, string? repositoryRoot = null) =>
        new(ToolLocator.Locate(ToolName, InstallHint, explicitPath, repositoryRoot));

    /// <summary>The arguments of <c>kubectl kustomize &lt;directory&gt;</c>.</summary>
    /// <param name="directory">The kustomization directory.</param>
    /// <returns>The arguments.</returns>
    public static IReadOnlyList<string> KustomizeArguments(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        return ["kustomize", directory];
    }

    /// <summary>Runs <c>kubectl kustomize &lt;directory&gt;</c>.</summary>
    /// <param name="directory">The kustomization directory.</param>
    /// <param name="cancellationToken">Stops the tool.</param>
    /// <returns>The result; the rendered YAML is its standard output.</returns>
    public Task<ToolResult> KustomizeAsync(string directory, CancellationToken cancellationToken = default) =>
        ExecuteAsync(KustomizeArguments(directory), cancellationToken);

    private protected override Kubectl Create(string executablePath, string? workingDirectory, ImmutableDictionary<string, string?> environmentVariables) =>
        new(executablePath, workingDirectory, environmentVariables);
}
