using HomeLab.Targets;

namespace HomeLab.Build.Tests;

public sealed class BuildSchemaTests
{
    [Fact]
    public void The_committed_build_schema_matches_the_build()
    {
        var committed = File.ReadAllText(Path.Combine(Repository.Root, BuildSchema.RelativePath));

        committed.Should().Be(
            BuildSchema.Generate(new global::Build()),
            "the schema is generated from the targets and parameters: run ./build.sh --help to rewrite it and commit .nuke/build.schema.json");
    }

    [Fact]
    public void The_build_declares_its_targets_without_cycles_and_defaults_to_verify()
    {
        var model = BuildModel.Discover(new global::Build());

        model.Targets.Select(t => t.Name).Should().Contain(["Verify", "FormatCheck", "Benchmark"]);
    }

    [Fact]
    public async Task Help_runs_the_real_build_and_names_the_default_target()
    {
        using var output = new StringWriter();
        var exitCode = await BuildRunner.RunAsync(
            new BuildRunSettings { Arguments = ["--help", "--no-logo"], Output = output, WorkingDirectory = Repository.Root, WriteSchema = false },
            new global::Build(),
            global::Build.Defaults);

        exitCode.Should().Be(0, output.ToString());
        output.ToString().Should().Contain("Verify *");
    }
}
