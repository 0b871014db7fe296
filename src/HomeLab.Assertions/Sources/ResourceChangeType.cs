namespace HomeLab.Assertions.Sources;

/// <summary>The kind of change a watch reports.</summary>
public enum ResourceChangeType
{
    /// <summary>An object appeared.</summary>
    Added,

    /// <summary>An object changed.</summary>
    Modified,

    /// <summary>An object was deleted.</summary>
    Deleted,
}
