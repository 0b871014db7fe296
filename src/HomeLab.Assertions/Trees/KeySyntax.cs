using System.Text.RegularExpressions;

namespace HomeLab.Assertions.Trees;

/// <summary>
/// A key or scalar of an assertion tree taken apart as kyverno-json does, in its order: the <c>~name.</c>
/// iteration prefix first, then a trailing <c>-&gt;binding</c> (spaces around the arrow allowed), then either
/// <c>\escaped\</c> text or a <c>(compiler;statement)</c> expression. Whatever is left is a plain field name.
/// </summary>
internal sealed partial record KeySyntax(bool Foreach, string? ForeachName, string? Binding, bool Escaped, string? Compiler, string Statement)
{
    /// <summary>The JMESPath compiler, the default one.</summary>
    public const string Jp = "jp";

    /// <summary>The CEL compiler.</summary>
    public const string Cel = "cel";

    /// <summary>Whether the statement is an expression (written in parentheses, not escaped).</summary>
    public bool IsExpression => Compiler is not null;

    public static KeySyntax Parse(string text)
    {
        var foreach_ = false;
        string? foreachName = null;
        if (ForeachPattern().Match(text) is { Success: true } f)
        {
            foreach_ = true;
            foreachName = f.Groups[1].Success ? f.Groups[1].Value : null;
            text = f.Groups[2].Value;
        }

        string? binding = null;
        if (BindingPattern().Match(text) is { Success: true } b)
        {
            binding = b.Groups[2].Value;
            text = b.Groups[1].Value;
        }

        if (EscapePattern().Match(text) is { Success: true } e)
        {
            return new KeySyntax(foreach_, foreachName, binding, true, null, e.Groups[1].Value);
        }

        if (CompilerPattern().Match(text) is { Success: true } c)
        {
            return new KeySyntax(foreach_, foreachName, binding, false, c.Groups[1].Success ? c.Groups[1].Value : Jp, c.Groups[2].Value);
        }

        return new KeySyntax(foreach_, foreachName, binding, false, null, text);
    }

    // Go's regexp: \w is ASCII, . stops at a newline, $ is the end of the text.
    [GeneratedRegex(@"\A~([0-9A-Za-z_]+)?\.(.*)")]
    private static partial Regex ForeachPattern();

    [GeneratedRegex(@"(.*)\s*->\s*([0-9A-Za-z_]+)\z")]
    private static partial Regex BindingPattern();

    [GeneratedRegex(@"\A\\(.+)\\\z")]
    private static partial Regex EscapePattern();

    [GeneratedRegex(@"\A\((?:([0-9A-Za-z_]+);)?(.+)\)\z")]
    private static partial Regex CompilerPattern();
}
