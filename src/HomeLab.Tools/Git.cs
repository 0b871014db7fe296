using System.Collections.Immutable;

namespace HomeLab.Tools;

/// <summary>
/// git, run through CliWrap. Immutable: every <c>With…</c> method returns a new instance. It never prompts (a
/// pipeline has no one to answer), and the queries a pipeline asks of a working tree are typed.
/// </summary>
public sealed class Git : CommandLineTool<Git>
{
    /// <summary>The tool's name, also the file name looked for on PATH and in <c>.nuke/tools</c>.</summary>
    public const string ToolName = "git";

    /// <summary>How to get git when it is missing.</summary>
    public const string InstallHint = "install git (https://git-scm.com/downloads), put it on PATH or set GIT_EXE";

    private Git(string executablePath, string? workingDirectory, ImmutableDictionary<string, string?> environment)
        : base(executablePath, workingDirectory, environment)
    {
    }

    /// <summary>Uses a git executable.</summary>
    /// <param name="executablePath">The executable.</param>
    public Git(string executablePath)
        : this(executablePath, null, ImmutableDictionary<string, string?>.Empty.Add("GIT_TERMINAL_PROMPT", "0"))
    {
    }

    /// <summary>Finds git: explicit path, <c>GIT_EXE</c>, PATH, then <c>&lt;root&gt;/.nuke/tools/git</c>.</summary>
    /// <param name="explicitPath">A path given by the caller; wins when set.</param>
    /// <param name="repositoryRoot">The repository root; found from the current directory when null.</param>
    /// <returns>The wrapper.</returns>
    /// <exception cref="ToolNotFoundException">git is nowhere to be found.</exception>
    public static Git Locate(string? explicitPath = null, string? repositoryRoot = null) =>
        new(ToolLocator.Locate(ToolName, InstallHint, explicitPath, repositoryRoot));

    /// <summary>The arguments of <c>git status --porcelain=v1 -z</c>: changed and untracked files, machine-readable.</summary>
    public static IReadOnlyList<string> StatusArguments { get; } = ["status", "--porcelain=v1", "-z", "--untracked-files=all"];

    /// <summary>The commit <c>HEAD</c> points at.</summary>
    /// <param name="cancellationToken">Stops git.</param>
    /// <returns>The full commit id.</returns>
    /// <exception cref="ToolFailedException">Not a repository, or it has no commit yet.</exception>
    public async Task<string> HeadCommitAsync(CancellationToken cancellationToken = default) =>
        (await ExecuteAsync(["rev-parse", "HEAD"], cancellationToken).ConfigureAwait(false)).EnsureSuccess().StandardOutput.Trim();

    /// <summary>The branch checked out; null when <c>HEAD</c> is detached.</summary>
    /// <param name="cancellationToken">Stops git.</param>
    /// <returns>The branch's short name, or null.</returns>
    /// <exception cref="ToolFailedException">Not a repository.</exception>
    public async Task<string?> CurrentBranchAsync(CancellationToken cancellationToken = default)
    {
        var result = await ExecuteAsync(["symbolic-ref", "--quiet", "--short", "HEAD"], cancellationToken).ConfigureAwait(false);
        return result.ExitCode == 1 && result.StandardError.Length == 0 ? null : result.EnsureSuccess().StandardOutput.Trim();
    }

    /// <summary>The files that differ from <c>HEAD</c> or are untracked, relative to the top of the working tree.</summary>
    /// <param name="cancellationToken">Stops git.</param>
    /// <returns>The paths, in git's order.</returns>
    /// <exception cref="ToolFailedException">Not a repository.</exception>
    public async Task<IReadOnlyList<string>> ChangedFilesAsync(CancellationToken cancellationToken = default) =>
        ParseStatus((await ExecuteAsync(StatusArguments, cancellationToken).ConfigureAwait(false)).EnsureSuccess().StandardOutput);

    /// <summary>Reads <c>git status --porcelain=v1 -z</c>: <c>XY path\0</c> entries; a rename adds its old path as a second entry.</summary>
    /// <param name="output">The output.</param>
    /// <returns>The changed paths (a rename's new path).</returns>
    public static IReadOnlyList<string> ParseStatus(string output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var paths = new List<string>();
        var entries = output.Split('\0', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < entries.Length; i++)
        {
            var entry = entries[i];
            if (entry.Length < 4)
            {
                continue;
            }

            paths.Add(entry[3..]);
            if (entry[0] is 'R' or 'C')
            {
                i++; // the old path of a rename or copy follows
            }
        }

        return paths;
    }

    private protected override Git Create(string executablePath, string? workingDirectory, ImmutableDictionary<string, string?> environmentVariables) =>
        new(executablePath, workingDirectory, environmentVariables);
}
