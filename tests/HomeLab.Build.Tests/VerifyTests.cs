using HomeLab.Targets;

namespace HomeLab.Build.Tests;

/// <summary>
/// The main job end to end on small repositories: a clean one passes with a summary; a broken one names the file
/// and line and fails. Rendering uses the real kubectl (kustomize), which these machines have.
/// </summary>
public sealed class VerifyTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("homelab-verify-").FullName;

    public VerifyTests()
    {
        var fixture = Path.Combine(AppContext.BaseDirectory, "Fixtures", "clean");
        foreach (var file in Directory.GetFiles(fixture, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(root, Path.GetRelativePath(fixture, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public void Dispose() => Directory.Delete(root, recursive: true);

    private async Task<(int ExitCode, string Output)> VerifyAsync(params string[] extra)
    {
        Skip.If(!OnPath("kubectl"), "rendering needs kubectl (with kustomize) on PATH");
        using var output = new StringWriter();
        var exitCode = await BuildRunner.RunAsync(
            new BuildRunSettings { Arguments = ["Verify", "--root", root, "--no-logo", .. extra], Output = output, WorkingDirectory = root, WriteSchema = false },
            new global::Build(),
            global::Build.Defaults);
        return (exitCode, output.ToString());
    }

    private static bool OnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator).Any(d => File.Exists(Path.Combine(d, tool)));

    [SkippableFact]
    public async Task A_clean_tree_passes_with_a_summary_of_what_was_checked()
    {
        var (exitCode, output) = await VerifyAsync();

        exitCode.Should().Be(0, output);
        output.Should().MatchRegex(@"Render\s+Succeeded.*dev: 4 objects");
        output.Should().MatchRegex(@"Validate\s+Succeeded.*4 validated, 0 unvalidated");
        output.Should().MatchRegex(@"Verify\s+Succeeded.*0 errors, 0 warnings, 0 notes");
    }

    [SkippableFact]
    public async Task A_wrong_field_is_reported_at_its_file_and_line_and_fails_the_build()
    {
        var deployment = Path.Combine(root, "manifests", "web", "deployment.yaml");
        File.WriteAllText(deployment, File.ReadAllText(deployment).Replace("  replicas: 2", "  replicas: \"two\"", StringComparison.Ordinal));

        var (exitCode, output) = await VerifyAsync();

        exitCode.Should().Be(1);
        output.Should().Contain("manifests/web/deployment.yaml").And.Contain("8:13 error schema/wrong-type");
        output.Should().MatchRegex(@"Verify\s+Failed.*1 error");
    }

    [SkippableFact]
    public async Task A_duplicate_key_is_reported_at_its_line_even_though_kustomize_fails()
    {
        File.WriteAllText(Path.Combine(root, "manifests", "web", "service.yaml"), "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  name: other\n");

        var (exitCode, output) = await VerifyAsync();

        exitCode.Should().Be(1);
        output.Should().Contain("manifests/web/service.yaml").And.Contain("5:3 error yaml/duplicate-key");
    }

    [SkippableFact]
    public async Task A_lint_problem_fails_and_the_sarif_report_carries_its_region()
    {
        var deployment = Path.Combine(root, "manifests", "web", "deployment.yaml");
        File.WriteAllText(deployment, File.ReadAllText(deployment).Replace("nginx-unprivileged:1.27.3", "nginx-unprivileged:latest", StringComparison.Ordinal));

        var (exitCode, output) = await VerifyAsync("--output", "sarif=out/verify.sarif");

        exitCode.Should().Be(1);
        output.Should().Contain("homelab/image-tag");
        using var sarif = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "out", "verify.sarif")));
        var result = sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().Single(r => r.GetProperty("ruleId").GetString() == "homelab/image-tag");
        var location = result.GetProperty("locations")[0].GetProperty("physicalLocation");
        location.GetProperty("artifactLocation").GetProperty("uri").GetString().Should().Be("manifests/web/deployment.yaml");
        location.GetProperty("region").GetProperty("startLine").GetInt32().Should().Be(22);
    }

    [SkippableFact]
    public async Task Path_mode_checks_plain_manifests_instead_of_the_environments()
    {
        var file = Path.Combine(root, "loose.yaml");
        File.WriteAllText(file, "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: Bad_Name\n");

        var (exitCode, output) = await VerifyAsync("--path", file);

        exitCode.Should().Be(1);
        output.Should().Contain("loose.yaml").And.Contain("schema/invalid-name");
        output.Should().NotContain("dev:");
    }

    [SkippableTheory]
    [InlineData("--output", "sarif=", "--output sarif=: expected sarif=<file> or junit=<file>")]
    [InlineData("--output", "html=out/x.html", "--output html=out/x.html: expected sarif=<file> or junit=<file>")]
    public async Task Bad_input_is_a_one_line_message_not_a_stack_trace(string option, string value, string message)
    {
        var (exitCode, output) = await VerifyAsync(option, value);

        exitCode.Should().Be(1);
        output.Should().Contain(message).And.NotContain("   at ");
    }

    [SkippableFact]
    public async Task Kubernetes_version_banana_stops_the_build_before_Render_runs()
    {
        // ./build.sh Verify --kubernetes-version banana
        var (exitCode, output) = await VerifyAsync("--kubernetes-version", "banana");

        exitCode.Should().Be(2);
        output.Trim().Should().Be(
            "error: Parameter --kubernetes-version (from the command line) has a bad value 'banana': expected a Kubernetes version such as 1.32 or v1.32.4.");
    }
}
