using HomeLab.Manifests.Yaml;

namespace HomeLab.Manifests.Lint;

/// <summary>
/// A group of components and the resources it may take, as declared in a budgets file (see
/// <see cref="ResourceBudgetFile"/>). A workload belongs to the group when it matches every criterion given:
/// its namespace is one of <see cref="Namespaces"/>, its labels or its pod template's labels have every one of
/// <see cref="Labels"/>, and it belongs to one of <see cref="Applications"/> (ArgoCD's tracking label
/// <c>app.kubernetes.io/instance</c> or <c>argocd.argoproj.io/instance</c>, or the tracking-id annotation).
/// A budget with no criterion selects nothing.
/// </summary>
/// <param name="Name">The group's name, such as <c>observability</c>.</param>
public sealed record ResourceBudget(string Name)
{
    /// <summary>The namespaces of the group; empty for any namespace.</summary>
    public IReadOnlyList<string> Namespaces { get; init; } = [];

    /// <summary>Labels every member has; empty for any labels.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary>ArgoCD Application names the members belong to; empty for any application.</summary>
    public IReadOnlyList<string> Applications { get; init; } = [];

    /// <summary>The caps.</summary>
    public IReadOnlyList<BudgetCeiling> Ceilings { get; init; } = [];

    /// <summary>Where the budget was declared.</summary>
    public SourceSpan Span { get; init; }

    /// <summary>Whether the budget has any criterion (a budget without one selects nothing).</summary>
    public bool HasCriteria => Namespaces.Count > 0 || Labels.Count > 0 || Applications.Count > 0;
}
