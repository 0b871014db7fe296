namespace HomeLab.Manifests.Rendering;

/// <summary>The rule ids of the findings reported while rendering.</summary>
public static class RenderRuleIds
{
    /// <summary>kubectl or helm exited with an error; the message is its standard error.</summary>
    public const string ToolFailed = "render/tool-failed";

    /// <summary>kubectl or helm rendered, but warned (such as a deprecated kustomization field).</summary>
    public const string ToolWarning = "render/tool-warning";

    /// <summary>kubectl or helm is not installed.</summary>
    public const string ToolNotFound = "render/tool-not-found";

    /// <summary>A remote chart's repository does not serve the pinned version, or served a package that does not match its index.</summary>
    public const string ChartUnavailable = "render/chart-unavailable";

    /// <summary>A remote chart could not be downloaded and is not in the cache: it was not rendered.</summary>
    public const string NotRenderedOffline = "render/not-rendered-offline";

    /// <summary>An Application source that cannot be rendered from here (another git repository, no path or chart).</summary>
    public const string UnsupportedSource = "render/unsupported-source";

    /// <summary>A path an Application or kustomization points at does not exist.</summary>
    public const string PathNotFound = "render/path-not-found";
}
