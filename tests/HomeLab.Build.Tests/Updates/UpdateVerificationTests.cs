using System.Diagnostics;
using HomeLab.Manifests.Diff;
using HomeLab.Manifests.Rendering;
using HomeLab.Pipeline.Updates;
using HomeLab.Tools;

namespace HomeLab.Build.Tests.Updates;

public sealed class UpdateVerificationTests
{
    private const string Url = "https://git.example.net/lab.git";

    private static string App(string name) => $$"""
        apiVersion: argoproj.io/v1alpha1
        kind: Application
        metadata: { name: {{name}}, namespace: argocd }
        spec:
          source: { repoURL: {{Url}}, targetRevision: main, path: apps/{{name}} }
          destination: { server: https://kubernetes.default.svc, namespace: {{name}} }
        """;

    private static string Crd(string versions) => $$"""
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata: { name: widgets.lab.example.net }
        spec:
          group: lab.example.net
          names: { kind: Widget, plural: widgets }
          scope: Namespaced
          versions: [{{versions}}]
        """;

    [SkippableFact]
    public async Task A_change_to_one_Application_reports_its_object_changes_and_the_crd_version_it_drops_and_leaves_the_other_alone()
    {
        Kubectl kubectl;
        try
        {
            kubectl = Kubectl.Locate(repositoryRoot: Repository.Root);
        }
        catch (ToolNotFoundException ex)
        {
            Skip.If(true, $"kubectl is needed to render the fixture repository: {ex.Message}");
            throw;
        }

        var root = Directory.CreateTempSubdirectory("homelab-update-").FullName;
        try
        {
            Write(root, "clusters/lab/environment.yaml", $"name: lab\nkubernetesVersion: v1.32.4\nrender:\n  applications: [apps.yaml]\n  repositoryUrls: [{Url}]\n");
            Write(root, "clusters/lab/apps.yaml", App("a") + "\n---\n" + App("b"));
            Write(root, "apps/a/deploy.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: { name: web }\ndata: { image: \"web:1.0\" }\n");
            Write(root, "apps/a/crd.yaml", Crd("{ name: v1alpha1, served: true, storage: false, schema: { openAPIV3Schema: { type: object, x-kubernetes-preserve-unknown-fields: true } } }, { name: v1, served: true, storage: true, schema: { openAPIV3Schema: { type: object, x-kubernetes-preserve-unknown-fields: true } } }"));
            Write(root, "apps/a/widget.yaml", "apiVersion: lab.example.net/v1alpha1\nkind: Widget\nmetadata: { name: w }\n");
            Write(root, "apps/b/other.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: { name: other }\n");
            Git(root, "init", "--quiet", "-b", "main");
            Git(root, "add", ".");
            Git(root, "-c", "user.email=t@example.net", "-c", "user.name=t", "commit", "--quiet", "-m", "base");
            Write(root, "apps/a/deploy.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: { name: web }\ndata: { image: \"web:1.1\" }\n");
            Write(root, "apps/a/crd.yaml", Crd("{ name: v1, served: true, storage: true, schema: { openAPIV3Schema: { type: object, x-kubernetes-preserve-unknown-fields: true } } }"));
            Git(root, "-c", "user.email=t@example.net", "-c", "user.name=t", "commit", "--quiet", "-am", "bump");

            var updates = await UpdateVerification.RunAsync(root, "HEAD~1", new EnvironmentRenderer(kubectl), allowNetwork: false, CancellationToken.None);

            var update = updates.Should().ContainSingle().Subject;
            update.Application.Should().Be("a");
            update.Changes.Single(c => c.Object.Name == "web").Fields.Should().ContainSingle().Which.Should().Be(new FieldChange("data.image", ChangeKind.Changed, "\"web:1.0\"", "\"web:1.1\""));
            var dropped = update.Findings.Should().ContainSingle(f => f.RuleId == "update/dropped-crd-version").Subject;
            dropped.Message.Should().Contain("lab.example.net/v1alpha1");
            dropped.Span!.Value.File.Should().EndWith("widget.yaml");
            dropped.Span.Value.Line.Should().Be(1);
            Directory.GetDirectories(Path.GetTempPath(), "homelab-base-*").Should().NotContain(d => File.Exists(Path.Combine(d, "apps", "a", "widget.yaml")) && Git(root, "worktree", "list").Contains(d, StringComparison.Ordinal), "the base worktree is removed");
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static void Write(string root, string path, string text)
    {
        var file = Path.Combine(root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, text);
    }

    private static string Git(string root, params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        process.ExitCode.Should().Be(0, $"git {string.Join(' ', arguments)}: {process.StandardError.ReadToEnd()}");
        return output;
    }
}
