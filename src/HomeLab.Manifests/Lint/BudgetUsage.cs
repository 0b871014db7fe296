using HomeLab.Manifests.Lint.Rules;
using HomeLab.Manifests.Objects;

namespace HomeLab.Manifests.Lint;

/// <summary>
/// What each cap of an environment's budgets is filled with, summed exactly as <c>homelab/resource-budget</c> sums it
/// (containers and injected sidecars × replicas, a DaemonSet once per node) — to compare two renders of the same
/// environment, such as the base and the head of an update.
/// </summary>
public static class BudgetUsage
{
    /// <summary>Sums every cap of the environment's budgets over the objects.</summary>
    /// <param name="objects">The rendered objects.</param>
    /// <param name="environment">The environment, with its budgets.</param>
    /// <returns>One total per budget and cap, in the budgets file's order.</returns>
    public static IReadOnlyList<BudgetTotal> Measure(IReadOnlyList<KubeObject> objects, LintEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(objects);
        ArgumentNullException.ThrowIfNull(environment);
        var context = new LintContext(objects, LintConfiguration.Default, environment, new HashSet<string>(StringComparer.Ordinal));
        var members = ResourceBudgetRule.Members(context, environment);
        var totals = new List<BudgetTotal>();
        foreach (var budget in environment.Budgets.Where(b => b.HasCriteria))
        {
            var selected = members.Where(m => ResourceBudgetRule.Selects(context, budget, m)).ToList();
            foreach (var ceiling in budget.Ceilings)
            {
                totals.Add(new BudgetTotal(budget.Name, ceiling, selected.Sum(m => ResourceBudgetRule.Share(m, ceiling.Measure)), selected.Count));
            }
        }

        return totals;
    }

    /// <summary>An amount of a measure as the budget findings write it (<c>1.2Gi</c>, <c>500m</c>).</summary>
    /// <param name="measure">The measure.</param>
    /// <param name="amount">The amount in base units.</param>
    /// <returns>The text.</returns>
    public static string Format(BudgetMeasure measure, decimal amount) => ResourceBudgetRule.Format(measure, amount);
}
