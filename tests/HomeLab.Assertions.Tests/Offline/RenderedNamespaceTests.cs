using HomeLab.Assertions.Offline;
using HomeLab.Manifests.Environments;
using HomeLab.Manifests.Rendering;
using HomeLab.Tools;

namespace HomeLab.Assertions.Tests.Offline;

public sealed class RenderedNamespaceTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("homelab-rendered-ns-").FullName;

    [SkippableFact]
    public async Task Assert_over_the_rendered_output_finds_objects_in_their_applications_destination_namespace()
    {
        Write("clusters/k3d/environment.yaml", "kubernetesVersion: v1.32.4\nnodes:\n  - name: server-0\n    roles: [server]\nrender:\n  kustomizations: [.]\n  repositoryUrls: [https://github.com/example/homelab.git]\n");
        Write("clusters/k3d/kustomization.yaml", "resources:\n  - app.yaml\n");
        Write("clusters/k3d/app.yaml", """
            apiVersion: argoproj.io/v1alpha1
            kind: Application
            metadata: { name: media, namespace: argocd }
            spec:
              destination: { namespace: media, server: https://kubernetes.default.svc }
              source: { repoURL: https://github.com/example/homelab, targetRevision: main, path: apps/media }
            """);
        Write("apps/media/config.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: jellyfin\ndata:\n  port: \"8096\"\n");
        var set = await new EnvironmentRenderer(Kubectl()).RenderAsync(
            EnvironmentCatalog.Discover(_root).Find("k3d")!,
            new RenderOptions(_root) { OutputDirectory = Path.Combine(_root, ".nuke", "temp", "rendered") });
        var assertion = Write("assert.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: jellyfin\n  namespace: media\ndata:\n  port: \"8096\"\n");

        var findings = await OfflineAssertion.CheckAsync([assertion], [set.OutputDirectory]);

        findings.Should().BeEmpty("the written file puts the ConfigMap where ArgoCD will: the Application's destination namespace");
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static Kubectl Kubectl()
    {
        try
        {
            return Tools.Kubectl.Locate(repositoryRoot: RepositoryRoot.Find(AppContext.BaseDirectory));
        }
        catch (ToolNotFoundException ex)
        {
            Skip.If(true, $"kubectl is needed to render: {ex.Message} ({ex.Hint})");
            throw;
        }
    }

    private string Write(string relative, string text)
    {
        var path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text + "\n");
        return path;
    }
}
