using HomeLab.Pipeline.ClusterLifecycle;
using HomeLab.Pipeline.Findings;
using HomeLab.Pipeline.Manifests;
using HomeLab.Targets;

namespace HomeLab.Pipeline.Tests.ClusterLifecycle;

/// <summary>A build made of the cluster lifecycle component, as build/ composes it.</summary>
internal sealed class LifecycleBuild : BuildBase, IClusterLifecycle
{
    public FindingLedger Findings { get; } = new();

    public CheckedSets Rendered { get; } = new();

    public StageTimes ClusterStages { get; } = new();
}

/// <summary>The live pair as a user types it, against a fake k3d on K3D_EXE that records its arguments and keeps a state file.</summary>
public sealed class ClusterLifecycleTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("homelab-lifecycle-").FullName;

    public ClusterLifecycleTests()
    {
        Directory.CreateDirectory(Path.Combine(root, ".nuke"));
        Directory.CreateDirectory(Path.Combine(root, "clusters", "k3d"));
        File.Copy(Fixture("k3d.yaml"), Path.Combine(root, "clusters", "k3d", "k3d.yaml"));
        FakeK3d = Path.Combine(root, "fake-k3d");
        File.Copy(Fixture("k3d"), FakeK3d);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(FakeK3d, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    private string FakeK3d { get; }

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public async Task ClusterUp_Test_plans_ClusterUp_then_StackUp_then_Test()
    {
        var (exitCode, output) = await RunAsync("ClusterUp", "Test", "--plan");

        exitCode.Should().Be(0, output);
        var clusterUp = output.IndexOf(" ClusterUp", StringComparison.Ordinal);
        var stackUp = output.IndexOf(" StackUp", StringComparison.Ordinal);
        var test = output.IndexOf(" Test ", StringComparison.Ordinal);
        (clusterUp, stackUp, test).Should().Match<(int ClusterUp, int StackUp, int Test)>(p => p.ClusterUp >= 0 && p.ClusterUp < p.StackUp && p.StackUp < p.Test, output);
        output.Should().NotContain("ClusterDown", "ClusterDown runs only when asked for");
    }

    [Fact]
    public async Task ClusterDown_runs_last_and_even_after_a_failure()
    {
        var (exitCode, output) = await RunAsync("ClusterUp", "Test", "ClusterDown", "--plan");

        exitCode.Should().Be(0, output);
        output.IndexOf(" ClusterDown", StringComparison.Ordinal).Should().BeGreaterThan(output.IndexOf(" Test ", StringComparison.Ordinal), output);
    }

    [SkippableFact]
    public async Task ClusterUp_on_a_cluster_that_differs_says_what_differs_and_how_to_recreate_and_exits_non_zero()
    {
        Skip.If(OperatingSystem.IsWindows(), "the fake k3d is a bash script");
        File.WriteAllText(Path.Combine(root, "state"), "drifted\n");
        File.WriteAllText(Path.Combine(root, "drifted.json"), """
            [{"name":"homelab","serversCount":1,"serversRunning":1,"agentsCount":3,"agentsRunning":3,"nodes":[]}]
            """);

        var (exitCode, output) = await RunAsync("ClusterUp");

        exitCode.Should().NotBe(0, output);
        output.Should().Contain("cluster homelab exists but differs from its config: agents: the cluster has 3");
        output.Should().Contain("./build.sh ClusterUp --recreate");
        output.Should().NotContain("   at HomeLab", "a user error is a message, not a stack trace");
        File.ReadAllLines(Path.Combine(root, "calls.log")).Should().Equal("cluster list -o json");
    }

    [SkippableFact]
    public async Task ClusterDown_with_no_cluster_has_nothing_to_do_and_succeeds()
    {
        Skip.If(OperatingSystem.IsWindows(), "the fake k3d is a bash script");

        var (exitCode, output) = await RunAsync("ClusterDown");

        exitCode.Should().Be(0, output);
        output.Should().Contain("no cluster homelab; nothing to do");
        File.ReadAllLines(Path.Combine(root, "calls.log")).Should().Equal("cluster list -o json");
    }

    [SkippableFact]
    public async Task ClusterUp_refuses_the_hardwares_context_before_k3d_runs()
    {
        Skip.If(OperatingSystem.IsWindows(), "the fake k3d is a bash script");
        Directory.CreateDirectory(Path.Combine(root, "clusters", "k3s"));
        File.WriteAllText(Path.Combine(root, "clusters", "k3s", "environment.yaml"), "name: k3s\ncluster:\n  context: homelab\n  server: https://192.168.1.10:6443\n");

        var (exitCode, output) = await RunAsync("ClusterUp", "--kube-context", "homelab");

        exitCode.Should().NotBe(0, output);
        output.Should().Contain("refusing to use context 'homelab': it is k3s's").And.Contain("a k3s context is never a ClusterUp or StackUp target");
        output.Should().NotContain("   at HomeLab", "a user error is a message, not a stack trace");
        File.Exists(Path.Combine(root, "calls.log")).Should().BeFalse("k3d is not asked to do anything");
    }

    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "K3d", name);

    private async Task<(int ExitCode, string Output)> RunAsync(params string[] arguments)
    {
        using var output = new StringWriter();
        var exitCode = await BuildRunner.RunAsync(
            new BuildRunSettings
            {
                Arguments = [.. arguments, "--root", root, "--no-logo", "--k3d-executable", FakeK3d],
                Output = output,
                WorkingDirectory = root,
                WriteSchema = false,
                Environment = new Dictionary<string, string>(),
            },
            new LifecycleBuild(),
            x => ((IClusterLifecycle)x).ClusterUp);
        return (exitCode, output.ToString());
    }
}
