namespace HomeLab.Manifests.Diff;

/// <summary>How an object or a field changed between two renders.</summary>
public enum ChangeKind
{
    /// <summary>Only the new render has it.</summary>
    Added,

    /// <summary>Only the old render has it.</summary>
    Removed,

    /// <summary>Both have it, with different content.</summary>
    Changed,
}
