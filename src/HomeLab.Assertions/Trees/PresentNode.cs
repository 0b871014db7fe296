using HomeLab.Assertions.Expressions;
using HomeLab.Manifests.Yaml;
using Newtonsoft.Json.Linq;

namespace HomeLab.Assertions.Trees;

/// <summary><c>{}</c>: the field is present and not null, whatever its value.</summary>
internal sealed class PresentNode(SourceSpan span) : TreeNode(span)
{
    public override bool IsLeaf => true;

    public override string ExpectedText => "{}";

    public override void Match(JToken? actual, TreeWalk walk, TreePath path, Bindings bindings)
    {
        if (JsonCompare.IsNull(actual))
        {
            walk.Invalid(path, actual, "Expected a value ({} means present and not null)", Span);
        }
    }

    public override void Diff(JToken? actual, TreeWalk walk, Bindings bindings, DiffWriter diff, int indent) =>
        diff.Same(indent, ExpectedText);
}
