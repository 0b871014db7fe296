using HomeLab.Manifests.Findings;
using HomeLab.Manifests.Lint;

namespace HomeLab.Manifests.Reporting;

/// <summary>What a report says about a rule: its id, default severity and why it exists (SARIF's
/// <c>tool.driver.rules</c>).</summary>
/// <param name="Id">The rule id, such as <c>homelab/probes</c>.</param>
/// <param name="DefaultSeverity">The severity of its findings unless configured otherwise.</param>
/// <param name="Description">Why the rule exists, in one line.</param>
public sealed record RuleDescriptor(string Id, Severity DefaultSeverity, string Description)
{
    /// <summary>Describes a lint rule.</summary>
    /// <param name="rule">The rule.</param>
    /// <returns>The descriptor.</returns>
    public static RuleDescriptor From(LintRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return new RuleDescriptor(rule.Id, rule.DefaultSeverity, rule.Rationale);
    }

    /// <summary>How to fix what the rule finds, for SARIF's <c>help</c>; null when <see cref="Description"/> says it all.</summary>
    public string? Help { get; init; }

    /// <summary>The descriptors of the built-in lint rules.</summary>
    public static IReadOnlyList<RuleDescriptor> ForLintRules { get; } = [.. LintRules.All.Select(From)];

    /// <summary>The descriptors of the rules that loading (YAML, paths) and schema validation report.</summary>
    public static IReadOnlyList<RuleDescriptor> ForLoadingAndSchemaRules { get; } = LoadingAndSchemaRules.All;

    /// <summary>Every built-in rule: loading, schema validation and lint.</summary>
    public static IReadOnlyList<RuleDescriptor> All { get; } = [.. ForLoadingAndSchemaRules, .. ForLintRules];
}
