using HomeLab.Pipeline.Updates;

namespace HomeLab.Build.Tests.Updates;

public sealed class AffectedComponentsTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("homelab-affected-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    private static UpdateVerificationResult Affecting(params (string Application, string Environment)[] updates) =>
        new([.. updates.Select(u => new ApplicationUpdate(u.Application, u.Environment, [], []))], [], []);

    [Fact]
    public void The_affected_Applications_of_both_environments_are_named_once_each_in_order()
    {
        var components = AffectedComponents.Of(Affecting(("tempo", "k3d"), ("loki", "k3d"), ("tempo", "k3s"), ("home-assistant", "k3s")));

        components.Should().Equal("home-assistant", "loki", "tempo");
    }

    [Fact]
    public async Task The_names_go_to_the_file_one_a_line_and_to_the_GitHub_step_output_space_separated()
    {
        var output = Path.Combine(root, "github-output");
        await File.WriteAllTextAsync(output, "earlier=1\n");

        var file = await AffectedComponents.WriteAsync(["loki", "tempo"], Path.Combine(root, ".nuke", "temp"), new Dictionary<string, string> { ["GITHUB_OUTPUT"] = output }, CancellationToken.None);

        file.Should().Be(Path.Combine(root, ".nuke", "temp", "update", "affected-components.txt"));
        (await File.ReadAllTextAsync(file)).Should().Be("loki\ntempo\n");
        (await File.ReadAllTextAsync(output)).Should().Be("earlier=1\ncomponents=loki tempo\n", "other steps' outputs stay");
    }

    [Fact]
    public async Task An_update_that_affects_nothing_writes_an_empty_list_and_an_empty_output()
    {
        var output = Path.Combine(root, "github-output");

        var file = await AffectedComponents.WriteAsync(AffectedComponents.Of(Affecting()), Path.Combine(root, "temp"), new Dictionary<string, string> { ["GITHUB_OUTPUT"] = output }, CancellationToken.None);

        (await File.ReadAllTextAsync(file)).Should().BeEmpty();
        (await File.ReadAllTextAsync(output)).Should().Be("components=\n", "renovate.yml's live step then does not run");
    }

    [Fact]
    public async Task Outside_GitHub_Actions_only_the_file_is_written()
    {
        var file = await AffectedComponents.WriteAsync(["velero"], Path.Combine(root, "temp"), new Dictionary<string, string>(), CancellationToken.None);

        (await File.ReadAllTextAsync(file)).Should().Be("velero\n");
        Directory.GetFiles(root, "*", SearchOption.AllDirectories).Should().ContainSingle();
    }
}
