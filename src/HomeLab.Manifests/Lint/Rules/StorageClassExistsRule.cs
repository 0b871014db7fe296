using HomeLab.Manifests.Findings;
using HomeLab.Manifests.Objects;
using HomeLab.Manifests.Yaml;

namespace HomeLab.Manifests.Lint.Rules;

/// <summary>Checks <c>storageClassName</c> of PersistentVolumeClaims and StatefulSet volumeClaimTemplates against the
/// environment's storage classes and the StorageClass objects in the set. A claim without a class (the default
/// class) or with <c>""</c> (static binding) is fine. Does not run when neither names any class.</summary>
internal sealed class StorageClassExistsRule() : LintRule(
    LintRuleIds.StorageClassExists,
    Severity.Error,
    "A claim for a storage class the cluster lacks stays Pending forever, and its pod never starts.")
{
    public override void Check(LintContext context)
    {
        var known = new HashSet<string>(context.Environment?.StorageClasses ?? [], StringComparer.Ordinal);
        foreach (var storageClass in context.OfKind("storage.k8s.io", "StorageClass"))
        {
            if (storageClass.Name is { } name)
            {
                known.Add(name);
            }
        }

        if (known.Count == 0)
        {
            return;
        }

        var environment = context.Environment?.Name ?? "the set";
        foreach (var claim in context.OfKind(string.Empty, "PersistentVolumeClaim"))
        {
            CheckClaim(context, claim, claim.Root.GetMap("spec"), FieldPath.Root.Key("spec"), known, environment);
        }

        foreach (var statefulSet in context.OfKind("apps", "StatefulSet"))
        {
            if (statefulSet.Root.GetMap("spec")?.GetList("volumeClaimTemplates") is not { } templates)
            {
                continue;
            }

            for (var i = 0; i < templates.Count; i++)
            {
                var index = i;
                CheckClaim(context, statefulSet, (templates[i] as YamlMap)?.GetMap("spec"), FieldPath.Root.Key("spec").Key("volumeClaimTemplates").Index(index).Key("spec"), known, environment);
            }
        }
    }

    private void CheckClaim(LintContext context, KubeObject obj, YamlMap? spec, FieldPath specPath, HashSet<string> known, string environment)
    {
        if (spec?.GetString("storageClassName") is not { Length: > 0 } name || known.Contains(name))
        {
            return;
        }

        context.Report(obj, specPath.Key("storageClassName"), $"storage class '{name}' does not exist in {environment}", $"use one of: {string.Join(", ", known.Order(StringComparer.Ordinal))}");
    }
}
