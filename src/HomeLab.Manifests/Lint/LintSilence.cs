using HomeLab.Manifests.Yaml;

namespace HomeLab.Manifests.Lint;

/// <summary>
/// A rule silenced for the objects of one Application's remote chart, declared with its reason in the lint
/// configuration (<c>silence:</c>). Annotations cannot be put on a remote chart's objects, so an upstream default the
/// homelab accepts is silenced here, per Application and rule, never for a whole rule.
/// </summary>
/// <param name="Application">The ArgoCD Application whose chart renders the objects, such as <c>velero</c>.</param>
/// <param name="RuleId">The rule, such as <c>homelab/probes</c>.</param>
/// <param name="Reason">Why the finding is accepted.</param>
public sealed record LintSilence(string Application, string RuleId, string Reason)
{
    /// <summary>Where it was declared.</summary>
    public SourceSpan Span { get; init; }

    /// <summary><c>namespace/name</c> patterns of the objects it covers; empty for every object of the Application.</summary>
    public IReadOnlyList<string> Objects { get; init; } = [];
}
