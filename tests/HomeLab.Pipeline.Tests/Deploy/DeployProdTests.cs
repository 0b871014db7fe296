using HomeLab.Pipeline.ClusterLifecycle;
using HomeLab.Pipeline.Deploy;
using HomeLab.Pipeline.Findings;
using HomeLab.Pipeline.Manifests;
using HomeLab.Targets;

namespace HomeLab.Pipeline.Tests.Deploy;

/// <summary>A build made of the promotion component, as build/ composes it.</summary>
internal sealed class DeployBuild : BuildBase, IDeployProd
{
    public FindingLedger Findings { get; } = new();

    public CheckedSets Rendered { get; } = new();

    public StageTimes ClusterStages { get; } = new();
}

/// <summary>DeployProd as a user types it: the guard runs before anything renders, and a missing declaration is one line.</summary>
public sealed class DeployProdTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("homelab-deploy-").FullName;

    public DeployProdTests()
    {
        Directory.CreateDirectory(Path.Combine(root, ".nuke"));
        Directory.CreateDirectory(Path.Combine(root, "clusters", "k3s"));
    }

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public async Task DeployProd_plans_the_guard_first_and_the_checks_before_the_deployment()
    {
        var (exitCode, output) = await RunAsync("DeployProd", "--dry-run", "--plan");

        exitCode.Should().Be(0, output);
        string[] order = [" DeployGuard", " Render", " Validate", " Lint", " VerifySealedSecrets", " DeployProd"];
        order.Select(t => output.IndexOf(t, StringComparison.Ordinal)).Should().BeInAscendingOrder(output).And.NotContain(-1);
    }

    [Fact]
    public async Task An_environment_without_a_cluster_declaration_stops_the_guard_with_one_line()
    {
        await File.WriteAllTextAsync(Path.Combine(root, "clusters", "k3s", "environment.yaml"), "name: k3s\n");

        var (exitCode, output) = await RunAsync("DeployGuard");

        exitCode.Should().NotBe(0, output);
        output.Should().Contain("environment.yaml:1: k3s declares no cluster; hint: add cluster:");
        output.Should().NotContain("   at HomeLab", "a user error is a message, not a stack trace");
    }

    private async Task<(int ExitCode, string Output)> RunAsync(params string[] arguments)
    {
        using var output = new StringWriter();
        var exitCode = await BuildRunner.RunAsync(
            new BuildRunSettings
            {
                Arguments = [.. arguments, "--root", root, "--no-logo"],
                Output = output,
                WorkingDirectory = root,
                WriteSchema = false,
                Environment = new Dictionary<string, string>(),
            },
            new DeployBuild(),
            x => ((IDeployProd)x).DeployProd);
        return (exitCode, output.ToString());
    }
}
