using HomeLab.Manifests.Environments;
using HomeLab.Manifests.Findings;

namespace HomeLab.Manifests.Lint;

/// <summary>
/// What lint needs to know about the environment the manifests are rendered for (k3d, k3s): its nodes and their
/// labels, its storage classes and the resource budgets the repository declares. Plain data: the pipeline builds it
/// from the repository's environment files; tests build it with the <c>With…</c> methods.
/// Rules that need a fact the environment does not have (no nodes, no storage classes) do not run.
/// </summary>
public sealed record LintEnvironment
{
    /// <summary>Creates an environment with a name and nothing else.</summary>
    /// <param name="name">The environment's name, such as <c>k3d</c>.</param>
    public LintEnvironment(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        Name = name;
    }

    /// <summary>The file beside an environment's definition that declares its resource budgets.</summary>
    public const string BudgetsFile = "budgets.yaml";

    /// <summary>The environment's name, such as <c>k3d</c> or <c>k3s</c>.</summary>
    public string Name { get; init; }

    /// <summary>The nodes and their labels; empty when unknown (node placement is then not checked).</summary>
    public IReadOnlyList<LintNode> Nodes { get; init; } = [];

    /// <summary>The storage classes the cluster has besides the <c>StorageClass</c> objects in the set; when this is
    /// empty and the set has none, storage classes are not checked.</summary>
    public IReadOnlyList<string> StorageClasses { get; init; } = [];

    /// <summary>The resource budgets to check (see <see cref="ResourceBudgetFile"/> for the file they come from).</summary>
    public IReadOnlyList<ResourceBudget> Budgets { get; init; } = [];

    /// <summary>A copy with one more node.</summary>
    /// <param name="name">The node's name.</param>
    /// <param name="labels">The node's labels.</param>
    /// <returns>The new environment.</returns>
    public LintEnvironment WithNode(string name, params (string Key, string Value)[] labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var map = labels.ToDictionary(l => l.Key, l => l.Value, StringComparer.Ordinal);
        return this with { Nodes = [.. Nodes, new LintNode(name, map)] };
    }

    /// <summary>A copy with more storage classes.</summary>
    /// <param name="names">The storage class names, such as <c>local-path</c>.</param>
    /// <returns>The new environment.</returns>
    public LintEnvironment WithStorageClasses(params string[] names) => this with { StorageClasses = [.. StorageClasses, .. names] };

    /// <summary>A copy with more budgets.</summary>
    /// <param name="budgets">The budgets.</param>
    /// <returns>The new environment.</returns>
    public LintEnvironment WithBudgets(IEnumerable<ResourceBudget> budgets) => this with { Budgets = [.. Budgets, .. budgets] };

    /// <summary>Describes a repository's environment for lint: its nodes' labels, storage classes and
    /// the budgets its <see cref="BudgetsFile"/> declares.</summary>
    /// <param name="environment">The environment, from its <c>environment.yaml</c>.</param>
    /// <returns>The lint environment and the problems found reading its budgets.</returns>
    public static (LintEnvironment Environment, IReadOnlyList<Finding> Findings) Describe(EnvironmentDefinition environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var lint = new LintEnvironment(environment.Name)
        {
            Nodes = [.. environment.Nodes.Select(n => new LintNode(n.Name, n.Labels, n.Roles))],
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
