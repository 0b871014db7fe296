using HomeLab.Assertions.Expressions;
using HomeLab.Manifests.Yaml;
using Newtonsoft.Json.Linq;

namespace HomeLab.Assertions.Trees;

/// <summary>Compiles YAML into tree nodes once: keys are classified and every expression parsed.</summary>
internal static class TreeCompiler
{
    private static readonly (string Suffix, ArrayMatchMode? Mode, bool AllowEmpty)[] s_suffixes =
    [
        ("@contains", ArrayMatchMode.Contains, false),
        ("@any-order", ArrayMatchMode.AnyOrder, false),
        ("@exact", ArrayMatchMode.Exact, false),
        ("@allow-empty", null, true),
    ];

    public static TreeNode Compile(YamlNode node, ArrayMatchMode mode = ArrayMatchMode.Exact) => node switch
    {
        YamlMap { Count: 0 } map => new PresentNode(map.Span),
        YamlMap map => new MapNode(map.Entries.Select(CompileEntry).ToArray(), map.Span),
        YamlList list => new ListNode(list.Items.Select(i => Compile(i)).ToArray(), mode, list.Span),
        YamlScalar scalar => CompileScalar(scalar),
        _ => throw new AssertionSyntaxException(node.Span, "unsupported YAML node"),
    };

    /// <summary>Whether a string is an expression: wrapped in parentheses.</summary>
    public static bool IsExpression(string text) => text.Length >= 2 && text[0] == '(' && text[^1] == ')';

    /// <summary>Whether a string is escaped: wrapped in backslashes, which are removed.</summary>
    public static bool IsEscaped(string text) => text.Length >= 2 && text[0] == '\\' && text[^1] == '\\';

    public static JmesExpression ParseExpression(string text, SourceSpan span)
    {
        try
        {
            return JmesExpression.Parse(text);
        }
        catch (ExpressionException ex)
        {
            throw new AssertionSyntaxException(span, ex.Message, ex);
        }
    }

    private static TreeNode CompileScalar(YamlScalar scalar)
    {
        if (scalar.Kind == YamlScalarKind.String)
        {
            var text = scalar.Value;
            if (IsEscaped(text))
            {
                return new LiteralNode(new JValue(text[1..^1]), scalar.Span);
            }

            if (IsExpression(text))
            {
                return new ExpressionValueNode(ParseExpression(text[1..^1], scalar.Span), scalar.Span);
            }
        }

        return new LiteralNode(YamlJson.ToJValue(scalar), scalar.Span);
    }

    private static MapEntryNode CompileEntry(YamlMapEntry entry)
    {
        var key = entry.Key;
        var span = entry.KeySpan;
        if (IsEscaped(key))
        {
            return new MapEntryNode(key, EntryKind.Field, key[1..^1], null, null, null, false, Compile(entry.Value), span);
        }

        ArrayMatchMode? mode = null;
        var allowEmpty = false;
        var core = key;
        for (var stripped = true; stripped;)
        {
            stripped = false;
            foreach (var (suffix, suffixMode, suffixAllowEmpty) in s_suffixes)
            {
                if (core.Length > suffix.Length && core.EndsWith(suffix, StringComparison.Ordinal))
                {
                    core = core[..^suffix.Length];
                    mode = suffixMode ?? mode;
                    allowEmpty |= suffixAllowEmpty;
                    stripped = true;
                }
            }
        }

        if (mode is not null && entry.Value is not YamlList)
        {
            throw new AssertionSyntaxException(span, $"'{key}': an array mode suffix needs an array value");
        }

        string? binding = null;
        var arrow = core.LastIndexOf("->", StringComparison.Ordinal);
        if (arrow > 0 && arrow > core.LastIndexOf(')'))
        {
            binding = core[(arrow + 2)..];
            core = core[..arrow];
            if (binding.Length == 0 || !binding.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                throw new AssertionSyntaxException(span, $"'{key}': a binding name after -> must be letters, digits or _");
            }
        }

        var value = Compile(entry.Value, mode ?? ArrayMatchMode.Exact);
        if (core.StartsWith('~'))
        {
            var dot = core.IndexOf('.', StringComparison.Ordinal);
            if (dot < 0 || dot + 1 >= core.Length)
            {
                throw new AssertionSyntaxException(span, $"'{key}': an iteration is written ~.(expression), ~name.(expression) or ~.field");
            }

            var name = dot > 1 ? core[1..dot] : null;
            var target = core[(dot + 1)..];
            var expression = IsExpression(target) ? ParseExpression(target[1..^1], span) : null;
            return new MapEntryNode(key, EntryKind.Iteration, expression is null ? target : null, expression, name, binding, allowEmpty, value, span)
            {
                KeyTextWithoutModifiers = core,
            };
        }

        if (allowEmpty)
        {
            throw new AssertionSyntaxException(span, $"'{key}': @allow-empty applies to ~ iterations only");
        }

        if (IsExpression(core))
        {
            return new MapEntryNode(key, EntryKind.Projection, null, ParseExpression(core[1..^1], span), null, binding, false, value, span)
            {
                KeyTextWithoutModifiers = core,
            };
        }

        return new MapEntryNode(key, EntryKind.Field, core, null, null, binding, false, value, span);
    }
}
