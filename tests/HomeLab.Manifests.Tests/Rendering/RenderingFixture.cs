using HomeLab.Tools;

namespace HomeLab.Manifests.Tests.Rendering;

/// <summary>Fixture paths and the real kubectl and helm for rendering tests; a missing tool skips the test with the reason.</summary>
internal static class RenderingFixture
{
    public static string Root { get; } = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Rendering");

    public static string Path_(params string[] parts) => Path.Combine([Root, .. parts]);

    public static Kubectl Kubectl()
    {
        try
        {
            return Tools.Kubectl.Locate(repositoryRoot: RepositoryRoot.Find(AppContext.BaseDirectory));
        }
        catch (ToolNotFoundException ex)
        {
            Skip.If(true, $"kubectl is needed: {ex.Message} ({ex.Hint})");
            throw;
        }
    }

    public static Helm Helm()
    {
        try
        {
            return Tools.Helm.Locate(repositoryRoot: RepositoryRoot.Find(AppContext.BaseDirectory));
        }
        catch (ToolNotFoundException ex)
        {
            Skip.If(true, $"helm is needed: {ex.Message} ({ex.Hint})");
            throw;
        }
    }

    /// <summary>A scratch directory that is removed when disposed.</summary>
    public static TempDirectory Temp() => new();

    internal sealed class TempDirectory : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("homelab-render-").FullName;

        public void Dispose()
        {
            try
            {
                Directory.Delete(Path, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
