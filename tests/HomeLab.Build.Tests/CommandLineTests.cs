using HomeLab.Targets;

namespace HomeLab.Build.Tests;

/// <summary>The engine's command-line rules, on the real build, as a user types them (in an empty root: --plan writes there).</summary>
public sealed class CommandLineTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("homelab-command-line-").FullName;

    public CommandLineTests() => Directory.CreateDirectory(Path.Combine(root, ".nuke"));

    public void Dispose() => Directory.Delete(root, recursive: true);

    private async Task<(int ExitCode, string Output, global::Build Build)> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        using var output = new StringWriter();
        var build = new global::Build();
        var exitCode = await BuildRunner.RunAsync(
            new BuildRunSettings { Arguments = [.. args, "--no-logo"], Output = output, Environment = environment, WorkingDirectory = root, WriteSchema = false },
            build,
            global::Build.Defaults);
        return (exitCode, output.ToString(), build);
    }

    [Fact]
    public async Task Environment_k3d_Render_plans_Render_and_not_the_default_Verify()
    {
        // ./build.sh --environment k3d Render --plan
        var (exitCode, output, build) = await RunAsync(new Dictionary<string, string>(), "--environment", "k3d", "Render", "--plan");

        exitCode.Should().Be(0, output);
        output.Should().MatchRegex(@"1\. Render\s*\n").And.NotContain("Verify");
        build.Parameters.Single(p => p.Name == "environment").Value.Should().BeEquivalentTo(new[] { "k3d" });
    }

    [Theory]
    [InlineData("--parallel", "abc")]
    [InlineData("--offline", "maybe")]
    public async Task A_value_the_option_cannot_take_names_the_option_not_an_unknown_target(string option, string value)
    {
        // ./build.sh --parallel abc, ./build.sh --offline maybe
        var (exitCode, output, _) = await RunAsync(new Dictionary<string, string>(), option, value);

        exitCode.Should().Be(2);
        output.Should().StartWith($"error: Option '{option}' ").And.Contain($"'{value}'").And.NotContain("Unknown target");
    }

    [Fact]
    public async Task Common_shell_and_ci_variables_set_no_parameter_of_the_build()
    {
        // TAG=v1.2.3 ENVIRONMENT=production OUTPUT=out NAME=runner PATH_=x ./build.sh --help
        var environment = new Dictionary<string, string>
        {
            ["TAG"] = "v1.2.3",
            ["ENVIRONMENT"] = "production",
            ["OUTPUT"] = "out",
            ["NAME"] = "runner",
            ["PATH_"] = "x",
            ["TIER"] = "live",
        };
        var (exitCode, output, build) = await RunAsync(environment, "--help");

        exitCode.Should().Be(0, output);
        build.Parameters.Where(p => p.Source != "default").Select(p => p.Name).Should().BeEmpty();
        output.Should().Contain("· env HOMELAB_TAG").And.Contain("· env HOMELAB_ENVIRONMENT").And.Contain("· env HOMELAB_KUBERNETES_VERSION");
    }
}
