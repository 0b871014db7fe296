namespace HomeLab.Manifests.Objects;

/// <summary>The rule ids of the findings <see cref="ManifestSet"/> reports while loading.</summary>
public static class ManifestRuleIds
{
    /// <summary>An object lacks <c>apiVersion</c>, <c>kind</c> or <c>metadata.name</c>.</summary>
    public const string MissingField = "manifest/missing-field";

    /// <summary>A path given to load does not exist.</summary>
    public const string PathNotFound = "manifest/path-not-found";

    /// <summary>An item of a <c>kind: List</c> is not a mapping.</summary>
    public const string ListItemNotAMapping = "manifest/list-item-not-a-mapping";
}
