using HomeLab.Manifests.Findings;
using HomeLab.Manifests.Tools;
using HomeLab.Manifests.Yaml;

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

    public static Finding NotFound(ToolNotFoundException exception, SourceSpan at) =>
        new(RenderRuleIds.ToolNotFound, Severity.Error, exception.Message)
        {
            Span = at,
            Hint = exception.Hint,
        };
}
