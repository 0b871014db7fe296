using System.Linq.Expressions;

namespace HomeLab.Targets;

/// <summary>
/// The base of a build: <c>class Build : BuildBase</c> with <c>Main() =&gt; Execute&lt;Build&gt;(x =&gt; x.Verify)</c>.
/// The engine sets the properties here before any target runs; field initializers run earlier, so use
/// expression-bodied properties (<c>AbsolutePath Manifests =&gt; RootDirectory / "manifests"</c>) for paths.
/// </summary>
public abstract class BuildBase : IBuild
{
    /// <summary>The repository root: <c>--root</c>, or the nearest directory above the working directory with <c>.nuke</c>.</summary>
    public AbsolutePath RootDirectory { get; internal set; } = AbsolutePath.FromAbsolute(Directory.GetCurrentDirectory());

    /// <summary><c>.nuke/temp</c> under the root: scratch output, ignored by git.</summary>
    public AbsolutePath TemporaryDirectory => RootDirectory / ".nuke" / "temp";

    /// <summary>How much the build prints.</summary>
    [Parameter("How much to print: quiet, minimal, normal or verbose.")]
    public Verbosity Verbosity { get; internal set; } = Verbosity.Normal;

    /// <summary>The environment variables the build was started with.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; internal set; } = new Dictionary<string, string>();

    /// <summary>True on a CI server (the <c>CI</c> variable is set), false on a developer's machine.</summary>
    public bool IsServerBuild => Environment.ContainsKey("CI") || IsGitHubActions;

    /// <summary>True on a developer's machine.</summary>
    public bool IsLocalBuild => !IsServerBuild;

    /// <summary>True when running in GitHub Actions.</summary>
    public bool IsGitHubActions => Environment.TryGetValue("GITHUB_ACTIONS", out var value) && value == "true";

    /// <summary>The targets invoked on the command line (or the default one).</summary>
    public IReadOnlyList<ExecutableTarget> InvokedTargets { get; internal set; } = [];

    /// <summary>The build's targets, parameters and plan machinery.</summary>
    public BuildModel? Model { get; internal set; }

    /// <summary>The build's parameters with their values and sources.</summary>
    public IReadOnlyList<BuildParameter> Parameters { get; internal set; } = [];

    /// <summary>The clock; tests inject a fake one.</summary>
    public TimeProvider Time { get; internal set; } = TimeProvider.System;

    /// <summary>The values bound to parameters that component interfaces declare, by interface and name.</summary>
    internal Dictionary<string, object?> ComponentParameterValues { get; } = new(StringComparer.Ordinal);

    /// <summary>A line printed before the build starts (suppressed by <c>--no-logo</c>); null prints nothing.</summary>
    protected internal virtual string? Logo => null;

    /// <summary>Runs the build with the process's command line and returns the exit code.</summary>
    /// <typeparam name="T">The build class.</typeparam>
    /// <param name="defaultTargets">What runs when no target is named.</param>
    /// <returns>0 succeeded, 1 a target failed, 2 a usage error, 130 cancelled.</returns>
    protected static int Execute<T>(params Expression<Func<T, Target>>[] defaultTargets)
        where T : BuildBase, new() =>
        BuildRunner.RunConsole<T>(System.Environment.GetCommandLineArgs().Skip(1).ToArray(), defaultTargets);
}
