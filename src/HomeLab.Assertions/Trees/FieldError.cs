using HomeLab.Manifests.Yaml;

namespace HomeLab.Assertions.Trees;

/// <summary>One field that did not match, e.g. <c>spec.replicas: Invalid value: 1: Expected value: 2</c>.</summary>
/// <param name="Path">The field path, with expression keys as written: <c>spec.(containers[0]).image</c>.</param>
/// <param name="Type">What kind of mismatch.</param>
/// <param name="Detail">The rest of the message: <c>1: Expected value: 2</c>.</param>
/// <param name="Span">Where the assertion node was written, when it came from YAML.</param>
public sealed record FieldError(string Path, FieldErrorType Type, string Detail, SourceSpan Span)
{
    /// <summary>The message without the location: <c>spec.replicas: Invalid value: 1: Expected value: 2</c>.</summary>
    public string Message => $"{(Path.Length == 0 ? "(root)" : Path)}: {TypeText}{(Detail.Length > 0 ? ": " + Detail : string.Empty)}";

    private string TypeText => Type switch
    {
        FieldErrorType.Required => "Required value",
        FieldErrorType.Invalid => "Invalid value",
        FieldErrorType.NotFound => "Not found",
        FieldErrorType.Expression => "Expression error",
        _ => "Vacuous",
    };

    /// <summary>The message, preceded by <c>file:line:column</c> when known.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Span.IsKnown ? $"{Span}: {Message}" : Message;
}
