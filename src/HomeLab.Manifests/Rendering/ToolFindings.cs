using HomeLab.Manifests.Findings;
using HomeLab.Manifests.Yaml;
using HomeLab.Tools;

namespace HomeLab.Manifests.Rendering;

/// <summary>Turns tool failures into findings at the source file a person edits.</summary>
internal static class ToolFindings
{
    public static Finding Failed(ToolResult result, SourceSpan at, string hint) =>
        new(RenderRuleIds.ToolFailed, Severity.Error, result.ErrorMessage)
        {
            Span = at,
            Hint = $"{hint} (ran: {result.CommandLine})",
        };

    /// <summary>The warnings a tool printed while succeeding, such as kustomize's <c># Warning: 'commonLabels' is deprecated</c>.</summary>
    public static IEnumerable<Finding> Warnings(ToolResult result, SourceSpan at) =>
        result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => line.Contains("warning", StringComparison.OrdinalIgnoreCase))
            .Distinct(StringComparer.Ordinal)
            .Select(line => new Finding(RenderRuleIds.ToolWarning, Severity.Warning, line.TrimStart('#', ' '))
            {
                Span = at,
                Hint = $"{Path.GetFileName(result.Tool)} printed this while rendering",
            });

    public static Finding NotFound(ToolNotFoundException exception, SourceSpan at) =>
        new(RenderRuleIds.ToolNotFound, Severity.Error, exception.Message)
        {
            Span = at,
            Hint = exception.Hint,
        };
}
