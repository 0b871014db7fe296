namespace HomeLab.Tools;

/// <summary>
/// Resolves an external tool's executable, in order: an explicit path, the <c>&lt;TOOL&gt;_EXE</c> environment
/// variable (<c>KUBECTL_EXE</c>, <c>HELM_EXE</c>), <c>PATH</c>, then <c>&lt;repository root&gt;/.nuke/tools/&lt;tool&gt;</c>.
/// </summary>
public static class ToolLocator
{
    /// <summary>The name of the environment variable that points at a tool, such as <c>HELM_EXE</c>.</summary>
    /// <param name="toolName">The tool, such as <c>helm</c>.</param>
    /// <returns>The variable's name.</returns>
    public static string EnvironmentVariableFor(string toolName)
    {
        ArgumentException.ThrowIfNullOrEmpty(toolName);
        return toolName.ToUpperInvariant() + "_EXE";
    }

    /// <summary>Resolves a tool's executable.</summary>
    /// <param name="toolName">The tool, such as <c>helm</c>.</param>
    /// <param name="installHint">How to install the tool, for the error when it is missing.</param>
    /// <param name="explicitPath">A path given by the caller (a build parameter); wins over everything else.</param>
    /// <param name="repositoryRoot">The repository root for the <c>.nuke/tools</c> fallback; found from the current directory when null.</param>
    /// <param name="environment">Reads environment variables; <see cref="Environment.GetEnvironmentVariable(string)"/> when null.</param>
    /// <returns>The executable's full path.</returns>
    /// <exception cref="ToolNotFoundException">The tool is nowhere to be found, or an explicit path does not exist.</exception>
    public static string Locate(string toolName, string installHint, string? explicitPath = null, string? repositoryRoot = null, Func<string, string?>? environment = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(toolName);
        environment ??= Environment.GetEnvironmentVariable;
        if (!string.IsNullOrEmpty(explicitPath))
        {
            return File.Exists(explicitPath)
                ? Path.GetFullPath(explicitPath)
                : throw new ToolNotFoundException(toolName, $"{toolName} was given as '{explicitPath}', which does not exist", installHint);
        }

        var variable = EnvironmentVariableFor(toolName);
        if (environment(variable) is { Length: > 0 } fromVariable)
        {
            return File.Exists(fromVariable)
                ? Path.GetFullPath(fromVariable)
                : throw new ToolNotFoundException(toolName, $"{variable} is '{fromVariable}', which does not exist", installHint);
        }

        var names = OperatingSystem.IsWindows() ? [toolName + ".exe", toolName] : new[] { toolName };
        foreach (var directory in (environment("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var name in names)
            {
                var candidate = Path.Combine(directory, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        var root = repositoryRoot ?? RepositoryRoot.Find();
        if (root is not null)
        {
            foreach (var name in names)
            {
                var candidate = Path.Combine(root, ".nuke", "tools", name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        var pinned = root is null ? ".nuke/tools" : Path.Combine(root, ".nuke", "tools");
        throw new ToolNotFoundException(toolName, $"{toolName} was not found: not given as a parameter, {variable} is not set, not on PATH, not in {pinned}", installHint);
    }
}
