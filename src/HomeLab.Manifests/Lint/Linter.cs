using System.Runtime.ExceptionServices;
using HomeLab.Manifests.Findings;
using HomeLab.Manifests.Objects;

namespace HomeLab.Manifests.Lint;

/// <summary>
/// Runs lint rules over a set of objects. Immutable: the <c>With…</c> methods return new linters.
/// <para>An object is silenced for a rule only by the annotation
/// <c>lint.homelab.dev/ignore: "homelab/probes: the job's own watchdog restarts it"</c> (several entries separated by
/// new lines or <c>;</c>). An entry without a reason, or naming an unknown rule, silences nothing and is itself a
/// <c>homelab/ignore-annotation</c> error.</para>
/// <para>Indexes (by kind, by namespace, pod templates) are built once per run; rules walk the YAML model and do not
/// deserialize. On a large set the rules run at once on different threads (each rule on one thread, with its own
/// <see cref="LintContext"/>); the findings are the same and in the same order as on one thread. Findings come sorted
/// by file, line, column and rule; the configuration file's own mistakes come first.</para>
/// </summary>
public sealed class Linter
{
    // Below this many objects the rules run one after the other: starting threads would cost more than it saves.
    private const int ParallelThreshold = 128;

    /// <summary>Creates a linter.</summary>
    /// <param name="rules">The rules; <see cref="LintRules.All"/> when null.</param>
    /// <param name="configuration">The configuration; <see cref="LintConfiguration.Default"/> when null.</param>
    /// <param name="environment">The environment; null when unknown.</param>
    public Linter(IReadOnlyList<LintRule>? rules = null, LintConfiguration? configuration = null, LintEnvironment? environment = null)
    {
        Rules = rules ?? LintRules.All;
        Configuration = configuration ?? LintConfiguration.Default;
        Environment = environment;
    }

    /// <summary>The built-in rules, default configuration, no environment.</summary>
    public static Linter Default { get; } = new();

    /// <summary>The rules run.</summary>
    public IReadOnlyList<LintRule> Rules { get; }

    /// <summary>The configuration applied.</summary>
    public LintConfiguration Configuration { get; }

    /// <summary>The environment the set is rendered for; null when unknown.</summary>
    public LintEnvironment? Environment { get; }

    /// <summary>A copy with other rules.</summary>
    /// <param name="rules">The rules.</param>
    /// <returns>The new linter.</returns>
    public Linter WithRules(IEnumerable<LintRule> rules) => new([.. rules], Configuration, Environment);

    /// <summary>A copy with another configuration.</summary>
    /// <param name="configuration">The configuration.</param>
    /// <returns>The new linter.</returns>
    public Linter WithConfiguration(LintConfiguration configuration) => new(Rules, configuration, Environment);

    /// <summary>A copy for an environment.</summary>
    /// <param name="environment">The environment.</param>
    /// <returns>The new linter.</returns>
    public Linter WithEnvironment(LintEnvironment environment) => new(Rules, Configuration, environment);

    /// <summary>Lints the objects of a set (its load findings are not repeated).</summary>
    /// <param name="set">The set.</param>
    /// <returns>The findings, sorted.</returns>
    public IReadOnlyList<Finding> Lint(ManifestSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        return Lint(set.Objects);
    }

    /// <summary>Lints objects.</summary>
    /// <param name="objects">The objects, such as a rendered environment.</param>
    /// <returns>The findings, sorted.</returns>
    public IReadOnlyList<Finding> Lint(IReadOnlyList<KubeObject> objects)
    {
        ArgumentNullException.ThrowIfNull(objects);
        var ids = Rules.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var context = new LintContext(objects, Configuration, Environment, ids);
        var runs = new List<(LintRule Rule, Severity Severity)>(Rules.Count);
        foreach (var rule in Rules)
        {
            if (Configuration.SeverityOf(rule) is { } severity)
            {
                runs.Add((rule, severity));
            }
        }

        // Each rule reports into its own context; joined in rule order, the findings are those one thread would have
        // collected, so the sort below gives the same order whichever thread ran which rule.
        var contexts = new LintContext[runs.Count];
        var failures = new ExceptionDispatchInfo?[runs.Count];
        void Run(int i)
        {
            var ruleContext = contexts[i] = i == 0 ? context : context.ForRule();
            try
            {
                ruleContext.Run(runs[i].Rule, runs[i].Severity);
            }
            catch (Exception exception)
            {
                failures[i] = ExceptionDispatchInfo.Capture(exception); // rethrown below, the first rule's first
            }
        }

        if (objects.Count >= ParallelThreshold && runs.Count > 1)
        {
            Parallel.For(0, runs.Count, Run);
        }
        else
        {
            for (var i = 0; i < runs.Count && (i == 0 || failures[i - 1] is null); i++)
            {
                Run(i);
            }
        }

        var findings = new List<Finding>();
        for (var i = 0; i < runs.Count; i++)
        {
            failures[i]?.Throw();
            findings.AddRange(contexts[i].Findings);
        }

        findings.Sort(Compare);
        return [.. Configuration.Findings, .. findings];
    }

    /// <summary>
    /// What every cap of the environment's budgets adds up, line by line (each container of each pod the budget
    /// selects: workloads, injected Istio sidecars, pods an operator creates), so that a total can be explained;
    /// the <c>homelab/resource-budget</c> rule reports the sums over their cap.
    /// </summary>
    /// <param name="objects">The objects, such as a rendered environment.</param>
    /// <returns>The sums, in the budgets file's order; empty without an environment or budgets.</returns>
    public IReadOnlyList<BudgetSum> BudgetSums(IReadOnlyList<KubeObject> objects)
    {
        ArgumentNullException.ThrowIfNull(objects);
        if (Environment is not { Budgets.Count: > 0 } environment)
        {
            return [];
        }

        var context = new LintContext(objects, Configuration, environment, Rules.Select(r => r.Id).ToHashSet(StringComparer.Ordinal));
        return [.. HomeLab.Manifests.Lint.Rules.ResourceBudgetRule.Measure(context, environment).Select(m => m.Sum)];
    }

    private static int Compare(Finding a, Finding b)
    {
        var spanA = a.Span ?? default;
        var spanB = b.Span ?? default;
        var order = string.CompareOrdinal(spanA.File, spanB.File);
        if (order == 0)
        {
            order = spanA.Line.CompareTo(spanB.Line);
        }

        if (order == 0)
        {
            order = spanA.Column.CompareTo(spanB.Column);
        }

        if (order == 0)
        {
            order = string.CompareOrdinal(a.RuleId, b.RuleId);
        }

        return order != 0 ? order : string.CompareOrdinal(a.Message, b.Message);
    }
}
