using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using HomeLab.Cluster.Deploy;
using HomeLab.Pipeline.Deploy;
using HomeLab.Pipeline.Tests.Support;
using HomeLab.Testing;
using Newtonsoft.Json.Linq;

namespace HomeLab.Pipeline.Tests.Deploy;

/// <summary>
/// <c>./build.sh DeployProd</c> end to end — guard, render, validate, lint, sealed secrets, plan, apply, record — in a
/// small repository whose kubeconfig (given with <c>--kubeconfig</c>) points at the loopback fake API server.
/// </summary>
public sealed class DeployProdRunTests : IAsyncLifetime, IDisposable
{
    private const string Revision = "abc1234def5678";
    private readonly BuildSandbox _sandbox = new("homelab-deployprod-");
    private readonly FakeApiServer _server = FakeApiServer.Start();

    public DeployProdRunTests()
    {
        _server.Serve("", "v1", "Service", "services", namespaced: true);
        Kubeconfig = Write(".kube/homelab.yaml", $$"""
            apiVersion: v1
            kind: Config
            clusters:
              - name: homelab
                cluster: { server: "{{_server.Url.ToString().TrimEnd('/')}}" }
            users:
              - name: admin
                user: { token: not-a-secret }
            contexts:
              - name: homelab
                context: { cluster: homelab, user: admin }
            current-context: homelab
            """);
        Write("clusters/k3s/environment.yaml", $$"""
            name: k3s
            render:
              applications: [root.yaml]
              repositoryUrls: [https://github.com/example/homelab.git]
            cluster:
              context: homelab
              server: {{_server.Url.ToString().TrimEnd('/')}}
            """);
        Write("clusters/k3s/root.yaml", Application("root", 0, "clusters/k3s/apps", "argocd"));
        Write("clusters/k3s/apps/kustomization.yaml", "resources: [projects.yaml, hello.yaml]\n");
        Write("clusters/k3s/apps/projects.yaml", """
            apiVersion: argoproj.io/v1alpha1
            kind: AppProject
            metadata: { name: platform, namespace: argocd }
            spec:
              sourceRepos: [https://github.com/example/homelab.git, https://argoproj.github.io/argo-helm]
              destinations: [{ server: https://kubernetes.default.svc, namespace: "*" }]
            """);
        Write("clusters/k3s/apps/hello.yaml", Application("hello", 1, "manifests/hello", "home"));
        Write("manifests/hello/kustomization.yaml", "resources: [settings.yaml]\n");
        Write("manifests/hello/settings.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: { name: settings, namespace: home }\ndata: { greeting: hello }\n");
        Write("clusters/k3s/sealing-cert.pem", SealingCertificatePem());
    }

    private string Kubeconfig { get; }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public void Dispose() => _sandbox.Dispose();

    [Fact]
    public async Task A_dry_run_prints_and_writes_the_plan_and_sends_the_cluster_no_write()
    {
        ArgoCdWithTheSealingController();
        _server.Put(Root("old1111"));

        var (exitCode, output, _) = await RunAsync("--dry-run");

        exitCode.Should().Be(0, output);
        output.Should().Contain("wave 0\n  root\n    + create AppProject argocd/platform\n    + create Application argocd/hello\nwave 1\n  hello\n    + create ConfigMap home/settings\nPlan: 3 to create, 0 to change, 0 to prune");
        output.Should().Contain($"dry run of {Revision[..12]}: 3 to create, 0 to change, 0 to prune; nothing was written");
        File.ReadAllText(Path.Combine(_sandbox.Root, ".nuke", "temp", "deploy-plan.md")).Should().Contain("| 1 | hello | create | `ConfigMap home/settings` |");
        _server.Received.Where(r => r.Method != "GET" && !r.Query.ContainsKey("dryRun")).Should().BeEmpty("a dry run writes nothing");
    }

    [Fact]
    public async Task With_yes_the_root_application_is_pointed_at_the_revision_waited_for_and_recorded()
    {
        ArgoCdWithTheSealingController();
        _server.Put(Root("old1111"));
        _server.Put(JObject.Parse(Application("hello", 1, "manifests/hello", "home", """{"sync":{"status":"Synced"},"health":{"status":"Healthy"}}""")));

        var (exitCode, output, _) = await RunAsync("--yes");

        exitCode.Should().Be(0, output);
        output.Should().Contain($"deployed {Revision} (was old1111)");
        var root = _server.Find("argoproj.io/v1alpha1", "Application", "argocd", "root")!;
        root["spec"]!["source"]!["targetRevision"]!.Value<string>().Should().Be(Revision);
        var record = DeploymentRecord.TryParse(root["metadata"]!["annotations"]![DeploymentRecord.Annotation]!.Value<string>())!;
        record.Should().Match<DeploymentRecord>(r => r.PreviousRevision == "old1111" && r.Summary == "2 to create, 0 to change, 0 to prune", "hello already runs; its project and ConfigMap are new");
        Directory.GetFiles(Path.Combine(_sandbox.Root, ".nuke", "temp", "deployments")).Should().ContainSingle();
    }

    [SkippableFact]
    public async Task Without_yes_and_without_a_terminal_nothing_is_written()
    {
        Skip.IfNot(Console.IsInputRedirected, "standard input is a terminal here, so DeployProd would ask instead of refusing");
        ArgoCdWithTheSealingController();
        _server.Put(Root("old1111"));

        var (exitCode, output, _) = await RunAsync();

        exitCode.Should().NotBe(0, output);
        output.Should().Contain("not deploying: no terminal to confirm on and no --yes");
        _server.Received.Where(r => r.Method != "GET" && !r.Query.ContainsKey("dryRun")).Should().BeEmpty();
    }

    [Fact]
    public async Task Rollback_points_the_root_application_back_at_the_previous_recorded_revision()
    {
        ArgoCd();
        var root = Root("new2222");
        root["metadata"]!["annotations"]![DeploymentRecord.Annotation] = new DeploymentRecord("new2222", "old1111", DateTimeOffset.UnixEpoch, "alice", "1 to create, 0 to change, 0 to prune").ToJson();
        _server.Put(root);

        var (exitCode, output, _) = await _sandbox.RunAsync<DeployBuild>(x => ((IDeployProd)x).DeployProd, "DeployProd", "--kubeconfig", Kubeconfig, "--rollback", "--yes");

        exitCode.Should().Be(0, output);
        output.Should().Contain("deployed old1111 (was new2222)");
        _server.Find("argoproj.io/v1alpha1", "Application", "argocd", "root")!["spec"]!["source"]!["targetRevision"]!.Value<string>().Should().Be("old1111");
    }

    [SkippableFact]
    public async Task A_dry_run_on_a_cluster_without_ArgoCD_plans_the_bootstrap_with_argocds_own_chart_and_installs_nothing()
    {
        Skip.If(OperatingSystem.IsWindows(), "the fake helm is a shell script");
        var helm = WithArgoCdsOwnApplication();

        var (exitCode, output, _) = await RunAsync("--dry-run", "--helm-exe", helm, "--offline");

        exitCode.Should().Be(0, output);
        output.Should().Contain("bootstrap (no ArgoCD on the cluster)\n  + install argo-cd 7.8.2 from https://argoproj.github.io/argo-helm as release argocd in namespace argocd with manifests/argocd-values.yaml\n");
        output.Should().Contain("first deployment: no ArgoCD");
        output.Should().Contain("Plan: ArgoCD to bootstrap, ");
        File.ReadAllLines(Path.Combine(_sandbox.Root, "helm-calls.log")).Should().NotContain(line => line.StartsWith("upgrade", StringComparison.Ordinal), "a dry run installs nothing");
        _server.Received.Where(r => r.Method != "GET" && !r.Query.ContainsKey("dryRun")).Should().BeEmpty();
    }

    [SkippableFact]
    public async Task A_first_deployment_installs_ArgoCD_then_the_projects_then_the_root_application()
    {
        Skip.If(OperatingSystem.IsWindows(), "the fake helm is a shell script");
        var helm = WithArgoCdsOwnApplication();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var argocd = ActAsArgoCdOnceHelmInstallsIt(stop.Token);

        var (exitCode, output, _) = await RunAsync("--yes", "--helm-exe", helm, "--offline");
        await stop.CancelAsync();
        await argocd;

        exitCode.Should().Be(0, output);
        output.Should().Contain($"deployed {Revision} (was nothing)");
        var install = File.ReadAllLines(Path.Combine(_sandbox.Root, "helm-calls.log")).Should().ContainSingle(line => line.StartsWith("upgrade", StringComparison.Ordinal)).Subject;
        install.Should().StartWith("upgrade --install argocd argo-cd --repo https://argoproj.github.io/argo-helm --version 7.8.2 --namespace argocd --create-namespace --wait")
            .And.Contain($"-f {Path.Combine(_sandbox.Root, "manifests/argocd-values.yaml")}").And.EndWith("--kube-context homelab");
        _server.Received.Where(r => r.Method == "PATCH" && !r.Query.ContainsKey("dryRun")).Select(r => r.Path).Should().StartWith(
            ["/apis/argoproj.io/v1alpha1/namespaces/argocd/appprojects/platform", "/apis/argoproj.io/v1alpha1/namespaces/argocd/applications/root"]);
    }

    [Fact]
    public async Task A_dry_run_with_no_kubeconfig_stops_with_one_line_that_says_how_to_fetch_the_hardwares()
    {
        var (exitCode, output, _) = await _sandbox.RunAsync<DeployBuild>(x => ((IDeployProd)x).DeployProd, "DeployProd", "--dry-run");

        exitCode.Should().NotBe(0, output);
        output.Should().Contain("no kubeconfig: KUBECONFIG is unset").And.Contain("hint: DeployProd talks to the hardware, not to k3d: fetch its kubeconfig with `scp <server node>:/etc/rancher/k3s/k3s.yaml ~/.kube/homelab.yaml`");
        output.Should().NotContain("ClusterUp Test").And.NotContain("   at HomeLab");
    }

    private static string Application(string name, int wave, string path, string destination, string? status = null)
    {
        var application = new JObject
        {
            ["apiVersion"] = "argoproj.io/v1alpha1",
            ["kind"] = "Application",
            ["metadata"] = new JObject { ["name"] = name, ["namespace"] = "argocd", ["annotations"] = new JObject { ["argocd.argoproj.io/sync-wave"] = wave.ToString(System.Globalization.CultureInfo.InvariantCulture) } },
            ["spec"] = new JObject
            {
                ["project"] = "platform",
                ["source"] = new JObject { ["repoURL"] = "https://github.com/example/homelab.git", ["targetRevision"] = "main", ["path"] = path },
                ["destination"] = new JObject { ["server"] = "https://kubernetes.default.svc", ["namespace"] = destination },
            },
        };
        if (status is not null)
        {
            application["status"] = JObject.Parse(status);
        }

        return application.ToString();
    }

    private static JObject Root(string revision)
    {
        var root = JObject.Parse(Application("root", 0, "clusters/k3s/apps", "argocd", """{"sync":{"status":"Synced"},"health":{"status":"Healthy"}}"""));
        root["spec"]!["source"]!["targetRevision"] = revision;
        return root;
    }

    private static string SealingCertificatePem()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=sealed-secret, O=sealed-secret", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2035, 1, 1, 0, 0, 0, TimeSpan.Zero));
        return certificate.ExportCertificatePem() + "\n";
    }

    private void ArgoCd()
    {
        _server.Serve("argoproj.io", "v1alpha1", "Application", "applications", namespaced: true);
        _server.Serve("argoproj.io", "v1alpha1", "AppProject", "appprojects", namespaced: true);
    }

    private void ArgoCdWithTheSealingController()
    {
        ArgoCd();
        _server.Put(JObject.Parse("""
            {"apiVersion":"v1","kind":"Service","metadata":{"name":"sealed-secrets-controller","namespace":"kube-system"},"spec":{"ports":[{"name":"http","port":8080}]}}
            """));
        _server.ServeText("/api/v1/namespaces/kube-system/services/http:sealed-secrets-controller:http/proxy/v1/cert.pem", File.ReadAllText(Path.Combine(_sandbox.Root, "clusters", "k3s", "sealing-cert.pem")));
    }

    // What ArgoCD does once helm has installed it: its kinds are served, and the Applications become Synced and Healthy.
    private async Task ActAsArgoCdOnceHelmInstallsIt(CancellationToken cancellationToken)
    {
        var calls = Path.Combine(_sandbox.Root, "helm-calls.log");
        try
        {
            while (!(File.Exists(calls) && File.ReadAllText(calls).Contains("upgrade", StringComparison.Ordinal)))
            {
                await Task.Delay(20, cancellationToken);
            }

            ArgoCd();
            File.WriteAllText(Path.Combine(_sandbox.Root, "argocd-served"), string.Empty);
            JObject? root;
            while ((root = _server.Find("argoproj.io/v1alpha1", "Application", "argocd", "root")) is null)
            {
                await Task.Delay(20, cancellationToken);
            }

            root["status"] = JObject.Parse("""{"sync":{"status":"Synced"},"health":{"status":"Healthy"}}""");
            _server.Put(root);
        }
        catch (OperationCanceledException)
        {
        }
    }

    // ArgoCD's own Application (a remote chart, in the chart cache) and a helm that renders a ConfigMap for it and records every call.
    private string WithArgoCdsOwnApplication()
    {
        Write("clusters/k3s/apps/kustomization.yaml", "resources: [projects.yaml, hello.yaml, argocd.yaml]\n");
        Write("clusters/k3s/apps/argocd.yaml", """
            apiVersion: argoproj.io/v1alpha1
            kind: Application
            metadata: { name: argocd, namespace: argocd, annotations: { argocd.argoproj.io/sync-wave: "0" } }
            spec:
              project: platform
              sources:
                - repoURL: https://argoproj.github.io/argo-helm
                  chart: argo-cd
                  targetRevision: 7.8.2
                  helm: { releaseName: argocd, valueFiles: [$values/manifests/argocd-values.yaml] }
                - { repoURL: https://github.com/example/homelab.git, targetRevision: main, ref: values }
              destination: { server: https://kubernetes.default.svc, namespace: argocd }
            """);
        Write("manifests/argocd-values.yaml", "server: {}\n");
        var cached = Path.Combine(_sandbox.Root, ".nuke", "cache", "charts", "https_argoproj.github.io_argo-helm", "argo-cd", "7.8.2");
        Directory.CreateDirectory(cached);
        using (var package = File.Create(Path.Combine(cached, "argo-cd-7.8.2.tgz")))
        using (var gzip = new System.IO.Compression.GZipStream(package, System.IO.Compression.CompressionLevel.Fastest))
        using (var tar = new System.Formats.Tar.TarWriter(gzip))
        {
            foreach (var (name, text) in new[] { ("argo-cd/Chart.yaml", "apiVersion: v2\nname: argo-cd\nversion: 7.8.2\n"), ("argo-cd/values.yaml", "server: {}\n") })
            {
                tar.WriteEntry(new System.Formats.Tar.PaxTarEntry(System.Formats.Tar.TarEntryType.RegularFile, name) { DataStream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text)) });
            }
        }

        var helm = Write("fake-helm", """
            #!/bin/sh
            echo "$@" >> "$(dirname "$0")/helm-calls.log"
            case "$1" in
              template) printf 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: argocd-cm\n  namespace: argocd\ndata:\n  url: https://argocd.homelab.example.net\n' ;;
              version) echo 'v3.17.0+g0' ;;
              upgrade) i=0; while [ ! -f "$(dirname "$0")/argocd-served" ] && [ $i -lt 500 ]; do sleep 0.02; i=$((i+1)); done ;;
            esac
            """);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(helm, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return helm;
    }

    private Task<(int ExitCode, string Output, DeployBuild Build)> RunAsync(params string[] arguments) =>
        _sandbox.RunAsync<DeployBuild>(x => ((IDeployProd)x).DeployProd, ["DeployProd", "--kubeconfig", Kubeconfig, "--revision", Revision, .. arguments]);

    private string Write(string relativePath, string text)
    {
        var path = Path.Combine(_sandbox.Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text.EndsWith('\n') ? text : text + "\n");
        return path;
    }
}
