using HomeLab.Manifests.Findings;
using HomeLab.Manifests.Rendering;
using HomeLab.Pipeline.Manifests;
using HomeLab.Targets;

namespace HomeLab.Pipeline.Charts;

/// <summary>
/// A component: where remote charts come from. <c>SyncCharts</c> fills the chart cache with every pinned chart of every
/// environment (each package checked against its repository index's digest), so later runs render offline;
/// <c>--chart-cache</c> and <c>--chart-mirror</c> tell Render and SyncCharts where the cache is and which mirror stands
/// in for a repository.
/// </summary>
public interface IChartSources : IVerifyManifests
{
    /// <summary>Where downloaded charts are kept.</summary>
    [Parameter("Render, SyncCharts: where downloaded charts are kept (default .nuke/cache/charts).")]
    AbsolutePath? ChartCache => TryGetValue(() => ChartCache);

    /// <summary>Mirrors that stand in for chart repositories, each <c>&lt;repoURL&gt;=&lt;url&gt;</c>.</summary>
    [Parameter("Render, SyncCharts: pull the charts of <repoURL> from a mirror, as <repoURL>=<url> (an HTTP chart repository or oci://; repeatable).")]
    [ChartMirrorFormat]
    string[] ChartMirror => TryGetValue(() => ChartMirror) ?? [];

    /// <inheritdoc />
    RenderOptions IVerifyManifests.RenderSettings => new(RootDirectory)
    {
        AllowNetwork = !Offline,
        ChartCacheDirectory = ChartCache?.Value,
        ChartMirrors = ChartMirrors.Parse(ChartMirror),
    };

    /// <summary>Pulls every pinned chart of every environment into the chart cache.</summary>
    Target SyncCharts => _ => _
        .Description("Pulls every pinned remote chart of every environment into the chart cache (checking the repository index's digest), without rendering them, so later runs render offline.")
        .Executes(async (context, ct) =>
        {
            var options = RenderSettings with { AllowNetwork = true, WriteOutput = false, PullChartsOnly = true };
            // Here a chart that could not be had is the failure, not a note: SyncCharts exists to get it. What the charts
            // render is Render's business: they are only pulled.
            await RenderEnvironmentsAsync(context, options, ct, f => f.RuleId switch
            {
                RenderRuleIds.ChartUnavailable => f,
                RenderRuleIds.NotRenderedOffline => f with { Severity = Severity.Error, Message = f.Message.Replace("was not rendered offline", "could not be fetched", StringComparison.Ordinal), Hint = "check that the repository is reachable, or pass --chart-mirror <repoURL>=<url>" },
                _ => null,
            });

            var cache = options.ChartCacheDirectoryOrDefault;
            var packages = Directory.Exists(cache) ? Directory.EnumerateFiles(cache, "*.tgz", SearchOption.AllDirectories).Count(f => !f.Contains(".pull-", StringComparison.Ordinal)) : 0;
            context.AddNote($"{packages} chart package{(packages == 1 ? string.Empty : "s")} in {Path.GetRelativePath(RootDirectory, cache)}");
            WriteReports();
        });
}
