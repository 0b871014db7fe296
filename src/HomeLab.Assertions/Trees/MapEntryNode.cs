using HomeLab.Assertions.Expressions;
using HomeLab.Manifests.Yaml;

namespace HomeLab.Assertions.Trees;

/// <summary>One compiled key of a map node and the subtree under it.</summary>
internal sealed record MapEntryNode(
    string KeyText,
    EntryKind Kind,
    string? Field,
    IExpression? Expression,
    string? IterationBinding,
    string? Binding,
    bool AllowEmpty,
    TreeNode Value,
    SourceSpan KeySpan)
{
    /// <summary>The key as paths show it: the field name, or the expression key as written.</summary>
    public string PathText => Kind == EntryKind.Field ? Field! : Expression is null ? "~." + Field : KeyTextWithoutModifiers;

    public string KeyTextWithoutModifiers { get; init; } = KeyText;
}
