using HomeLab.Assertions.Expressions;
using HomeLab.Manifests.Yaml;
using Newtonsoft.Json.Linq;

namespace HomeLab.Assertions.Trees;

/// <summary>
/// A map: every key must match, extra actual keys are fine. A binding made by <c>key-&gt;name</c> is seen by the
/// key's subtree only (its descendants), as Chainsaw documents; a missing key fails, whatever the expected value.
/// </summary>
internal sealed class MapNode(IReadOnlyList<MapEntryNode> entries, SourceSpan span) : TreeNode(span)
{
    private readonly bool _needsMap = entries.Any(e => e.Kind == EntryKind.Field || (e.Kind == EntryKind.Iteration && e.Expression is null));

    public IReadOnlyList<MapEntryNode> Entries { get; } = entries;

    public override void Match(JToken? actual, TreeWalk walk, TreePath path, Bindings bindings)
    {
        if (_needsMap && actual is not JObject)
        {
            walk.Invalid(path, actual, "Expected a map", Span);
            return;
        }

        foreach (var entry in Entries)
        {
            if (!Resolve(entry, actual, walk, bindings, out var value, out var error))
            {
                if (error is not null)
                {
                    walk.Fail(path.Raw(entry.PathText), FieldErrorType.Expression, error, entry.KeySpan);
                }
                else
                {
                    walk.Fail(path.Key(entry.Field!), FieldErrorType.Required, "field not found in the input object", entry.KeySpan);
                }

                continue;
            }

            var scope = entry.Binding is null ? bindings : bindings.With(entry.Binding, value);
            switch (entry.Kind)
            {
                case EntryKind.Field:
                    entry.Value.Match(value, walk, path.Key(entry.Field!), scope);
                    break;
                case EntryKind.Projection:
                    entry.Value.Match(value, walk, path.Raw(entry.PathText), scope);
                    break;
                default:
                    Iterate(entry, value, walk, path.Raw(entry.PathText), scope);
                    break;
            }
        }
    }

    public override void Diff(JToken? actual, TreeWalk walk, Bindings bindings, DiffWriter diff, int indent)
    {
        foreach (var entry in Entries)
        {
            var key = entry.KeyText;
            if (!Resolve(entry, actual as JToken, walk, bindings, out var value, out var error))
            {
                diff.Expected(indent, entry.Value.IsLeaf ? $"{key}: {entry.Value.ExpectedText}" : key + ":");
                diff.Actual(indent, $"{key}: {(error is null ? "<missing>" : "<error: " + error + ">")}");
                continue;
            }

            var entryScope = entry.Binding is null ? bindings : bindings.With(entry.Binding, value);
            if (entry.Kind == EntryKind.Iteration)
            {
                diff.Same(indent, key + ":");
                var i = 0;
                foreach (var (label, _, element, scope) in Elements(entry, value, entryScope))
                {
                    DiffChild($"# {label}", entry.Value, element, walk, scope, diff, indent + 2);
                    i++;
                }

                if (i == 0)
                {
                    diff.Actual(indent + 2, "# <nothing to iterate>");
                }

                continue;
            }

            DiffChild(key, entry.Value, value, walk, entryScope, diff, indent);
        }
    }

    /// <summary>Writes one child: a leaf on one line, a map or list under a key line.</summary>
    internal static void DiffChild(string key, TreeNode node, JToken? actual, TreeWalk walk, Bindings bindings, DiffWriter diff, int indent)
    {
        var head = key.Length == 0 ? string.Empty : key + ": ";
        if (node.IsLeaf)
        {
            if (node.Matches(actual, walk, bindings))
            {
                diff.Same(indent, head + node.ExpectedText);
            }
            else
            {
                diff.Expected(indent, head + node.ExpectedText);
                diff.Actual(indent, head + TreeWalk.Show(actual));
            }

            return;
        }

        var shapeOk = node switch
        {
            MapNode map => !map._needsMap || actual is JObject,
            ListNode => actual is JArray,
            _ => true,
        };
        if (!shapeOk)
        {
            diff.Expected(indent, head + (node is ListNode ? "[...]" : "{...}"));
            diff.Actual(indent, head + TreeWalk.Show(actual));
            return;
        }

        if (key.Length > 0)
        {
            diff.Same(indent, key + ":");
            node.Diff(actual, walk, bindings, diff, indent + 2);
        }
        else
        {
            node.Diff(actual, walk, bindings, diff, indent);
        }
    }

    private static bool Resolve(MapEntryNode entry, JToken? actual, TreeWalk walk, Bindings bindings, out JToken? value, out string? error)
    {
        error = null;
        if (entry.Expression is null)
        {
            value = (actual as JObject)?[entry.Field!];
            return value is not null;
        }

        try
        {
            value = entry.Expression.Evaluate(actual, bindings, walk.Context);
            return true;
        }
        catch (ExpressionException ex)
        {
            value = null;
            error = ex.Message;
            return false;
        }
    }

    private static IEnumerable<(string Label, int Index, JToken Element, Bindings Scope)> Elements(MapEntryNode entry, JToken? collection, Bindings bindings)
    {
        switch (collection)
        {
            case JArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    yield return ($"[{i}]", i, array[i], entry.IterationBinding is null ? bindings : bindings.With(entry.IterationBinding, new JValue(i)));
                }

                break;
            case JObject map:
                foreach (var property in map.Properties())
                {
                    yield return (property.Name, -1, property.Value, entry.IterationBinding is null ? bindings : bindings.With(entry.IterationBinding, new JValue(property.Name)));
                }

                break;
        }
    }

    private static void Iterate(MapEntryNode entry, JToken? collection, TreeWalk walk, TreePath path, Bindings bindings)
    {
        if (collection is not null && collection is not JArray && collection is not JObject && !JsonCompare.IsNull(collection))
        {
            walk.Invalid(path, collection, "Expected an array or a map to iterate over", entry.KeySpan);
            return;
        }

        var any = false;
        foreach (var (label, index, element, scope) in Elements(entry, collection, bindings))
        {
            any = true;
            var elementPath = index >= 0 ? path.Index(index) : path.Key(label);
            entry.Value.Match(element, walk, elementPath, scope);
        }

        if (!any && !entry.AllowEmpty && !walk.Options.AllowEmptyIteration)
        {
            walk.Fail(
                path,
                FieldErrorType.Vacuous,
                $"iterates over {(JsonCompare.IsNull(collection) ? "null" : "no elements")}, so nothing under it was checked (add @allow-empty to the key if that is intended)",
                entry.KeySpan);
        }
    }
}
