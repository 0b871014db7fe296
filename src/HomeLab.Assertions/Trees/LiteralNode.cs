using HomeLab.Assertions.Expressions;
using HomeLab.Manifests.Yaml;
using Newtonsoft.Json.Linq;

namespace HomeLab.Assertions.Trees;

/// <summary>A scalar compared as is.</summary>
internal sealed class LiteralNode(JValue value, SourceSpan span) : TreeNode(span)
{
    public JValue Value { get; } = value;

    public bool IsNull => JsonCompare.IsNull(Value);

    public override bool IsLeaf => true;

    public override string ExpectedText => TreeWalk.Show(Value);

    public override void Match(JToken? actual, TreeWalk walk, TreePath path, Bindings bindings)
    {
        if (!JsonCompare.DeepEquals(Value, actual))
        {
            walk.Invalid(path, actual, $"Expected value: {ExpectedText}", Span);
        }
    }

    public override void Diff(JToken? actual, TreeWalk walk, Bindings bindings, DiffWriter diff, int indent) =>
        diff.Same(indent, ExpectedText);
}
