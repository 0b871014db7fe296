using HomeLab.Manifests.Lint.Rules;

namespace HomeLab.Manifests.Lint;

/// <summary>The built-in lint rules.</summary>
public static class LintRules
{
    /// <summary>Every built-in rule, in the order they run; ids are in <see cref="LintRuleIds"/>.</summary>
    public static IReadOnlyList<LintRule> All { get; } =
    [
        new NoPlainSecretRule(),
        new ImageTagRule(),
        new ResourceRequestsRule(),
        new MemoryLimitRule(),
        new ResourceValuesRule(),
        new ProbesRule(),
        new RunAsNonRootRule(),
        new RunAsRootGroupRule(),
        new NoPrivilegeEscalationRule(),
        new ReadOnlyRootRule(),
        new NoPrivilegedRule(),
        new NoHostNamespacesRule(),
        new SelectorMatchesTemplateRule(),
        new ServiceSelectorRule(),
        new NamespaceNetworkPolicyRule(),
        new NamespaceIstioInjectionRule(),
        new MeshStrictMtlsRule(),
        new MetricsMonitoredRule(),
        new StorageClassExistsRule(),
        new NodeSelectorRule(),
        new NodePreferenceRule(),
        new ArgoProjectRule(),
        new ChartVersionPinnedRule(),
        new SyncWaveOrderRule(),
        new WaveRequiresRule(),
        new ResourceBudgetRule(),
        new IgnoreAnnotationRule(),
    ];

    /// <summary>Finds a built-in rule by id.</summary>
    /// <param name="id">The id, such as <c>homelab/probes</c>.</param>
    /// <returns>The rule, or null when there is none with that id.</returns>
    public static LintRule? Find(string id) => All.FirstOrDefault(r => r.Id == id);
}
