using HomeLab.Assertions.Expressions;
using HomeLab.Manifests.Yaml;
using Newtonsoft.Json.Linq;

namespace HomeLab.Assertions.Trees;

/// <summary>The mutable state of one evaluation: options and the errors found so far.</summary>
internal sealed class TreeWalk(EvaluationOptions options)
{
    private List<FieldError>? _errors;

    public EvaluationOptions Options { get; } = options;

    public ExpressionContext Context => Options.Context;

    public IReadOnlyList<FieldError> Errors => _errors ?? (IReadOnlyList<FieldError>)[];

    public int ErrorCount => _errors?.Count ?? 0;

    public void Fail(TreePath path, FieldErrorType type, string detail, SourceSpan span) =>
        (_errors ??= []).Add(new FieldError(path.ToString(), type, detail, span));

    public void Invalid(TreePath path, JToken? actual, string expected, SourceSpan span) =>
        Fail(path, FieldErrorType.Invalid, $"{Show(actual)}: {expected}", span);

    /// <summary>Runs a nested check whose errors are kept apart (for "does this element match").</summary>
    public TreeWalk Nested() => new(Options);

    public static string Show(JToken? token) => token is null or { Type: JTokenType.Null or JTokenType.Undefined }
        ? "null"
        : token.Type == JTokenType.String ? Quote((string)token!) : YamlJson.Display(token);

    private static string Quote(string s) => "\"" + s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
