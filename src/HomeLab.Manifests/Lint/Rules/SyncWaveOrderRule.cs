using System.Globalization;
using HomeLab.Manifests.Findings;
using HomeLab.Manifests.Objects;
using HomeLab.Manifests.Yaml;

namespace HomeLab.Manifests.Lint.Rules;

/// <summary>A custom resource whose CustomResourceDefinition is in the set must not be in an earlier sync wave
/// (<c>argocd.argoproj.io/sync-wave</c>, 0 when unset) than the CRD.</summary>
internal sealed class SyncWaveOrderRule() : LintRule(
    LintRuleIds.SyncWaveOrder,
    Severity.Error,
    "ArgoCD applies waves in order; a custom resource in a wave before its CRD fails to sync on a fresh cluster.")
{
    internal const string WaveAnnotation = "argocd.argoproj.io/sync-wave";

    public override void Check(LintContext context)
    {
        var crds = new Dictionary<(string Group, string Kind), (KubeObject Crd, int Wave)>();
        foreach (var crd in context.OfKind("apiextensions.k8s.io", "CustomResourceDefinition"))
        {
            var spec = crd.Root.GetMap("spec");
            if (spec?.GetString("group") is { } group && spec.GetMap("names")?.GetString("kind") is { } kind)
            {
                crds.TryAdd((group, kind), (crd, WaveOf(crd)));
            }
        }

        if (crds.Count == 0)
        {
            return;
        }

        foreach (var obj in context.Objects)
        {
            if (obj.Kind is null || !crds.TryGetValue((obj.Group, obj.Kind), out var definition))
            {
                continue;
            }

            var wave = WaveOf(obj);
            if (wave < definition.Wave)
            {
                context.Report(obj, FieldPath.Root.Key("metadata").Key("annotations").Key(WaveAnnotation), $"{obj.Kind} '{obj.Name}' is in sync wave {wave}, before its CRD {definition.Crd.Name} (wave {definition.Wave})", $"set {WaveAnnotation}: \"{definition.Wave}\" or later, or move the CRD to an earlier wave");
            }
        }
    }

    private static int WaveOf(KubeObject obj) =>
        obj.Metadata?.GetMap("annotations")?.GetString(WaveAnnotation) is { } text && int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var wave) ? wave : 0;
}
