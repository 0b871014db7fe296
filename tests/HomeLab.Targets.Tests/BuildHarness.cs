using HomeLab.Targets;

namespace HomeLab.Targets.Tests;

/// <summary>Runs test builds in a temporary root (with .nuke) and captures what the engine printed.</summary>
internal sealed class BuildHarness : IDisposable
{
    public BuildHarness()
    {
        Root = Directory.CreateTempSubdirectory("homelab-targets-").FullName;
        Directory.CreateDirectory(Path.Combine(Root, ".nuke"));
    }

    public string Root { get; }

    public Dictionary<string, string> Environment { get; } = [];

    public void WriteParameters(string fileName, string json) => File.WriteAllText(Path.Combine(Root, ".nuke", fileName), json);

    public async Task<BuildRun> RunAsync<T>(T build, params string[] args)
        where T : BuildBase => await RunAsync(build, CancellationToken.None, args);

    public async Task<BuildRun> RunAsync<T>(T build, CancellationToken cancel, params string[] args)
        where T : BuildBase
    {
        using var output = new StringWriter();
        var settings = new BuildRunSettings
        {
            Arguments = args,
            Output = output,
            Environment = Environment,
            WorkingDirectory = Root,
            Cancel = cancel,
            WriteSchema = false,
        };
        var exitCode = await BuildRunner.RunAsync(settings, build, DefaultTarget<T>());
        return new BuildRun(exitCode, output.ToString());
    }

    private static System.Linq.Expressions.Expression<Func<T, Target>>[] DefaultTarget<T>()
        where T : BuildBase
    {
        var property = typeof(T).GetProperty("Default", System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Public);
        if (property is null || property.PropertyType != typeof(Target))
        {
            return [];
        }

        var parameter = System.Linq.Expressions.Expression.Parameter(typeof(T), "x");
        return [System.Linq.Expressions.Expression.Lambda<Func<T, Target>>(System.Linq.Expressions.Expression.Property(parameter, property), parameter)];
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}

internal sealed record BuildRun(int ExitCode, string Output)
{
    /// <summary>The summary row of a target: its status word.</summary>
    public string StatusOf(string target)
    {
        var line = Output.Split('\n').LastOrDefault(l => l.StartsWith(target + " ", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"No summary row for {target} in:\n{Output}");
        return line[target.Length..].Trim().Split(' ')[0];
    }

    public string RowOf(string target) =>
        Output.Split('\n').LastOrDefault(l => l.StartsWith(target + " ", StringComparison.Ordinal)) ?? string.Empty;
}
