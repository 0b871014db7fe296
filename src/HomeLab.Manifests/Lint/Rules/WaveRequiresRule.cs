using System.Globalization;
using HomeLab.Manifests.Findings;
using HomeLab.Manifests.Objects;
using HomeLab.Manifests.Validation;
using HomeLab.Manifests.Yaml;

namespace HomeLab.Manifests.Lint.Rules;

/// <summary>An Application that declares what it needs (<c>homelab.dev/requires: "a,b"</c>, names of Applications)
/// must name Applications that are in the set, and must be in a later sync wave
/// (<c>argocd.argoproj.io/sync-wave</c>, 0 when unset) than every one of them.</summary>
internal sealed class WaveRequiresRule() : LintRule(
    LintRuleIds.WaveRequires,
    Severity.Error,
    "An app-of-apps syncs its Applications wave by wave; one in the same or an earlier wave than what it requires starts before that is healthy.")
{
    internal const string RequiresAnnotation = "homelab.dev/requires";

    private static readonly FieldPath Annotations = FieldPath.Root.Key("metadata").Key("annotations");
    private static readonly FieldPath RequiresPath = Annotations.Key(RequiresAnnotation);
    private static readonly FieldPath WavePath = Annotations.Key(SyncWaveOrderRule.WaveAnnotation);

    public override void Check(LintContext context)
    {
        var applications = ApplicationSources.Applications(context).Where(a => a.Name is not null).ToList();
        var byName = new Dictionary<string, KubeObject>(StringComparer.Ordinal);
        foreach (var application in applications)
        {
            byName.TryAdd(application.Name!, application);
        }

        foreach (var application in applications)
        {
            var wave = WaveOf(application, context);
            if (!application.Annotations.TryGetValue(RequiresAnnotation, out var requires))
            {
                continue;
            }

            var names = requires.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            foreach (var name in names)
            {
                if (name == application.Name)
                {
                    context.Report(application, RequiresPath, $"Application '{name}' requires itself", $"remove '{name}' from {RequiresAnnotation}");
                    continue;
                }

                if (!byName.TryGetValue(name, out var required))
                {
                    context.Report(application, RequiresPath, $"Application '{application.Name}' requires '{name}', which is not an Application in the set", Suggest(name, byName.Keys));
                    continue;
                }

                var requiredWave = WaveOf(required, null);
                if (wave is { } own && requiredWave is { } theirs && own <= theirs)
                {
                    var needed = names.Select(n => byName.TryGetValue(n, out var r) && n != application.Name ? WaveOf(r, null) ?? 0 : int.MinValue).Max() + 1;
                    context.Report(application, WavePath, $"Application '{application.Name}' is in sync wave {own}, but requires '{name}' in wave {theirs}: it would start before '{name}' is healthy", $"set {SyncWaveOrderRule.WaveAnnotation}: \"{needed}\" (one after the latest wave it requires)");
                }
            }
        }
    }

    // The wave, 0 when unset, null when it is not a whole number (reported once, when context is given).
    private static int? WaveOf(KubeObject application, LintContext? context)
    {
        if (!application.Annotations.TryGetValue(SyncWaveOrderRule.WaveAnnotation, out var text))
        {
            return 0;
        }

        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var wave))
        {
            return wave;
        }

        context?.Report(application, WavePath, $"Application '{application.Name}' has sync wave '{text}', which is not a whole number", "write the wave as an integer, such as \"2\"");
        return null;
    }

    private static string Suggest(string name, IEnumerable<string> known) =>
        FieldSuggestions.Closest(name, known) is { } closest
            ? $"did you mean '{closest}'?"
            : $"name an Application of the set in {RequiresAnnotation}, or add the Application";
}
