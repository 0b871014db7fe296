using HomeLab.Targets;

namespace HomeLab.Targets.Tests;

internal enum Flavor
{
    Vanilla,
    DarkChocolate,
}

internal sealed class ParameterBuild : BuildBase
{
    [Parameter("The Kubernetes version to target.")]
    public readonly string KubernetesVersion = "1.32";

    [Parameter("Nodes.")]
    public int Nodes { get; set; } = 3;

    [Parameter("A flag.")]
    public bool FailOnUnvalidated { get; set; }

    [Parameter("An enum.")]
    public Flavor Flavor { get; set; } = Flavor.Vanilla;

    [Parameter("Many paths.", Name = "path")]
    public AbsolutePath[] Paths { get; set; } = [];

    [Parameter("Tags.")]
    public string[] Tags { get; set; } = [];

    [Parameter("A token.")]
    [Secret]
    public string? ApiToken { get; set; }

    [Parameter("Where the kubeconfig is.")]
    public string? Kubeconfig { get; set; }

    public Target Show => _ => _.Executes(context =>
    {
        context.Info($"version={KubernetesVersion} nodes={Nodes} flag={FailOnUnvalidated} flavor={Flavor}");
        context.Info($"token={ApiToken}");
        Console.WriteLine($"console token={ApiToken}");
    });

    public Target Deploy => _ => _.Requires(() => Kubeconfig).Requires(() => Nodes > 1).Executes(() => { });
}

public sealed class ParameterTests : IDisposable
{
    private readonly BuildHarness harness = new();

    public void Dispose() => harness.Dispose();

    [Fact]
    public async Task The_initializer_is_used_when_no_source_gives_a_value()
    {
        var build = new ParameterBuild();
        await harness.RunAsync(build, "Show");

        build.KubernetesVersion.Should().Be("1.32");
        build.Parameters.Single(p => p.Name == "KubernetesVersion").Source.Should().Be("default");
    }

    [Fact]
    public async Task The_command_line_takes_kebab_case_names_and_wins_over_everything()
    {
        harness.Environment["KUBERNETES_VERSION"] = "1.30";
        harness.WriteParameters("parameters.json", """{ "KubernetesVersion": "1.29" }""");
        var build = new ParameterBuild();
        await harness.RunAsync(build, "Show", "--kubernetes-version", "1.31", "--nodes", "5", "--fail-on-unvalidated", "--flavor", "dark-chocolate");

        build.KubernetesVersion.Should().Be("1.31");
        build.Nodes.Should().Be(5);
        build.FailOnUnvalidated.Should().BeTrue();
        build.Flavor.Should().Be(Flavor.DarkChocolate);
        build.Parameters.Single(p => p.Name == "KubernetesVersion").Source.Should().Be("command line");
    }

    [Theory]
    [InlineData("KubernetesVersion")]
    [InlineData("KUBERNETES_VERSION")]
    [InlineData("kubernetes-version")]
    public async Task An_environment_variable_matches_by_exact_name_or_by_letters_and_digits(string variable)
    {
        harness.Environment[variable] = "1.30";
        harness.WriteParameters("parameters.json", """{ "KubernetesVersion": "1.29" }""");
        var build = new ParameterBuild();
        await harness.RunAsync(build, "Show");

        build.KubernetesVersion.Should().Be("1.30");
        build.Parameters.Single(p => p.Name == "KubernetesVersion").Source.Should().Be($"environment variable {variable}");
    }

    [Fact]
    public async Task Operating_system_variables_never_bind_to_a_parameter_of_the_same_letters()
    {
        harness.Environment["PATH"] = "/usr/bin:/bin";
        var build = new ParameterBuild();
        var run = await harness.RunAsync(build, "Show");

        run.ExitCode.Should().Be(0, run.Output);
        build.Paths.Should().BeEmpty();
    }

    [Fact]
    public async Task Parameters_json_comes_before_the_initializer_and_profiles_override_it_in_order()
    {
        harness.WriteParameters("parameters.json", """{ "$schema": "./build.schema.json", "KubernetesVersion": "1.29", "Nodes": 4, "Tags": ["a", "b"] }""");
        harness.WriteParameters("parameters.ci.json", """{ "Nodes": 6 }""");
        harness.WriteParameters("parameters.big.json", """{ "nodes": 9, "flavor": "DarkChocolate" }""");
        var build = new ParameterBuild();
        await harness.RunAsync(build, "Show", "--profile", "ci", "big");

        build.KubernetesVersion.Should().Be("1.29");
        build.Tags.Should().Equal("a", "b");
        build.Nodes.Should().Be(9);
        build.Flavor.Should().Be(Flavor.DarkChocolate);
        build.Parameters.Single(p => p.Name == "Nodes").Source.Should().Be(".nuke/parameters.big.json");
    }

    [Fact]
    public async Task A_missing_profile_is_a_clear_error()
    {
        harness.WriteParameters("parameters.ci.json", "{}");
        var run = await harness.RunAsync(new ParameterBuild(), "Show", "--profile", "prod");

        run.ExitCode.Should().Be(2);
        run.Output.Should().Contain("Profile 'prod' has no file .nuke/parameters.prod.json (profiles here: ci).");
    }

    [Fact]
    public async Task An_unknown_key_in_parameters_json_is_an_error_with_a_hint()
    {
        harness.WriteParameters("parameters.json", """{ "KubernetesVersoin": "1.29" }""");
        var run = await harness.RunAsync(new ParameterBuild(), "Show");

        run.ExitCode.Should().Be(2);
        run.Output.Should().Contain(".nuke/parameters.json: unknown parameter 'KubernetesVersoin'. Did you mean 'KubernetesVersion'?");
    }

    [Fact]
    public async Task Broken_parameters_json_names_the_file_and_line()
    {
        harness.WriteParameters("parameters.json", "{\n  \"Nodes\": 4,\n  \"Tags\": [\n}");
        var run = await harness.RunAsync(new ParameterBuild(), "Show");

        run.ExitCode.Should().Be(2);
        run.Output.Should().Contain(".nuke/parameters.json:4: not valid JSON");
    }

    [Theory]
    [InlineData("--nodes", "many", "Parameter --nodes (from the command line) has a bad value 'many': expected a whole number.")]
    [InlineData("--flavor", "mint", "Parameter --flavor (from the command line) has a bad value 'mint': expected one of vanilla, dark-chocolate.")]
    [InlineData("--fail-on-unvalidated=maybe", null, "Parameter --fail-on-unvalidated (from the command line) has a bad value 'maybe': expected true or false.")]
    public async Task A_bad_value_is_one_line_listing_what_is_allowed(string option, string? value, string message)
    {
        string[] args = value is null ? ["Show", option] : ["Show", option, value];
        var run = await harness.RunAsync(new ParameterBuild(), args);

        run.ExitCode.Should().Be(2);
        run.Output.Trim().Should().Be("error: " + message);
    }

    [Fact]
    public async Task A_bad_value_from_the_environment_names_the_variable()
    {
        harness.Environment["NODES"] = "lots";
        var run = await harness.RunAsync(new ParameterBuild(), "Show");

        run.Output.Should().Contain("Parameter --nodes (from the environment variable NODES) has a bad value 'lots'");
    }

    [Fact]
    public async Task An_unknown_option_gets_a_did_you_mean_hint()
    {
        var run = await harness.RunAsync(new ParameterBuild(), "Show", "--kubernetes-verison", "1.30");

        run.ExitCode.Should().Be(2);
        run.Output.Should().Contain("Unknown option '--kubernetes-verison'. Did you mean --kubernetes-version?");
    }

    [Fact]
    public async Task Paths_resolve_against_the_repository_root_and_arrays_take_several_values()
    {
        var build = new ParameterBuild();
        await harness.RunAsync(build, "Show", "--path", "manifests", "/abs/file.yaml", "--tags", "x");

        build.Paths.Select(p => p.Value).Should().Equal(Path.Combine(harness.Root, "manifests"), "/abs/file.yaml");
        build.Tags.Should().Equal("x");
    }

    [Fact]
    public async Task Repeating_an_array_option_adds_to_it()
    {
        var build = new ParameterBuild();
        await harness.RunAsync(build, "Show", "--tags", "a", "--tags", "b");

        build.Tags.Should().Equal("a", "b");
    }

    [Fact]
    public async Task A_secret_is_masked_in_every_line_of_output()
    {
        harness.Environment["API_TOKEN"] = "s3cr3t-value";
        var run = await harness.RunAsync(new ParameterBuild(), "Show", "--help");

        run.Output.Should().NotContain("s3cr3t-value");
        run.Output.Should().Contain("= ***** (from the environment variable API_TOKEN");
    }

    [Fact]
    public async Task A_secret_is_masked_in_what_targets_write()
    {
        var run = await harness.RunAsync(new ParameterBuild(), "Show", "--api-token", "s3cr3t-value");

        run.Output.Should().Contain("token=*****").And.NotContain("s3cr3t-value");
    }

    [Fact]
    public void The_masking_writer_masks_console_output_written_in_pieces()
    {
        var masker = new SecretMasker();
        masker.Add("hunter2");
        using var inner = new StringWriter();
        using (var writer = new MaskingTextWriter(inner, masker))
        {
            writer.Write("pass=hun");
            writer.Write("ter2");
            writer.WriteLine();
            writer.Write('h');
            writer.Write("unter2 at the end");
        }

        inner.ToString().Should().Be("pass=*****\n***** at the end");
    }

    [Fact]
    public async Task A_missing_required_parameter_stops_the_build_before_anything_runs()
    {
        var run = await harness.RunAsync(new ParameterBuild(), "Deploy", "--nodes", "1");

        run.ExitCode.Should().Be(2);
        run.Output.Should().Contain("Target Deploy requires parameter --kubeconfig: set it with --kubeconfig <string>, the environment variable KUBECONFIG, or \"Kubeconfig\" in .nuke/parameters.json.");
        run.Output.Should().Contain("Target Deploy requires Nodes > 1, which is false.");
        run.Output.Should().NotContain("Build succeeded").And.NotContain("Build failed");
    }

    [Fact]
    public async Task A_required_parameter_given_lets_the_target_run()
    {
        var run = await harness.RunAsync(new ParameterBuild(), "Deploy", "--kubeconfig", "~/.kube/config");

        run.ExitCode.Should().Be(0, run.Output);
    }
}
