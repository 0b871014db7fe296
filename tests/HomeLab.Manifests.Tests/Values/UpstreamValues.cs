using System.Text.Json.Nodes;
using HomeLab.Manifests.Values;
using HomeLab.Tools;

namespace HomeLab.Manifests.Tests.Values;

/// <summary>
/// The real default values of the charts the homelab pins (and of their newest releases), read in place from
/// <c>../shared/upstream/values/</c> beside the repository; a test that needs them skips with the reason when absent.
/// </summary>
internal static class UpstreamValues
{
    // The upstream folders name subcharts by chart; these parents read them under an alias (shared/upstream/README.md).
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.Ordinal)
    {
        ["node-feature-discovery"] = "nfd",
        ["rollout-operator"] = "rollout_operator",
    };

    public static string RepositoryRoot { get; } = Tools.RepositoryRoot.Find(AppContext.BaseDirectory) ?? throw new InvalidOperationException("the tests run inside the repository");

    public static string Directory_ { get; } = Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "upstream"));

    public static void SkipWhenAbsent() =>
        Skip.IfNot(Directory.Exists(Path.Combine(Directory_, "values")), $"the real upstream chart data is not at {Directory_} (it sits beside the repository on the project's machines)");

    public static ChartValues Chart(string chart, string version)
    {
        SkipWhenAbsent();
        var folder = Path.Combine(Directory_, "values", chart, version);
        Skip.IfNot(Directory.Exists(folder), $"{folder} is not in the upstream data");
        return ChartValues.Load(folder, Aliases);
    }

    /// <summary>Every chart an environment's Applications render, with the homelab value files they render it with.</summary>
    public static IEnumerable<(string Environment, string Application, string Chart, string Version, IReadOnlyList<string> ValueFiles)> Rendered()
    {
        SkipWhenAbsent();
        var index = JsonNode.Parse(File.ReadAllText(Path.Combine(Directory_, "index.json")))!;
        foreach (var entry in index["rendered"]!.AsArray())
        {
            var files = entry!["valueFiles"]!.AsArray()
                .Select(f => Path.Combine(RepositoryRoot, f!.GetValue<string>().Replace("$values/", string.Empty, StringComparison.Ordinal)))
                .ToList();
            yield return (entry["env"]!.GetValue<string>(), entry["application"]!.GetValue<string>(), entry["chart"]!.GetValue<string>(), entry["rendered"]!.GetValue<string>(), files);
        }
    }
}
