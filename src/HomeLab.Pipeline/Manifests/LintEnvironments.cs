using HomeLab.Manifests.Environments;
using HomeLab.Manifests.Findings;
using HomeLab.Manifests.Lint;

namespace HomeLab.Pipeline.Manifests;

/// <summary>The lint view of an environment: its nodes' labels, storage classes and the budgets it declares.</summary>
public static class LintEnvironments
{
    /// <summary>The file beside an environment's definition that declares its resource budgets.</summary>
    public const string BudgetsFile = "budgets.yaml";

    /// <summary>Describes an environment for the linter.</summary>
    /// <param name="environment">The environment.</param>
    /// <returns>The lint environment and the problems found reading its budgets.</returns>
    public static (LintEnvironment Environment, IReadOnlyList<Finding> Findings) Of(EnvironmentDefinition environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var lint = new LintEnvironment(environment.Name)
        {
            KubernetesVersion = environment.KubernetesVersion,
            Nodes = [.. environment.Nodes.Select(n => new LintNode(n.Name, n.Labels))],
            StorageClasses = [.. environment.StorageClasses.Select(s => s.Name)],
        };
        var budgets = Path.Combine(environment.Directory, BudgetsFile);
        if (!File.Exists(budgets))
        {
            return (lint, []);
        }

        var file = ResourceBudgetFile.Load(budgets);
        return (lint.WithBudgets(file.Budgets), file.Findings);
    }
}
