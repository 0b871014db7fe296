using HomeLab.Manifests.Findings;
using HomeLab.Manifests.Yaml;

namespace HomeLab.Manifests.Lint.Rules;

internal sealed class NoPlainSecretRule() : LintRule(
    LintRuleIds.NoPlainSecret,
    Severity.Error,
    "Secrets in git are readable by anyone with the repository; commit a SealedSecret, which only the cluster can decrypt.")
{
    public override void Check(LintContext context)
    {
        foreach (var obj in context.OfKind("Secret"))
        {
            // A remote chart's Secret is generated when the chart renders (a random key, a config from values): it is not
            // in git. Secrets of this repository's files and local charts are.
            if (obj.Group.Length == 0 && context.ChartApplicationOf(obj) is null)
            {
                context.Report(obj, FieldPath.Root.Key("kind"), $"Secret '{obj.Name}' is committed in plain text", "seal it into a SealedSecret (bitnami.com/v1alpha1) and commit that instead");
            }
        }
    }
}
