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
        harness.Environment["HOMELAB_KUBERNETES_VERSION"] = "1.30";
        harness.WriteParameters("parameters.json", """{ "KubernetesVersion": "1.29" }""");
        var build = new ParameterBuild();
        await harness.RunAsync(build, "Show", "--kubernetes-version", "1.31", "--nodes", "5", "--fail-on-unvalidated", "--flavor", "dark-chocolate");

        build.KubernetesVersion.Should().Be("1.31");
        build.Nodes.Should().Be(5);
        build.FailOnUnvalidated.Should().BeTrue();
        build.Flavor.Should().Be(Flavor.DarkChocolate);
        build.Parameters.Single(p => p.Name == "KubernetesVersion").Source.Should().Be("command line");
    }

    [Fact]
    public async Task HOMELAB_KUBERNETES_VERSION_sets_the_parameter_and_wins_over_parameters_json()
    {
        harness.Environment["HOMELAB_KUBERNETES_VERSION"] = "1.30";
        harness.WriteParameters("parameters.json", """{ "KubernetesVersion": "1.29" }""");
        var build = new ParameterBuild();
        await harness.RunAsync(build, "Show");

        build.KubernetesVersion.Should().Be("1.30");
        build.Parameters.Single(p => p.Name == "KubernetesVersion").Source.Should().Be("environment variable HOMELAB_KUBERNETES_VERSION");
    }

    [Theory]
    [InlineData("KUBERNETES_VERSION")]
    [InlineData("KubernetesVersion")]
    [InlineData("homelab-kubernetes-version")]
    public async Task Only_the_prefixed_name_binds_not_the_bare_name_or_other_spellings(string variable)
    {
        harness.Environment[variable] = "1.30";
        var build = new ParameterBuild();
        await harness.RunAsync(build, "Show");

        build.KubernetesVersion.Should().Be("1.32");
    }

    [Theory]
    [InlineData("TAG", "v1.2.3")]
    [InlineData("ENVIRONMENT", "production")]
    [InlineData("OUTPUT", "/tmp/out")]
    [InlineData("NAME", "runner-7")]
    [InlineData("PATH_", "/opt/bin")]
    [InlineData("PATH", "/usr/bin:/bin")]
    public async Task A_common_shell_or_ci_variable_never_sets_a_parameter(string variable, string value)
    {
        // `TAG=v1.2.3 ./build.sh Test` once made Test select no tests at all.
        harness.Environment[variable] = value;
        var build = new CommonNamesBuild();
        var run = await harness.RunAsync(build, "Show");

        run.ExitCode.Should().Be(0, run.Output);
        build.Parameters.Should().OnlyContain(p => p.Source == "default");
        build.Tag.Should().BeEmpty();
        build.Environments.Should().BeEmpty();
        build.Output.Should().BeEmpty();
        build.Name.Should().BeNull();
        build.Paths.Should().BeEmpty();
    }

    [Fact]
    public async Task HOMELAB_TAG_sets_the_tag_parameter()
    {
        // HOMELAB_TAG="smoke gpu" ./build.sh Test
        harness.Environment["HOMELAB_TAG"] = "smoke gpu";
        var build = new CommonNamesBuild();
        await harness.RunAsync(build, "Show");

        build.Tag.Should().Equal("smoke", "gpu");
    }

    [Fact]
    public async Task A_parameter_that_declares_its_variable_binds_by_that_exact_name_only()
    {
        harness.Environment["HOMELAB_REGISTRY_TOKEN"] = "ignored";
        harness.Environment["REGISTRY_TOKEN"] = "from-the-ci";
        var build = new CommonNamesBuild();
        await harness.RunAsync(build, "Show");

        build.RegistryToken.Should().Be("from-the-ci");
        build.Parameters.Single(p => p.Name == "RegistryToken").Source.Should().Be("environment variable REGISTRY_TOKEN");
    }

    [Fact]
    public async Task Declaring_a_common_variable_for_a_parameter_is_a_definition_error()
    {
        var run = await harness.RunAsync(new GreedyVariableBuild(), "Show");

        run.ExitCode.Should().Be(2);
        run.Output.Trim().Should().Be(
            "error: Parameter 'Tags' declares the environment variable 'TAG', which shells and CI services set for other purposes; choose a name of its own.");
    }

    [Fact]
    public async Task Help_names_the_variable_that_sets_each_parameter()
    {
        var run = await harness.RunAsync(new CommonNamesBuild(), "--help");

        run.Output.Should().MatchRegex(@"--tag <string\.\.\.>.*\n.*= \(none\) \(default\) · env HOMELAB_TAG\n");
        run.Output.Should().Contain("· env REGISTRY_TOKEN").And.Contain("· env HOMELAB_VERBOSITY");
    }

    [Fact]
    public async Task A_build_may_choose_its_own_prefix()
    {
        harness.Environment["LAB_KUBERNETES_VERSION"] = "1.31";
        var build = new PrefixedBuild();
        await harness.RunAsync(build, "Show");

        build.KubernetesVersion.Should().Be("1.31");
    }

    [Fact]
    public async Task Nodes_0_fails_its_range_check_before_anything_runs()
    {
        // ./build.sh Show --nodes 0
        var build = new CheckedBuild();
        var run = await harness.RunAsync(build, "Show", "--nodes", "0");

        run.ExitCode.Should().Be(2);
        build.Ran.Should().BeEmpty();
        run.Output.Trim().Should().Be("error: Parameter --nodes (from the command line) has a bad value '0': The field --nodes must be between 1 and 9.");
    }

    [Fact]
    public async Task A_custom_check_names_the_variable_the_bad_value_came_from()
    {
        harness.Environment["HOMELAB_CHANNEL"] = "nightly-ish";
        var build = new CheckedBuild();
        var run = await harness.RunAsync(build, "Show");

        run.ExitCode.Should().Be(2);
        build.Ran.Should().BeEmpty();
        run.Output.Trim().Should().Be(
            "error: Parameter --channel (from the environment variable HOMELAB_CHANNEL) has a bad value 'nightly-ish': expected stable or edge.");
    }

    [Fact]
    public async Task Values_that_pass_their_checks_let_the_build_run()
    {
        var build = new CheckedBuild();
        var run = await harness.RunAsync(build, "Show", "--nodes", "3", "--channel", "edge");

        run.ExitCode.Should().Be(0, run.Output);
        build.Ran.Should().Equal("Show");
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
        harness.Environment["HOMELAB_NODES"] = "lots";
        var run = await harness.RunAsync(new ParameterBuild(), "Show");

        run.Output.Should().Contain("Parameter --nodes (from the environment variable HOMELAB_NODES) has a bad value 'lots'");
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
        harness.Environment["HOMELAB_API_TOKEN"] = "s3cr3t-value";
        var run = await harness.RunAsync(new ParameterBuild(), "Show", "--help");

        run.Output.Should().NotContain("s3cr3t-value");
        run.Output.Should().Contain("= ***** (from the environment variable HOMELAB_API_TOKEN");
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
        run.Output.Should().Contain("Target Deploy requires parameter --kubeconfig: set it with --kubeconfig <string>, the environment variable HOMELAB_KUBECONFIG, or \"Kubeconfig\" in .nuke/parameters.json.");
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
