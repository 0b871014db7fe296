using HomeLab.Manifests.Findings;
using HomeLab.Manifests.Reporting;
using HomeLab.Targets;

namespace HomeLab.Pipeline.Findings;

/// <summary>A report <c>--output</c> asks for: <c>sarif=FILE</c> or <c>junit=FILE</c>.</summary>
/// <param name="Kind">The format: <c>sarif</c> or <c>junit</c>.</param>
/// <param name="Path">The file to write.</param>
public sealed record ReportOutput(string Kind, AbsolutePath Path)
{
    /// <summary>The formats there are.</summary>
    public static IReadOnlyList<string> Kinds { get; } = ["sarif", "junit"];

    /// <summary>Reads every <c>--output</c> value; checked before any work is done.</summary>
    /// <param name="values">The values, such as <c>sarif=out/homelab.sarif</c>.</param>
    /// <param name="rootDirectory">Where relative paths start.</param>
    /// <returns>The reports.</returns>
    /// <exception cref="TargetFailedException">A value names no known format or no file, or names a directory.</exception>
    public static IReadOnlyList<ReportOutput> Parse(IEnumerable<string> values, AbsolutePath rootDirectory)
    {
        ArgumentNullException.ThrowIfNull(values);
        var outputs = new List<ReportOutput>();
        foreach (var value in values)
        {
            var equals = value.IndexOf('=', StringComparison.Ordinal);
            var kind = equals < 0 ? value : value[..equals];
            var file = equals < 0 ? string.Empty : value[(equals + 1)..];
            if (!Kinds.Contains(kind, StringComparer.Ordinal) || file.Length == 0)
            {
                throw new TargetFailedException($"--output {value}: expected sarif=<file> or junit=<file>, for example --output sarif=out/homelab.sarif.");
            }

            var path = AbsolutePath.Create(file, rootDirectory);
            if (Directory.Exists(path))
            {
                throw new TargetFailedException($"--output {value}: {path} is a directory; name the file to write.");
            }

            outputs.Add(new ReportOutput(kind, path));
        }

        return outputs;
    }

    /// <summary>Writes the findings in this report's format, replacing the file.</summary>
    /// <param name="findings">The findings.</param>
    /// <param name="rootDirectory">Paths in the report are relative to it.</param>
    public void Write(IReadOnlyList<Finding> findings, AbsolutePath rootDirectory)
    {
        Directory.CreateDirectory(Path.Parent);
        using var writer = new StreamWriter(Path);
        IFindingReporter reporter = Kind == "sarif"
            ? new SarifReporter(rootDirectory) { Rules = [.. RuleDescriptor.ForLintRules] }
            : new JUnitReporter(rootDirectory);
        reporter.Write(findings, writer);
    }
}
