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

    /// <summary>Compiles a tree, its aliases written out (the loader bounds how far they expand: <see cref="YamlLoader.MaxAliasExpansion"/>).</summary>
    public static TreeNode Compile(YamlNode node) => Compile(node, ArrayMatchMode.Exact);

    private static TreeNode Compile(YamlNode node, ArrayMatchMode mode) => node switch
    {
        YamlMap { Count: 0 } map => new PresentNode(map.Span),
        YamlMap map => new MapNode(map.Entries.Select(CompileEntry).ToArray(), map.Span),
        YamlList list => new ListNode(list.Items.Select(i => Compile(i, ArrayMatchMode.Exact)).ToArray(), mode, list.Span),
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

    /// <summary>Parses a statement with the compiler a key or value names (<c>jp</c> by default, or <c>cel</c>).</summary>
    public static IExpression ParseExpression(string? compiler, string text, SourceSpan span) => compiler switch
    {
        null or KeySyntax.Jp or "default" => ParseExpression(text, span),
        KeySyntax.Cel => CelStatement(text, span),
        _ => throw new AssertionSyntaxException(span, $"'({compiler};{text})': unknown compiler '{compiler}' (write jp or cel)"),
    };

    private static IExpression CelStatement(string text, SourceSpan span)
    {
        try
        {
            return CelExpression.Parse(text);
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
            var syntax = KeySyntax.Parse(scalar.Value);
            if (syntax.Foreach)
            {
                throw new AssertionSyntaxException(scalar.Span, $"'{scalar.Value}': a value cannot iterate (~ applies to keys only)");
            }

            if (syntax.Binding is not null)
            {
                throw new AssertionSyntaxException(scalar.Span, $"'{scalar.Value}': a value cannot bind (-> applies to keys only; escape it as \\text\\ to compare the text)");
            }

            if (syntax.Escaped)
            {
                return new LiteralNode(new JValue(syntax.Statement), scalar.Span);
            }

            if (syntax.IsExpression)
            {
                return new ExpressionValueNode(ParseExpression(syntax.Compiler, syntax.Statement, scalar.Span), scalar.Span);
            }
        }

        return new LiteralNode(YamlJson.ToJValue(scalar), scalar.Span);
    }

    private static MapEntryNode CompileEntry(YamlMapEntry entry)
    {
        var key = entry.Key;
        var span = entry.KeySpan;
        ArrayMatchMode? mode = null;
        var allowEmpty = false;
        var core = key;
        for (var stripped = !IsEscaped(key); stripped;)
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

        var syntax = KeySyntax.Parse(core);
        if (syntax.Foreach && !syntax.Escaped && !syntax.IsExpression && syntax.Statement.Length == 0)
        {
            throw new AssertionSyntaxException(span, $"'{key}': an iteration is written ~.(expression), ~name.(expression) or ~.field");
        }

        var value = Compile(entry.Value, mode ?? ArrayMatchMode.Exact);
        var expression = syntax.IsExpression ? ParseExpression(syntax.Compiler, syntax.Statement, span) : null;
        var field = expression is null ? syntax.Statement : null;
        if (syntax.Foreach)
        {
            return new MapEntryNode(key, EntryKind.Iteration, field, expression, syntax.ForeachName, syntax.Binding, allowEmpty, value, span)
            {
                KeyTextWithoutModifiers = core,
            };
        }

        if (allowEmpty)
        {
            throw new AssertionSyntaxException(span, $"'{key}': @allow-empty applies to ~ iterations only");
        }

        return expression is not null
            ? new MapEntryNode(key, EntryKind.Projection, null, expression, null, syntax.Binding, false, value, span) { KeyTextWithoutModifiers = core }
            : new MapEntryNode(key, EntryKind.Field, field, null, null, syntax.Binding, false, value, span);
    }
}
