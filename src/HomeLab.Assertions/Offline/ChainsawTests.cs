using HomeLab.Assertions.Chainsaw;
using HomeLab.Assertions.Reports;
using HomeLab.Assertions.Running;
using HomeLab.Assertions.Sources;
using HomeLab.Manifests.Findings;
using HomeLab.Manifests.Yaml;

namespace HomeLab.Assertions.Offline;

/// <summary>
/// A Chainsaw <c>Test</c> file given to <c>Assert</c>: run whole against the resources (as the <c>Test</c> target
/// runs <c>tests/chainsaw/offline/</c>), each failure a finding at the test's file:line.
/// </summary>
internal static class ChainsawTests
{
    /// <summary>The rule id of a failure of a Chainsaw test run by <c>Assert</c>.</summary>
    public const string TestRule = "assert/chainsaw-test";

    public static bool IsTest(YamlNode root) =>
        root is YamlMap map && map.GetString("kind") is "Test" && map.GetString("apiVersion") is { } apiVersion
        && apiVersion.StartsWith("chainsaw.kyverno.io/", StringComparison.Ordinal);

    public static async Task<IReadOnlyList<Finding>> RunAsync(string file, ManifestSource source, CancellationToken cancellationToken)
    {
        IReadOnlyList<Steps.TestDefinition> tests;
        try
        {
            tests = ChainsawTestLoader.LoadFile(file);
        }
        catch (ChainsawFormatException ex)
        {
            return [new Finding(OfflineAssertion.SyntaxRule, Severity.Error, ex.Message) { Span = ex.Span.IsKnown ? ex.Span : SourceSpan.At(file, 1, 1) }];
        }

        var findings = new List<Finding>();
        var runner = new TestRunner(new ClusterUnderTest(source));
        foreach (var test in tests)
        {
            var report = await runner.RunTestAsync(test, cancellationToken).ConfigureAwait(false);
            var span = test.Span.IsKnown ? test.Span : SourceSpan.At(file, 1, 1);
            if (report.Status == ReportStatus.Skipped)
            {
                findings.Add(new Finding(OfflineAssertion.SkippedRule, Severity.Info, $"test {test.Name} skipped: {report.SkipReason}") { Span = span });
                continue;
            }

            findings.AddRange(report.Failures.Select(f => new Finding(TestRule, Severity.Error, $"test {test.Name}: {f}") { Span = span }));
        }

        return findings;
    }
}
