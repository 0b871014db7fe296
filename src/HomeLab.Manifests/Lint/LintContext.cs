using HomeLab.Manifests.Findings;
using HomeLab.Manifests.Objects;
using HomeLab.Manifests.Yaml;

namespace HomeLab.Manifests.Lint;

/// <summary>
/// What a <see cref="LintRule"/> sees during one run: the objects with indexes built once (by kind, by namespace),
/// the environment, the configuration, and <see cref="Report(KubeObject, FieldPath, string, string?)"/>, which
/// gives findings their rule id, configured severity, object, field path and span, and drops those an object's
/// <c>lint.homelab.dev/ignore</c> annotation silences.
/// <para>Each rule of a run has its own context: the objects and indexes are shared (built once, only read after),
/// the findings are the rule's own, so that the rules of a large set can run at once on different threads.</para>
/// </summary>
public sealed class LintContext
{
    private static readonly IReadOnlyList<KubeObject> None = [];
    private readonly Dictionary<string, List<KubeObject>> _byKind;
    private readonly Dictionary<string, List<KubeObject>> _byNamespace;
    private readonly Dictionary<string, List<Workload>> _workloadsByNamespace;
    private readonly Dictionary<KubeObject, IgnoreAnnotation> _ignores;
    private readonly List<Workload> _workloads;
    private readonly List<Finding> _findings = [];
    private readonly Dictionary<SourceSpan, string> _chartApplications;
    private LintRule? _rule;
    private Severity _severity;

    // The text of the path last reported: a rule that reports many objects at one static path renders it once.
    private FieldPath? _lastPath;
    private string _lastPathText = string.Empty;

    internal LintContext(IReadOnlyList<KubeObject> objects, LintConfiguration configuration, LintEnvironment? environment, IReadOnlySet<string> ruleIds)
    {
        Objects = objects;
        Configuration = configuration;
        Environment = environment;
        _byKind = new(StringComparer.Ordinal);
        _byNamespace = new(StringComparer.Ordinal);
        _workloadsByNamespace = new(StringComparer.Ordinal);
        _ignores = new(ReferenceEqualityComparer.Instance);
        _workloads = [];
        _chartApplications = [];
        foreach (var obj in objects)
        {
            Add(_byKind, obj.Kind ?? string.Empty, obj);
            if (obj.Namespace is { } ns)
            {
                Add(_byNamespace, ns, obj);
            }

            if (Workload.From(obj) is { } workload)
            {
                _workloads.Add(workload);
                Add(_workloadsByNamespace, workload.Namespace, workload);
            }

            if (obj.Kind == "Application" && obj.Group == Rules.ApplicationSources.Group && obj.Name is { } application)
            {
                foreach (var (source, _) in Rules.ApplicationSources.Of(obj))
                {
                    if (source["chart"] is { } chart)
                    {
                        _chartApplications.TryAdd(chart.Span, application);
                    }
                }
            }

            if (obj.Metadata?.GetMap("annotations")?[IgnoreAnnotation.Key] is YamlScalar ignore)
            {
                _ignores[obj] = IgnoreAnnotation.Parse(ignore, ruleIds);
            }
        }
    }

    // Another rule's context in the same run: the same objects and indexes, no findings yet.
    private LintContext(LintContext run)
    {
        Objects = run.Objects;
        Configuration = run.Configuration;
        Environment = run.Environment;
        _byKind = run._byKind;
        _byNamespace = run._byNamespace;
        _workloadsByNamespace = run._workloadsByNamespace;
        _ignores = run._ignores;
        _workloads = run._workloads;
        _chartApplications = run._chartApplications;
    }

    /// <summary>Every object of the run, in the set's order.</summary>
    public IReadOnlyList<KubeObject> Objects { get; }

    /// <summary>The repository's lint configuration.</summary>
    public LintConfiguration Configuration { get; }

    /// <summary>The environment the set is rendered for; null when unknown (rules that need it do not run).</summary>
    public LintEnvironment? Environment { get; }

    /// <summary>The namespaces that have objects, in ordinal order.</summary>
    public IEnumerable<string> Namespaces => _byNamespace.Keys.Order(StringComparer.Ordinal);

    internal IReadOnlyList<Workload> Workloads => _workloads;

    internal IReadOnlyDictionary<KubeObject, IgnoreAnnotation> Ignores => _ignores;

    internal IReadOnlyList<Finding> Findings => _findings;

    /// <summary>The objects of a kind (any API group), in the set's order.</summary>
    /// <param name="kind">The kind, such as <c>Service</c>.</param>
    /// <returns>The objects; empty when there are none.</returns>
    public IReadOnlyList<KubeObject> OfKind(string kind) => _byKind.TryGetValue(kind, out var list) ? list : None;

    /// <summary>The objects of a kind in an API group, such as <c>("networking.k8s.io", "NetworkPolicy")</c>.</summary>
    /// <param name="group">The API group; empty for the core group.</param>
    /// <param name="kind">The kind.</param>
    /// <returns>The objects, in the set's order.</returns>
    public IEnumerable<KubeObject> OfKind(string group, string kind) => OfKind(kind).Where(o => o.Group == group);

    /// <summary>The objects whose <c>metadata.namespace</c> is a namespace.</summary>
    /// <param name="ns">The namespace.</param>
    /// <returns>The objects; empty when there are none.</returns>
    public IReadOnlyList<KubeObject> InNamespace(string ns) => _byNamespace.TryGetValue(ns, out var list) ? list : None;

    /// <summary>The namespace an object lives in: <c>metadata.namespace</c>, or <c>default</c> when unset.</summary>
    /// <param name="obj">The object.</param>
    /// <returns>The namespace.</returns>
    public static string NamespaceOf(KubeObject obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        return string.IsNullOrEmpty(obj.Namespace) ? "default" : obj.Namespace;
    }

    /// <summary>Reports a problem with a field of an object. The span is the field's, or, when the field is
    /// missing, that of its nearest enclosing node that exists (the container, the spec, the object).</summary>
    /// <param name="obj">The object.</param>
    /// <param name="path">The field, present or missing.</param>
    /// <param name="message">What is wrong.</param>
    /// <param name="hint">How to fix it.</param>
    public void Report(KubeObject obj, FieldPath path, string message, string? hint = null)
    {
        ArgumentNullException.ThrowIfNull(obj);
        ArgumentNullException.ThrowIfNull(path);
        var rule = _rule ?? throw new InvalidOperationException("Report is called from a rule's Check.");
        if ((_ignores.TryGetValue(obj, out var ignore) && ignore.Silences(rule.Id)) || IsSilenced(obj, rule.Id))
        {
            return;
        }

        _findings.Add(new Finding(rule.Id, _severity, message)
        {
            Span = SpanOf(obj, path),
            Object = obj.Ref,
            FieldPath = PathText(path),
            Hint = hint,
        });
    }

    /// <summary>Reports a problem that belongs to no single object's field, such as a missing mesh-wide policy or
    /// an exceeded budget. The rule id and the configured severity replace the finding's own; ignore annotations do
    /// not apply (there is no single object to carry one).</summary>
    /// <param name="finding">The finding; its span may point at another file (a budgets file) or nowhere.</param>
    public void Report(Finding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        var rule = _rule ?? throw new InvalidOperationException("Report is called from a rule's Check.");
        _findings.Add(finding with { RuleId = rule.Id, Severity = _severity });
    }

    /// <summary>The Application whose remote chart rendered an object: every node of such an object points at the
    /// Application's <c>chart:</c> line. Null for objects from this repository's files and local charts.</summary>
    /// <param name="obj">The object.</param>
    /// <returns>The Application's name, or null.</returns>
    public string? ChartApplicationOf(KubeObject obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        // A packaged chart's objects stand at the chart: line, each naming its template; the Application is the line's.
        return _chartApplications.GetValueOrDefault(obj.Span with { Template = null });
    }

    /// <summary>Whether a namespace is one the configuration declares a system namespace.</summary>
    internal bool IsSystemNamespace(string ns) => Configuration.SystemNamespaces.ContainsKey(ns);

    private bool IsSilenced(KubeObject obj, string ruleId)
    {
        if (Configuration.Silences.Count == 0 || ChartApplicationOf(obj) is not { } application)
        {
            return false;
        }

        foreach (var silence in Configuration.Silences)
        {
            if (silence.RuleId == ruleId && silence.Application == application
                && (silence.Objects.Count == 0 || LintConfiguration.IsAllowed(silence.Objects, NamespaceOf(obj), obj.Name ?? string.Empty)))
            {
                return true;
            }
        }

        return false;
    }

    internal IReadOnlyList<Workload> WorkloadsIn(string ns) => _workloadsByNamespace.TryGetValue(ns, out var list) ? list : [];

    internal IEnumerable<string> WorkloadNamespaces => _workloadsByNamespace.Keys.Order(StringComparer.Ordinal);

    /// <summary>A context for another rule of the same run, sharing this one's objects and indexes.</summary>
    internal LintContext ForRule() => new(this);

    internal void Run(LintRule rule, Severity severity)
    {
        _rule = rule;
        _severity = severity;
        try
        {
            rule.Check(this);
        }
        finally
        {
            _rule = null;
        }
    }

    internal static SourceSpan SpanOf(KubeObject obj, FieldPath path)
    {
        for (var at = path; at is not null; at = at.Parent)
        {
            if (obj.Root.Find(at) is { } node && node.Span.IsKnown)
            {
                return node.Span;
            }
        }

        return obj.Span;
    }

    private string PathText(FieldPath path)
    {
        if (!ReferenceEquals(path, _lastPath))
        {
            _lastPathText = path.ToString();
            _lastPath = path;
        }

        return _lastPathText;
    }

    private static void Add<T>(Dictionary<string, List<T>> index, string key, T item)
    {
        if (!index.TryGetValue(key, out var list))
        {
            index[key] = list = [];
        }

        list.Add(item);
    }
}
