using HomeLab.Manifests.Diff;

namespace HomeLab.Cluster.Deploy;

/// <summary>One object the promotion will create, change or prune.</summary>
/// <param name="Application">The Application it belongs to.</param>
/// <param name="Wave">The Application's sync wave.</param>
/// <param name="Kind">The object's kind.</param>
/// <param name="Namespace">Its namespace, or null when cluster-scoped.</param>
/// <param name="Name">Its name.</param>
/// <param name="Change">Added (create), Changed or Removed (prune).</param>
/// <param name="Fields">For a change, the fields that differ (secret values masked); otherwise empty.</param>
public sealed record PlannedChange(string Application, int Wave, string Kind, string? Namespace, string Name, ChangeKind Change, IReadOnlyList<FieldChange> Fields)
{
    /// <summary>The object as people write it: <c>Kind namespace/name</c>.</summary>
    public string Object => Namespace is null ? $"{Kind} {Name}" : $"{Kind} {Namespace}/{Name}";

    /// <summary>The verb the plan shows: create, change or prune.</summary>
    public string Verb => Change switch
    {
        ChangeKind.Added => "create",
        ChangeKind.Removed => "prune",
        _ => "change",
    };
}
