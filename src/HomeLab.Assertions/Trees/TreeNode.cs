using HomeLab.Assertions.Expressions;
using HomeLab.Manifests.Yaml;
using Newtonsoft.Json.Linq;

namespace HomeLab.Assertions.Trees;

/// <summary>A compiled node of an assertion tree: matches an actual value and renders its part of a diff.</summary>
internal abstract class TreeNode(SourceSpan span)
{
    public SourceSpan Span { get; } = span;

    /// <summary>Whether the node renders on one line in a diff (a scalar, an expression, <c>{}</c>).</summary>
    public virtual bool IsLeaf => false;

    public abstract void Match(JToken? actual, TreeWalk walk, TreePath path, Bindings bindings);

    /// <summary>Renders a leaf's expected text.</summary>
    public virtual string ExpectedText => string.Empty;

    public abstract void Diff(JToken? actual, TreeWalk walk, Bindings bindings, DiffWriter diff, int indent);

    /// <summary>Whether the node matches, without recording errors.</summary>
    public bool Matches(JToken? actual, TreeWalk walk, Bindings bindings)
    {
        var nested = walk.Nested();
        Match(actual, nested, TreePath.Root, bindings);
        return nested.ErrorCount == 0;
    }
}
