using HomeLab.Tools;

namespace HomeLab.Tools.Tests;

public sealed class ToolTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("homelab-tools-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Executable(string directory, string name)
    {
        var path = Path.Combine(Directory.CreateDirectory(Path.Combine(_root, directory)).FullName, name);
        File.WriteAllText(path, "#!/bin/sh\n");
        return path;
    }

    private string Locate(string? explicitPath, Dictionary<string, string?> environment) =>
        ToolLocator.Locate("helm", Helm.InstallHint, explicitPath, _root, name => environment.GetValueOrDefault(name));

    [Fact]
    public void A_tool_is_found_by_explicit_path_then_variable_then_path_then_nuke_tools()
    {
        var pinned = Executable(Path.Combine(".nuke", "tools"), "helm");
        var onPath = Executable("bin", "helm");
        var fromVariable = Executable("custom", "helm-4");
        var given = Executable("given", "helm");
        var environment = new Dictionary<string, string?> { ["HELM_EXE"] = fromVariable, ["PATH"] = Path.GetDirectoryName(onPath) };

        Locate(given, environment).Should().Be(given);
        Locate(null, environment).Should().Be(fromVariable);
        environment.Remove("HELM_EXE");
        Locate(null, environment).Should().Be(onPath);
        environment["PATH"] = "/nonexistent";
        Locate(null, environment).Should().Be(pinned);
    }

    [Fact]
    public void A_missing_tool_says_where_it_looked_and_how_to_install_it()
    {
        var act = () => Locate(null, new Dictionary<string, string?> { ["PATH"] = "/nonexistent" });

        var error = act.Should().Throw<ToolNotFoundException>().Which;
        error.Message.Should().Contain("HELM_EXE").And.Contain(Path.Combine(_root, ".nuke", "tools"));
        error.Hint.Should().Contain("bash build/tools/install-helm.sh");
    }

    [Fact]
    public void A_variable_pointing_nowhere_is_an_error_rather_than_a_silent_fallback()
    {
        Executable("bin", "helm");

        var act = () => Locate(null, new Dictionary<string, string?> { ["HELM_EXE"] = "/no/such/helm", ["PATH"] = Path.Combine(_root, "bin") });

        act.Should().Throw<ToolNotFoundException>().WithMessage("*HELM_EXE*/no/such/helm*");
    }

    [Fact]
    public void Helm_template_arguments_carry_namespace_values_sets_version_and_repository_with_crds()
    {
        var arguments = new HelmTemplateArguments("web", "nginx")
            .WithNamespace("apps")
            .WithValueFile("values.yaml")
            .WithValueFile("values-k3s.yaml")
            .WithSetValue("image.tag", "1.27")
            .WithSetValue("port", "80", forceString: true)
            .WithVersion("1.2.3")
            .WithRepository("https://charts.example.org");

        arguments.ToArguments().Should().Equal(
            "template", "web", "nginx", "--include-crds", "-n", "apps", "-f", "values.yaml", "-f", "values-k3s.yaml",
            "--set", "image.tag=1.27", "--set-string", "port=80", "--version", "1.2.3", "--repo", "https://charts.example.org");
    }

    [Fact]
    public void With_builders_return_new_instances_and_leave_the_original_alone()
    {
        var kubectl = new Kubectl("/usr/bin/kubectl");

        var changed = kubectl.WithWorkingDirectory("/tmp").WithEnvironmentVariable("KUBECONFIG", "/dev/null");

        kubectl.WorkingDirectory.Should().BeNull();
        kubectl.EnvironmentVariables.Should().BeEmpty();
        changed.WorkingDirectory.Should().Be("/tmp");
        changed.EnvironmentVariables.Should().Contain("KUBECONFIG", "/dev/null");
        Kubectl.KustomizeArguments("clusters/k3d").Should().Equal("kustomize", "clusters/k3d");
        Helm.PullArguments("demo", "http://127.0.0.1:8080", "1.0.0", "/cache").Should().Equal("pull", "demo", "--repo", "http://127.0.0.1:8080", "--destination", "/cache", "--version", "1.0.0");
    }

    [SkippableFact]
    public async Task A_non_zero_exit_is_a_result_with_the_tools_error_text()
    {
        var kubectl = InstalledTools.Kubectl();

        var result = await kubectl.KustomizeAsync(Path.Combine(_root, "missing"));

        result.IsSuccess.Should().BeFalse();
        result.ErrorMessage.Should().Contain("missing");
        result.CommandLine.Should().StartWith("kubectl kustomize ");
    }
}
