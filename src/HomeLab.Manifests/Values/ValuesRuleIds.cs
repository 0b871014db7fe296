namespace HomeLab.Manifests.Values;

/// <summary>The rule ids of the findings of the values-key check.</summary>
public static class ValuesRuleIds
{
    /// <summary>A values file or inline values set a key the chart does not read: helm ignores it without a word.</summary>
    public const string UnknownKey = "values/unknown-key";

    /// <summary>A key the old version of a chart read and the new one no longer does.</summary>
    public const string DroppedKey = "values/dropped-key";

    /// <summary>A chart's values could not be read, so its values files were not checked.</summary>
    public const string NotChecked = "values/not-checked";
}
