using System.Diagnostics;
using HomeLab.Manifests.Diff;
using HomeLab.Manifests.Lint;
using HomeLab.Manifests.Rendering;
using HomeLab.Manifests.Tests.Rendering;
using HomeLab.Pipeline.Findings;
using HomeLab.Pipeline.Manifests;
using HomeLab.Pipeline.Updates;
using HomeLab.Targets;
using HomeLab.Tools;

namespace HomeLab.Build.Tests.Updates;

/// <summary>A build of the update component alone, as a homelab composes it.</summary>
internal sealed class UpdateBuild : BuildBase, IVerifyUpdate
{
    public FindingLedger Findings { get; } = new();

    public CheckedSets Rendered { get; } = new();
}

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
        var kubectl = KubectlOrSkip();

        var root = Directory.CreateTempSubdirectory("homelab-update-").FullName;
        try
        {
            WriteWidgetBump(root);

            var result = await UpdateVerification.RunAsync(root, "HEAD~1", new EnvironmentRenderer(kubectl), allowNetwork: false, CancellationToken.None);

            var update = result.Updates.Should().ContainSingle().Subject;
            update.Application.Should().Be("a");
            update.Changes.Single(c => c.Object.Name == "web").Fields.Should().ContainSingle().Which.Should().Be(new FieldChange("data.image", ChangeKind.Changed, "\"web:1.0\"", "\"web:1.1\""));
            var dropped = update.Findings.Should().ContainSingle(f => f.RuleId == "update/dropped-crd-version").Subject;
            dropped.Message.Should().Contain("lab.example.net/v1alpha1");
            dropped.Span!.Value.File.Should().EndWith("widget.yaml");
            dropped.Span.Value.Line.Should().Be(1);
            result.Environments.Should().ContainSingle().Which.NotRendered.Should().Equal("b");
            Directory.GetDirectories(Path.GetTempPath(), "homelab-base-*").Should().NotContain(d => File.Exists(Path.Combine(d, "apps", "a", "widget.yaml")) && Git(root, "worktree", "list").Contains(d, StringComparison.Ordinal), "the base worktree is removed");
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static string Chart(string version, string replicasKey, string tag, string memory, string crdVersions) => $$$"""
        apiVersion: v2
        name: demo
        version: {{{version}}}
        ---values.yaml
        {{{replicasKey}}}: 1
        image:
          repository: web
          tag: "{{{tag}}}"
        resources:
          limits: { memory: {{{memory}}} }
        ---templates/deployment.yaml
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: {{ .Release.Name }}
        spec:
          replicas: {{ .Values.{{{replicasKey}}} }}
          selector: { matchLabels: { app: demo } }
          template:
            metadata: { labels: { app: demo } }
            spec:
              containers:
                - name: web
                  image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"
                  resources: {{- toYaml .Values.resources | nindent 12 }}
        ---crds/widgets.yaml
        {{{Crd(crdVersions)}}}
        """;

    [SkippableFact]
    public async Task A_chart_bump_from_a_chart_repository_names_the_Application_its_object_changes_the_dropped_key_at_its_line_and_the_crd_version_a_resource_still_uses()
    {
        Kubectl kubectl;
        Helm helm;
        try
        {
            kubectl = Kubectl.Locate(repositoryRoot: Repository.Root);
            helm = Helm.Locate(repositoryRoot: Repository.Root);
        }
        catch (ToolNotFoundException ex)
        {
            Skip.If(true, $"kubectl and helm are needed to render the fixture repository and package its charts: {ex.Message}");
            throw;
        }

        var work = Directory.CreateTempSubdirectory("homelab-update-e2e-").FullName;
        try
        {
            const string Schema = "schema: { openAPIV3Schema: { type: object, x-kubernetes-preserve-unknown-fields: true } }";
            WriteChart(Path.Combine(work, "v1"), Chart("1.0.0", "replicas", "1.0", "128Mi", $"{{ name: v1alpha1, served: true, storage: false, {Schema} }}, {{ name: v1, served: true, storage: true, {Schema} }}"));
            WriteChart(Path.Combine(work, "v2"), Chart("2.0.0", "replicaCount", "2.0", "512Mi", $"{{ name: v1, served: true, storage: true, {Schema} }}"));
            await using var charts = await LoopbackChartRepository.ServeAsync(helm, work, Path.Combine(work, "v1"), Path.Combine(work, "v2"));

            var root = Path.Combine(work, "repo");
            Write(root, ".gitignore", ".nuke/\n");
            Write(root, "clusters/lab/environment.yaml", $"name: lab\nkubernetesVersion: v1.32.4\nrender:\n  applications: [root.yaml]\n  repositoryUrls: [{Url}]\n");
            Write(root, "clusters/lab/budgets.yaml", "budgets:\n  demo:\n    select: { namespaces: [demo] }\n    limits: { memory: 300Mi }\n");
            Write(root, "clusters/lab/root.yaml", App("root").Replace("apps/root", "apps", StringComparison.Ordinal));
            Write(root, "apps/demo.yaml", DemoApp(charts.Url, "1.0.0"));
            Write(root, "apps/widgets.yaml", App("widgets").Replace("apps/widgets", "widgets", StringComparison.Ordinal));
            Write(root, "apps/other.yaml", App("other").Replace("apps/other", "other", StringComparison.Ordinal));
            Write(root, "widgets/widget.yaml", "apiVersion: lab.example.net/v1alpha1\nkind: Widget\nmetadata: { name: w }\n");
            Write(root, "other/cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: { name: other }\n");
            Write(root, "values/demo.yaml", "# the homelab's values for demo\nreplicas: 2\n");
            Git(root, "init", "--quiet", "-b", "main");
            Git(root, "add", ".");
            Git(root, "-c", "user.email=t@example.net", "-c", "user.name=t", "commit", "--quiet", "-m", "base");
            Write(root, "apps/demo.yaml", DemoApp(charts.Url, "2.0.0"));
            Git(root, "-c", "user.email=t@example.net", "-c", "user.name=t", "commit", "--quiet", "-am", "chore(deps): update chart demo to 2.0.0");

            var result = await UpdateVerification.RunAsync(root, "HEAD~1", new EnvironmentRenderer(kubectl, helm), allowNetwork: true, CancellationToken.None);
            var report = UpdateReport.Render(result, "HEAD~1");

            var demo = result.Updates.Should().ContainSingle(u => u.Application == "demo").Subject;
            var deployment = demo.Changes.Should().ContainSingle(c => c.Object.Kind == "Deployment").Subject;
            deployment.Fields.Should().Contain(new FieldChange("spec.template.spec.containers[0].image", ChangeKind.Changed, "\"web:1.0\"", "\"web:2.0\""))
                .And.Contain(f => f.Path == "spec.replicas" && f.Before == "2" && f.After == "1");
            var dropped = demo.Findings.Should().ContainSingle(f => f.RuleId == "values/dropped-key").Subject;
            dropped.Span!.Value.File.Should().Be(Path.Combine(root, "values", "demo.yaml"));
            dropped.Span.Value.Line.Should().Be(2);
            dropped.Message.Should().Contain("replicas").And.Contain("demo 2.0.0 dropped it");
            var crd = demo.Findings.Should().ContainSingle(f => f.RuleId == "update/dropped-crd-version").Subject;
            crd.Message.Should().Contain("lab.example.net/v1alpha1").And.Contain("Widget");
            crd.Span!.Value.File.Should().Be(Path.Combine(root, "widgets", "widget.yaml"), "the Widget's Application is not rendered: its file is read");
            // The base runs 2 replicas of 128Mi (the homelab's replicas: 2), the head 1 of 512Mi (replicas is dropped).
            var budget = result.Budgets.Should().ContainSingle().Subject;
            budget.Should().Be(new BudgetChange("lab", "demo", BudgetMeasure.MemoryLimits, "300Mi", "300Mi", 2 * 128m * 1024 * 1024, 512m * 1024 * 1024, Over: true));
            demo.Findings.Should().ContainSingle(f => f.RuleId == "homelab/resource-budget").Which.Span!.Value.File.Should().EndWith("budgets.yaml");
            var scope = result.Environments.Should().ContainSingle().Subject;
            scope.NotRendered.Should().Equal("other", "widgets");
            scope.Rendered.Should().Equal("demo", "root");
            result.Updates.Select(u => u.Application).Should().NotContain(["other", "widgets"]);
            report.Should().Contain("| demo | lab |").And.Contain("2 Applications not affected, not rendered")
                .And.Contain("values/demo.yaml:2").And.Contain("update/dropped-crd-version").And.Contain("web:2.0").And.Contain("| demo (memory limits) | lab | 300Mi | 256Mi | 512Mi ❌ over | +256Mi |");
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static string DemoApp(string chartRepository, string version) => $$"""
        apiVersion: argoproj.io/v1alpha1
        kind: Application
        metadata: { name: demo, namespace: argocd }
        spec:
          sources:
            - repoURL: {{chartRepository}}
              chart: demo
              targetRevision: {{version}}
              helm: { valueFiles: [$values/values/demo.yaml] }
            - { repoURL: {{Url}}, targetRevision: main, ref: values }
          destination: { server: https://kubernetes.default.svc, namespace: demo }
        """;

    /// <summary>Writes a chart given as its Chart.yaml followed by <c>---path</c> sections, one per file.</summary>
    private static void WriteChart(string directory, string text)
    {
        var sections = text.Split("\n---", StringSplitOptions.None);
        Write(directory, "Chart.yaml", sections[0] + "\n");
        foreach (var section in sections.Skip(1))
        {
            var newline = section.IndexOf('\n', StringComparison.Ordinal);
            Write(directory, section[..newline].Trim(), section[(newline + 1)..] + "\n");
        }
    }

    /// <summary>A repository of two Applications, a and b, and a commit that changes a's ConfigMap and drops the
    /// v1alpha1 its Widget uses from a's CustomResourceDefinition.</summary>
    private static void WriteWidgetBump(string root)
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
    }

    [SkippableFact]
    public async Task A_change_to_an_environment_patch_of_one_Application_renders_that_Application_and_the_app_of_apps_only()
    {
        var kubectl = KubectlOrSkip();

        var root = Directory.CreateTempSubdirectory("homelab-update-patch-").FullName;
        try
        {
            static string Patch(string path) => $"apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata: {{ name: b, namespace: argocd }}\nspec:\n  source:\n    path: {path}\n";
            Write(root, "clusters/lab/environment.yaml", $"name: lab\nkubernetesVersion: v1.32.4\nrender:\n  applications: [root.yaml]\n  repositoryUrls: [{Url}]\n");
            Write(root, "clusters/lab/root.yaml", App("root").Replace("apps/root", "clusters/lab/apps", StringComparison.Ordinal));
            Write(root, "clusters/lab/apps/kustomization.yaml", "resources: [../../../shared]\npatches:\n  - path: patch.yaml\n");
            Write(root, "clusters/lab/apps/patch.yaml", Patch("apps/b"));
            Write(root, "shared/kustomization.yaml", "resources: [a.yaml, b.yaml]\n");
            Write(root, "shared/a.yaml", App("a"));
            Write(root, "shared/b.yaml", App("b"));
            Write(root, "apps/a/cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: { name: a }\n");
            Write(root, "apps/b/cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: { name: b }\ndata: { size: small }\n");
            Write(root, "apps/b-large/cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: { name: b }\ndata: { size: large }\n");
            Git(root, "init", "--quiet", "-b", "main");
            Git(root, "add", ".");
            Git(root, "-c", "user.email=t@example.net", "-c", "user.name=t", "commit", "--quiet", "-m", "base");
            Write(root, "clusters/lab/apps/patch.yaml", Patch("apps/b-large"));
            Git(root, "-c", "user.email=t@example.net", "-c", "user.name=t", "commit", "--quiet", "-am", "b grows");

            var result = await UpdateVerification.RunAsync(root, "HEAD~1", new EnvironmentRenderer(kubectl), allowNetwork: false, CancellationToken.None);

            result.Updates.Select(u => u.Application).Should().Equal("b", "root");
            result.Updates[0].Changes.Should().ContainSingle().Which.Fields.Should().ContainSingle().Which.Should().Be(new FieldChange("data.size", ChangeKind.Changed, "\"small\"", "\"large\""));
            result.Environments.Should().ContainSingle().Which.NotRendered.Should().Equal("a");
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [SkippableFact]
    public async Task The_VerifyUpdate_target_fails_in_one_line_writes_the_report_and_comments_on_the_pull_request()
    {
        string kubectl, helm;
        try
        {
            kubectl = Kubectl.Locate(repositoryRoot: Repository.Root).ExecutablePath;
            helm = Helm.Locate(repositoryRoot: Repository.Root).ExecutablePath;
        }
        catch (ToolNotFoundException ex)
        {
            Skip.If(true, $"kubectl and helm are needed to run the target: {ex.Message}");
            throw;
        }

        var root = Directory.CreateTempSubdirectory("homelab-update-target-").FullName;
        try
        {
            WriteWidgetBump(root);
            await using var github = new FakeGitHub();
            using var output = new StringWriter();
            var environment = new Dictionary<string, string>
            {
                ["GITHUB_TOKEN"] = "test-token",
                ["GITHUB_REPOSITORY"] = "homelab/lab",
                ["GITHUB_REF"] = "refs/pull/7/merge",
                ["GITHUB_API_URL"] = github.BaseAddress.AbsoluteUri,
                ["GITHUB_OUTPUT"] = Path.Combine(root, "github-output"),
            };

            var exitCode = await BuildRunner.RunAsync(
                new BuildRunSettings { Arguments = ["VerifyUpdate", "--base", "HEAD~1", "--kubectl-exe", kubectl, "--helm-exe", helm, "--root", root, "--no-logo"], Output = output, WorkingDirectory = root, WriteSchema = false, Environment = environment },
                new UpdateBuild(),
                x => ((IVerifyUpdate)x).VerifyUpdate);

            exitCode.Should().NotBe(0, output.ToString());
            output.ToString().Should().Contain("the update breaks 1 thing: see").And.NotContain("   at ");
            var report = await File.ReadAllTextAsync(Path.Combine(root, ".nuke", "temp", IVerifyUpdate.ReportFile));
            report.Should().Contain("| a | lab |").And.Contain("1 Application not affected, not rendered").And.Contain("`Verify` did not run on the head");
            github.Comments.Should().ContainSingle().Which.Body.Should().Be(report);
            (await File.ReadAllTextAsync(Path.Combine(root, ".nuke", "temp", "update", "affected-components.txt"))).Should().Be("a\n");
            (await File.ReadAllTextAsync(Path.Combine(root, "github-output"))).Should().Be("components=a\n", "renovate.yml's live half reads it");
            output.ToString().Should().Contain("1 Application affected (a)");
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

    private static Kubectl KubectlOrSkip()
    {
        try
        {
            return Kubectl.Locate(repositoryRoot: Repository.Root);
        }
        catch (ToolNotFoundException ex)
        {
            Skip.If(true, $"kubectl is needed to render the fixture repository: {ex.Message}");
            throw;
        }
    }
}
