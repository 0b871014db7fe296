namespace HomeLab.Assertions.Cluster;

/// <summary>How a patch is merged into an object, as the API server's PATCH content types say it.</summary>
public enum ClusterPatchType
{
    /// <summary>JSON merge patch (RFC 7386, <c>application/merge-patch+json</c>): maps merge, lists are replaced.</summary>
    Merge,

    /// <summary>Strategic merge patch (<c>application/strategic-merge-patch+json</c>): lists merge by key; built-in kinds only.</summary>
    StrategicMerge,

    /// <summary>JSON patch (RFC 6902, <c>application/json-patch+json</c>): a list of add/remove/replace operations.</summary>
    Json,
}
