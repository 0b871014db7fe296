using System.Text.RegularExpressions;
using HomeLab.Manifests.Findings;

namespace HomeLab.Manifests.Lint.Rules;

/// <summary>A chart source (one with <c>chart:</c>) must name an exact version in <c>targetRevision</c>: not empty,
/// <c>*</c>, <c>HEAD</c>, or a range such as <c>^1.2</c>, <c>~1.2.0</c>, <c>&gt;=1</c> or <c>1.x</c>.</summary>
internal sealed partial class ChartVersionPinnedRule() : LintRule(
    LintRuleIds.ChartVersionPinned,
    Severity.Error,
    "An unpinned chart version upgrades itself on the next sync; pinned versions make upgrades reviewed changes.")
{
    public override void Check(LintContext context)
    {
        foreach (var application in ApplicationSources.Applications(context))
        {
            foreach (var (source, path) in ApplicationSources.Of(application))
            {
                if (source.GetString("chart") is not { } chart)
                {
                    continue;
                }

                var revision = source.GetString("targetRevision");
                if (revision is null || !ExactVersion().IsMatch(revision))
                {
                    var shown = string.IsNullOrEmpty(revision) ? "no version" : $"'{revision}'";
                    context.Report(application, path.Key("targetRevision"), $"chart '{chart}' of Application '{application.Name}' is not pinned ({shown})", "set targetRevision to an exact chart version, such as 1.2.3");
                }
            }
        }
    }

    [GeneratedRegex(@"^v?\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.+-]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex ExactVersion();
}
