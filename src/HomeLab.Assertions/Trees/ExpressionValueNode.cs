using HomeLab.Assertions.Expressions;
using HomeLab.Manifests.Yaml;
using Newtonsoft.Json.Linq;

namespace HomeLab.Assertions.Trees;

/// <summary>
/// A <c>(expression)</c> value: evaluated with the actual value at this position as <c>@</c> (and the
/// bindings as <c>$name</c>); the actual value must match the result (a map result partially, as any expected map).
/// </summary>
internal sealed class ExpressionValueNode(IExpression expression, SourceSpan span) : TreeNode(span)
{
    public override bool IsLeaf => true;

    public override string ExpectedText => "(" + expression.Text + ")";

    public override void Match(JToken? actual, TreeWalk walk, TreePath path, Bindings bindings)
    {
        JToken expected;
        try
        {
            expected = expression.Evaluate(actual, bindings, walk.Context);
        }
        catch (ExpressionException ex)
        {
            walk.Fail(path, FieldErrorType.Expression, ex.Message, Span);
            return;
        }

        if (!JsonCompare.Matches(expected, actual))
        {
            walk.Invalid(path, actual, $"Expected value: {TreeWalk.Show(expected)} = {ExpectedText}", Span);
        }
    }

    public override void Diff(JToken? actual, TreeWalk walk, Bindings bindings, DiffWriter diff, int indent) =>
        diff.Same(indent, ExpectedText);
}
