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

    /// <summary>A file holds no manifests.</summary>
    public const string EmptyFile = "manifest/empty-file";

    /// <summary>A folder given to scan holds no manifest files.</summary>
    public const string NoManifests = "manifest/no-manifests";

    /// <summary>A symbolic link leads back to a folder that contains it, or links go round in a circle.</summary>
    public const string LinkLoop = "manifest/link-loop";

    /// <summary>A file is not an object (a kustomization, a patch, a Helm chart's file, other YAML or JSON) and was skipped.</summary>
    public const string Skipped = "manifest/skipped";

    /// <summary>Objects hold placeholders such as <c>${APP}</c> that were never substituted.</summary>
    public const string Unrendered = "manifest/unrendered";
}
