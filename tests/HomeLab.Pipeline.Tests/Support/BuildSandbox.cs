using System.Linq.Expressions;
using HomeLab.Targets;

namespace HomeLab.Pipeline.Tests.Support;

/// <summary>A temporary repository root (with its .nuke/) in which a test runs a small build as a user would.</summary>
internal sealed class BuildSandbox : IDisposable
{
    public BuildSandbox(string prefix)
    {
        Root = Directory.CreateTempSubdirectory(prefix).FullName;
        Directory.CreateDirectory(Path.Combine(Root, ".nuke"));
    }

    public string Root { get; }

    /// <summary>Runs the build with the arguments, an empty environment and no schema written; returns its exit code and output.</summary>
    public async Task<(int ExitCode, string Output, TBuild Build)> RunAsync<TBuild>(Expression<Func<TBuild, Target>> defaultTarget, params string[] arguments)
        where TBuild : BuildBase, new()
    {
        var build = new TBuild();
        using var output = new StringWriter();
        var exitCode = await BuildRunner.RunAsync(
            new BuildRunSettings { Arguments = [.. arguments, "--root", Root, "--no-logo"], Output = output, WorkingDirectory = Root, WriteSchema = false, Environment = new Dictionary<string, string>() },
            build,
            defaultTarget);
        return (exitCode, output.ToString(), build);
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
