using HomeLab.Assertions.Expressions;
using HomeLab.Manifests.Yaml;
using Newtonsoft.Json.Linq;

namespace HomeLab.Assertions.Trees;

/// <summary>An array, matched per <see cref="ArrayMatchMode"/>; elements match partially, as maps do.</summary>
internal sealed class ListNode(IReadOnlyList<TreeNode> items, ArrayMatchMode mode, SourceSpan span) : TreeNode(span)
{
    public IReadOnlyList<TreeNode> Items { get; } = items;

    public ArrayMatchMode Mode { get; } = mode;

    public override void Match(JToken? actual, TreeWalk walk, TreePath path, Bindings bindings)
    {
        if (actual is not JArray array)
        {
            walk.Invalid(path, actual, "Expected an array", Span);
            return;
        }

        if (Mode != ArrayMatchMode.Contains && array.Count != Items.Count)
        {
            var hint = Mode == ArrayMatchMode.Exact ? " (add @contains to the key to check only some elements, @any-order to ignore order)" : string.Empty;
            walk.Fail(path, FieldErrorType.Invalid, $"{array.Count} elements: Expected {Items.Count} elements{hint}", Span);
            return;
        }

        if (Mode == ArrayMatchMode.Exact)
        {
            for (var i = 0; i < Items.Count; i++)
            {
                Items[i].Match(array[i], walk, path.Index(i), bindings);
            }

            return;
        }

        var assignment = Assign(array, walk, bindings);
        for (var i = 0; i < Items.Count; i++)
        {
            if (assignment[i] < 0)
            {
                walk.Fail(path, FieldErrorType.NotFound, $"no element matches expected element [{i}]{Closest(i, array, walk, path, bindings)}", Items[i].Span);
            }
        }
    }

    public override void Diff(JToken? actual, TreeWalk walk, Bindings bindings, DiffWriter diff, int indent)
    {
        var array = (JArray)actual!;
        var assignment = Mode == ArrayMatchMode.Exact
            ? Enumerable.Range(0, Items.Count).Select(i => i < array.Count ? i : -1).ToArray()
            : Assign(array, walk, bindings);
        for (var i = 0; i < Items.Count; i++)
        {
            var j = assignment[i] >= 0 ? assignment[i] : Nearest(i, array, walk, bindings);
            if (j < 0)
            {
                diff.Expected(indent, "- " + (Items[i].IsLeaf ? Items[i].ExpectedText : "{...}"));
                diff.Actual(indent, "# <no element>");
                continue;
            }

            if (Items[i].IsLeaf)
            {
                MapNode.DiffChild("-", Items[i], array[j], walk, bindings, diff, indent);
            }
            else
            {
                diff.Same(indent, Mode == ArrayMatchMode.Exact ? "-" : $"- # actual [{j}]");
                Items[i].Diff(array[j], walk, bindings, diff, indent + 2);
            }
        }

        if (Mode == ArrayMatchMode.Exact && array.Count > Items.Count)
        {
            diff.Actual(indent, $"# {array.Count - Items.Count} more element(s)");
        }
    }

    /// <summary>Assigns each expected element a distinct actual element it matches (maximum bipartite matching).</summary>
    private int[] Assign(JArray array, TreeWalk walk, Bindings bindings)
    {
        var fits = new bool[Items.Count, array.Count];
        for (var i = 0; i < Items.Count; i++)
        {
            for (var j = 0; j < array.Count; j++)
            {
                fits[i, j] = Items[i].Matches(array[j], walk, bindings);
            }
        }

        var ownerOf = Enumerable.Repeat(-1, array.Count).ToArray();
        for (var i = 0; i < Items.Count; i++)
        {
            TryAssign(i, new bool[array.Count]);
        }

        var assignment = Enumerable.Repeat(-1, Items.Count).ToArray();
        for (var j = 0; j < array.Count; j++)
        {
            if (ownerOf[j] >= 0)
            {
                assignment[ownerOf[j]] = j;
            }
        }

        return assignment;

        bool TryAssign(int i, bool[] seen)
        {
            for (var j = 0; j < array.Count; j++)
            {
                if (fits[i, j] && !seen[j])
                {
                    seen[j] = true;
                    if (ownerOf[j] < 0 || TryAssign(ownerOf[j], seen))
                    {
                        ownerOf[j] = i;
                        return true;
                    }
                }
            }

            return false;
        }
    }

    private int Nearest(int i, JArray array, TreeWalk walk, Bindings bindings)
    {
        var best = -1;
        var bestErrors = int.MaxValue;
        for (var j = 0; j < array.Count; j++)
        {
            var nested = walk.Nested();
            Items[i].Match(array[j], nested, TreePath.Root, bindings);
            if (nested.ErrorCount < bestErrors)
            {
                best = j;
                bestErrors = nested.ErrorCount;
            }
        }

        return best;
    }

    private string Closest(int i, JArray array, TreeWalk walk, TreePath path, Bindings bindings)
    {
        var j = Nearest(i, array, walk, bindings);
        if (j < 0)
        {
            return " (the array is empty)";
        }

        var nested = walk.Nested();
        Items[i].Match(array[j], nested, path.Index(j), bindings);
        var shown = nested.Errors.Take(3).Select(e => e.Message);
        return $"; closest is [{j}]: {string.Join("; ", shown)}{(nested.ErrorCount > 3 ? $"; and {nested.ErrorCount - 3} more" : string.Empty)}";
    }
}
