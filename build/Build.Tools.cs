using HomeLab.Targets;
using HomeLab.Targets.Components;

partial class Build
{
    /// <summary>Runs the dotnet CLI in the root, streaming its output; a non-zero exit fails the target.</summary>
    async Task DotNet(CancellationToken cancellationToken, params string[] arguments)
    {
        var exitCode = await ChildProcess.RunAsync("dotnet", arguments, RootDirectory, line => Console.WriteLine(line.Text), cancellationToken);
        if (exitCode != 0)
        {
            throw new TargetFailedException($"dotnet {arguments[0]} exited with {exitCode}.");
        }
    }
}
