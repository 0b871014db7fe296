using HomeLab.Manifests.Findings;
using HomeLab.Manifests.Yaml;
using HomeLab.Shared;

namespace HomeLab.Manifests.Lint;

/// <summary>
/// How a repository tunes lint, read from ONE file (by convention <c>.homelab/lint.yaml</c>):
/// <code>
/// rules:                                  # rule id: error | warning | info | off
///   homelab/probes: warning
///   homelab/read-only-root: off
/// allow:                                  # namespace/name patterns; * matches any run of characters
///   privileged: [kube-system/*]           # may run privileged containers
///   hostNamespaces: [monitoring/node-exporter]   # may use hostNetwork, hostPID or hostIPC
/// istioRootNamespace: istio-system        # where the mesh-wide PeerAuthentication lives (the default)
/// systemNamespaces:                       # namespace: reason; exempt from the namespace rules (injection, policy)
///   kube-system: k3s' own components
/// silence:                                # a rule silenced for one Application's remote chart, with the reason
///   - { application: velero, rule: homelab/probes, reason: "the chart has no probe settings", objects: [velero/*] }
/// </code>
/// Mistakes — an unknown rule id, a bad severity, an unknown key — are <c>lint/configuration</c> errors at
/// their line, in <see cref="Findings"/>; the rest of the file still applies. Single objects are silenced with the
/// <c>lint.homelab.dev/ignore</c> annotation, which needs a reason (see <see cref="Linter"/>); objects of a remote
/// chart, which cannot carry one, with a <c>silence:</c> entry, which needs one too.
/// </summary>
public sealed record LintConfiguration
{
    /// <summary>The conventional path of the file, relative to the repository root.</summary>
    public const string DefaultPath = ".homelab/lint.yaml";

    /// <summary>No overrides: every rule at its default severity, nothing allowed.</summary>
    public static LintConfiguration Default { get; } = new();

    /// <summary>Severity overrides by rule id; a null severity turns the rule off.</summary>
    public IReadOnlyDictionary<string, Severity?> Rules { get; init; } = new Dictionary<string, Severity?>(StringComparer.Ordinal);

    /// <summary><c>namespace/name</c> patterns of workloads that may run privileged containers.</summary>
    public IReadOnlyList<string> AllowPrivileged { get; init; } = [];

    /// <summary><c>namespace/name</c> patterns of workloads that may use the host's network, PID or IPC namespace.</summary>
    public IReadOnlyList<string> AllowHostNamespaces { get; init; } = [];

    /// <summary>The Istio root namespace, where a mesh-wide PeerAuthentication is looked for.</summary>
    public string IstioRootNamespace { get; init; } = "istio-system";

    /// <summary>Namespaces the cluster or the mesh runs its own components in, each with the reason it is exempt from
    /// the namespace rules (Istio injection, NetworkPolicy).</summary>
    public IReadOnlyDictionary<string, string> SystemNamespaces { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Rules silenced for the objects of one Application's remote chart.</summary>
    public IReadOnlyList<LintSilence> Silences { get; init; } = [];

    /// <summary>The mistakes found in the file.</summary>
    public IReadOnlyList<Finding> Findings { get; init; } = [];

    /// <summary>The severity a rule's findings get, or null when the rule is off.</summary>
    /// <param name="rule">The rule.</param>
    /// <returns>The configured severity, the rule's default, or null for off.</returns>
    public Severity? SeverityOf(LintRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return Rules.TryGetValue(rule.Id, out var configured) ? configured : rule.DefaultSeverity;
    }

    /// <summary>A copy with a rule's severity set.</summary>
    /// <param name="ruleId">The rule id.</param>
    /// <param name="severity">The severity, or null to turn the rule off.</param>
    /// <returns>The new configuration.</returns>
    public LintConfiguration WithRule(string ruleId, Severity? severity) =>
        this with { Rules = new Dictionary<string, Severity?>(Rules, StringComparer.Ordinal) { [ruleId] = severity } };

    /// <summary>Reads the configuration file.</summary>
    /// <param name="path">The file; it is also the name findings carry.</param>
    /// <param name="rules">The rules ids are checked against; <see cref="LintRules.All"/> when null.</param>
    /// <returns>The configuration, with the mistakes found in <see cref="Findings"/>.</returns>
    public static LintConfiguration Load(string path, IEnumerable<LintRule>? rules = null) => Read(YamlLoader.Default.LoadFile(path), rules);

    /// <summary>Reads a configuration from text.</summary>
    /// <param name="text">The YAML.</param>
    /// <param name="displayName">The name findings carry.</param>
    /// <param name="rules">The rules ids are checked against; <see cref="LintRules.All"/> when null.</param>
    /// <returns>The configuration, with the mistakes found in <see cref="Findings"/>.</returns>
    public static LintConfiguration Parse(string text, string displayName, IEnumerable<LintRule>? rules = null) =>
        Read(YamlLoader.Default.LoadString(text, displayName), rules);

    internal static bool IsAllowed(IReadOnlyList<string> patterns, string ns, string name)
    {
        foreach (var pattern in patterns)
        {
            var slash = pattern.IndexOf('/', StringComparison.Ordinal);
            if (slash > 0 && Glob.Matches(pattern[..slash], ns) && Glob.Matches(pattern[(slash + 1)..], name))
            {
                return true;
            }
        }

        return false;
    }

    private static LintConfiguration Read(YamlLoadResult loaded, IEnumerable<LintRule>? rules)
    {
        var findings = new List<Finding>(loaded.Findings);
        var configuration = new LintConfiguration();
        if (loaded.Documents.Count == 0)
        {
            return configuration with { Findings = findings };
        }

        if (loaded.Documents[0].Root is not YamlMap root)
        {
            findings.Add(Mistake(loaded.Documents[0].Span, "the lint configuration is not a mapping", "write rules:, allow: and istioRootNamespace: at the top level"));
            return configuration with { Findings = findings };
        }

        var known = (rules ?? LintRules.All).Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var entry in root.Entries)
        {
            switch (entry.Key)
            {
                case "rules":
                    configuration = configuration with { Rules = ReadRules(entry.Value, known, findings) };
                    break;
                case "allow":
                    configuration = ReadAllow(configuration, entry.Value, findings);
                    break;
                case "istioRootNamespace" when entry.Value is YamlScalar { IsNull: false } scalar:
                    configuration = configuration with { IstioRootNamespace = scalar.Value };
                    break;
                case "systemNamespaces":
                    configuration = configuration with { SystemNamespaces = ReadSystemNamespaces(entry.Value, findings) };
                    break;
                case "silence":
                    configuration = configuration with { Silences = ReadSilences(entry.Value, known, findings) };
                    break;
                default:
                    findings.Add(Mistake(entry.KeySpan, $"unknown key '{entry.Key}'", "the keys are rules, allow, istioRootNamespace, systemNamespaces and silence"));
                    break;
            }
        }

        return configuration with { Findings = findings };
    }

    private static Dictionary<string, Severity?> ReadRules(YamlNode node, HashSet<string> known, List<Finding> findings)
    {
        var result = new Dictionary<string, Severity?>(StringComparer.Ordinal);
        if (node is not YamlMap map)
        {
            findings.Add(Mistake(node.Span, "rules is not a mapping", "write rules: { homelab/probes: warning }"));
            return result;
        }

        foreach (var entry in map.Entries)
        {
            if (!known.Contains(entry.Key))
            {
                var near = known.Where(id => EditDistance.Between(id, entry.Key) <= 3).OrderBy(id => EditDistance.Between(id, entry.Key)).FirstOrDefault();
                findings.Add(Mistake(entry.KeySpan, $"unknown rule '{entry.Key}'", near is null ? "the rule ids are listed in LintRuleIds (homelab/...)" : $"did you mean '{near}'?"));
                continue;
            }

            var text = (entry.Value as YamlScalar)?.Value;
            switch (text)
            {
                case "error":
                    result[entry.Key] = Severity.Error;
                    break;
                case "warning":
                    result[entry.Key] = Severity.Warning;
                    break;
                case "info":
                    result[entry.Key] = Severity.Info;
                    break;
                case "off":
                    result[entry.Key] = null;
                    break;
                default:
                    findings.Add(Mistake(entry.Value.Span, $"'{text}' is not a severity for {entry.Key}", "use error, warning, info or off"));
                    break;
            }
        }

        return result;
    }

    private static LintConfiguration ReadAllow(LintConfiguration configuration, YamlNode node, List<Finding> findings)
    {
        if (node is not YamlMap map)
        {
            findings.Add(Mistake(node.Span, "allow is not a mapping", "write allow: { privileged: [ns/name] }"));
            return configuration;
        }

        foreach (var entry in map.Entries)
        {
            var patterns = ReadPatterns(entry, findings);
            configuration = entry.Key switch
            {
                "privileged" => configuration with { AllowPrivileged = patterns },
                "hostNamespaces" => configuration with { AllowHostNamespaces = patterns },
                _ => configuration,
            };
            if (entry.Key is not ("privileged" or "hostNamespaces"))
            {
                findings.Add(Mistake(entry.KeySpan, $"unknown allowance '{entry.Key}'", "the allowances are privileged and hostNamespaces"));
            }
        }

        return configuration;
    }

    private static Dictionary<string, string> ReadSystemNamespaces(YamlNode node, List<Finding> findings)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (node is not YamlMap map)
        {
            findings.Add(Mistake(node.Span, "systemNamespaces is not a mapping", "write systemNamespaces: { kube-system: \"k3s' own components\" }"));
            return result;
        }

        foreach (var entry in map.Entries)
        {
            if ((entry.Value as YamlScalar)?.AsString() is { Length: > 0 } reason)
            {
                result[entry.Key] = reason;
            }
            else
            {
                findings.Add(Mistake(entry.KeySpan, $"system namespace '{entry.Key}' has no reason", $"write {entry.Key}: <why its components are exempt from the namespace rules>"));
            }
        }

        return result;
    }

    private static List<LintSilence> ReadSilences(YamlNode node, HashSet<string> known, List<Finding> findings)
    {
        var result = new List<LintSilence>();
        if (node is not YamlList list)
        {
            findings.Add(Mistake(node.Span, "silence is not a list", "write silence: [{ application: velero, rule: homelab/probes, reason: ... }]"));
            return result;
        }

        foreach (var item in list.Items)
        {
            if (item is not YamlMap map)
            {
                findings.Add(Mistake(item.Span, "a silence entry is not a mapping", "write { application: velero, rule: homelab/probes, reason: ... }"));
                continue;
            }

            var application = map.GetString("application");
            var rule = map.GetString("rule");
            var reason = map.GetString("reason");
            if (string.IsNullOrWhiteSpace(application) || string.IsNullOrWhiteSpace(rule) || string.IsNullOrWhiteSpace(reason))
            {
                findings.Add(Mistake(map.Span, "a silence entry needs an application, a rule and a reason", "write { application: velero, rule: homelab/probes, reason: why the chart's default is accepted }"));
                continue;
            }

            if (!known.Contains(rule))
            {
                findings.Add(Mistake(map["rule"]!.Span, $"unknown rule '{rule}'", "the rule ids are listed in LintRuleIds (homelab/...)"));
                continue;
            }

            var objects = map["objects"] is { } patterns ? ReadPatterns(new YamlMapEntry("objects", map.Span, patterns), findings) : [];
            result.Add(new LintSilence(application, rule, reason) { Span = map.Span, Objects = objects });
        }

        return result;
    }

    private static List<string> ReadPatterns(YamlMapEntry entry, List<Finding> findings)
    {
        var patterns = new List<string>();
        foreach (var item in (entry.Value as YamlList)?.Items ?? [entry.Value])
        {
            var text = (item as YamlScalar)?.AsString();
            if (text is null || text.IndexOf('/', StringComparison.Ordinal) <= 0)
            {
                findings.Add(Mistake(item.Span, $"'{text}' is not a namespace/name pattern", "write namespace/name, such as monitoring/node-exporter or kube-system/*"));
                continue;
            }

            patterns.Add(text);
        }

        return patterns;
    }

    private static Finding Mistake(SourceSpan span, string message, string hint) =>
        new(LintRuleIds.Configuration, Severity.Error, message) { Span = span, Hint = hint };
}
