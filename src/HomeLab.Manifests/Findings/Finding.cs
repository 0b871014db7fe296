using HomeLab.Manifests.Yaml;

namespace HomeLab.Manifests.Findings;

/// <summary>
/// One problem found in the manifests, by loading, validation, lint or an offline assertion:
/// what rule found it, how serious it is, what is wrong, where, and how to fix it.
/// </summary>
/// <param name="RuleId">The rule that found it, as <c>area/name</c>, such as <c>yaml/duplicate-key</c>.</param>
/// <param name="Severity">How serious it is.</param>
/// <param name="Message">What is wrong, in plain words.</param>
public sealed record Finding(string RuleId, Severity Severity, string Message)
{
    /// <summary>Where it is; null when the problem has no place in a file.</summary>
    public SourceSpan? Span { get; init; }

    /// <summary>The object it is about, when there is one.</summary>
    public ObjectRef? Object { get; init; }

    /// <summary>The field it is about, such as <c>spec.template.spec.containers[0].image</c>.</summary>
    public string? FieldPath { get; init; }

    /// <summary>How to fix it.</summary>
    public string? Hint { get; init; }

    /// <summary>The environments it was found in, when the same finding came from several (a shared base); empty when
    /// it was not found per environment.</summary>
    public IReadOnlyList<string> Environments { get; init; } = [];

    /// <summary>Renders the finding as <c>file:line:col: error RULE: message (hint)</c>.</summary>
    /// <returns>The rendered finding.</returns>
    public override string ToString()
    {
        var where = Span is { } span ? $"{span}: " : string.Empty;
        var hint = Hint is null ? string.Empty : $" ({Hint})";
        return $"{where}{SeverityText(Severity)} {RuleId}: {Message}{hint}";
    }

    private static string SeverityText(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "info",
    };
}
