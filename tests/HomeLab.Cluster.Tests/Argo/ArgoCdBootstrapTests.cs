using FluentAssertions;
using HomeLab.Cluster.Argo;
using HomeLab.Cluster.Client;
using HomeLab.Cluster.Tests.Secrets;
using HomeLab.Testing;
using HomeLab.Tools;

namespace HomeLab.Cluster.Tests.Argo;

/// <summary>The ArgoCD bootstrap StackUp and DeployProd share: the helm command it runs and how it tells ArgoCD is there.</summary>
public sealed class ArgoCdBootstrapTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void The_install_uses_the_chart_version_and_values_of_argocds_own_application_with_the_hardwares_context()
    {
        var chart = ArgoCdChart.Parse(
            """
            {"apiVersion":"argoproj.io/v1alpha1","kind":"Application","metadata":{"name":"argocd"},
             "spec":{"sources":[{"repoURL":"https://argoproj.github.io/argo-helm","chart":"argo-cd","targetRevision":"7.8.2",
               "helm":{"releaseName":"argocd","valueFiles":["$values/manifests/platform/argocd/values.yaml","$values/manifests/platform/argocd/values-k3s.yaml"]}},
               {"repoURL":"https://github.com/homelab-gitops/homelab.git","ref":"values"}],
             "destination":{"namespace":"argocd"}}}
            """,
            "clusters/k3s/apps/kustomization.yaml:1");
        var bootstrap = new ArgoCdBootstrap(chart, "/repo") { Timeout = TimeSpan.FromMinutes(7), KubeContext = "homelab" };

        bootstrap.HelmArguments().Should().Equal(
            "upgrade", "--install", "argocd", "argo-cd", "--repo", "https://argoproj.github.io/argo-helm", "--version", "7.8.2",
            "--namespace", "argocd", "--create-namespace", "--wait", "--timeout", "7m",
            "-f", Path.Combine("/repo", "manifests/platform/argocd/values.yaml"), "-f", Path.Combine("/repo", "manifests/platform/argocd/values-k3s.yaml"),
            "--kube-context", "homelab");
        bootstrap.Description.Should().Be("install argo-cd 7.8.2 from https://argoproj.github.io/argo-helm as release argocd in namespace argocd with manifests/platform/argocd/values.yaml, manifests/platform/argocd/values-k3s.yaml");
    }

    [SkippableFact]
    public async Task A_failing_helm_is_one_line_with_its_last_error()
    {
        Skip.If(OperatingSystem.IsWindows(), "the fake helm is a shell script");
        var helm = _folder.Write("helm", "#!/bin/sh\necho \"$@\" > \"$(dirname \"$0\")/calls.log\"\necho 'Release \"argocd\" does not exist. Installing it now.'\necho 'Error: INSTALLATION FAILED: context deadline exceeded' >&2\nexit 1\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(helm, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        var bootstrap = new ArgoCdBootstrap(new ArgoCdChart("https://argoproj.github.io/argo-helm", "argo-cd", "7.8.2", "argocd", "argocd", []), _folder.Path);
        var lines = new List<string>();

        var install = () => bootstrap.InstallAsync(new Helm(helm), lines.Add, CancellationToken.None);

        await install.Should().ThrowAsync<ArgoCdBootstrapException>().WithMessage("installing argo-cd 7.8.2 into argocd failed: helm upgrade exited with 1: Error: INSTALLATION FAILED: context deadline exceeded");
        lines.Should().Contain("Release \"argocd\" does not exist. Installing it now.");
        (await File.ReadAllTextAsync(_folder.File("calls.log"))).Should().StartWith("upgrade --install argocd argo-cd --repo https://argoproj.github.io/argo-helm --version 7.8.2");
    }

    [Fact]
    public async Task ArgoCD_is_installed_when_the_cluster_serves_Applications_and_not_before()
    {
        await using var server = FakeApiServer.Start();
        using var connection = server.Connect();
        var client = new ApiServerClient(connection);

        (await ArgoCdBootstrap.IsInstalledAsync(client, CancellationToken.None)).Should().BeFalse();
        server.Serve("argoproj.io", "v1alpha1", "Application", "applications", namespaced: true);
        (await ArgoCdBootstrap.IsInstalledAsync(client, CancellationToken.None)).Should().BeTrue();
    }
}
