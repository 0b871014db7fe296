using HomeLab.Manifests.Findings;
using HomeLab.Manifests.Lint;
using HomeLab.Manifests.Objects;
using HomeLab.Manifests.Tests.Lint;

namespace HomeLab.Manifests.Tests.Reporting;

/// <summary>A throw-away repository with one manifest file, linted from disk so reporters can read its lines.</summary>
internal sealed class ReportTestRepository : IDisposable
{
    public ReportTestRepository(string prefix = "")
    {
        Root = Path.Combine(Path.GetTempPath(), "homelab-report-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(Root, "manifests"));
        ManifestPath = Path.Combine(Root, "manifests", "web.yaml");
        var yaml = LintTestSet.Baseline
            .Replace("image: nginx:1.27", "image: nginx", StringComparison.Ordinal)
            .Replace("livenessProbe: { httpGet: { path: /, port: http } }", string.Empty, StringComparison.Ordinal);
        File.WriteAllText(ManifestPath, prefix + yaml);
        Findings = Linter.Default.Lint(ManifestSet.Load(ManifestPath));
    }

    public string Root { get; }

    public string ManifestPath { get; }

    public IReadOnlyList<Finding> Findings { get; }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
