using System.Globalization;
using System.Text.Json.Nodes;

namespace HomeLab.Manifests.Yaml;

/// <summary>
/// A YAML scalar: its text, how it was written, and what it resolves to under the YAML 1.2 core schema.
/// Only plain scalars are typed by their text: <c>"1"</c> is a string, <c>1</c> an int, <c>1.5</c> a float,
/// <c>true</c> a bool, <c>yes</c> a string, <c>null</c>, <c>~</c> and nothing at all are null.
/// </summary>
public sealed class YamlScalar : YamlNode
{
    /// <summary>Builds a scalar; a plain one is typed by its text, any other style is a string.</summary>
    /// <param name="value">The text, after quotes and escapes are undone.</param>
    /// <param name="style">How it was written.</param>
    /// <param name="span">Where it was written; <see cref="SourceSpan.None"/> when null.</param>
    public YamlScalar(string value, YamlScalarStyle style = YamlScalarStyle.Plain, SourceSpan? span = null)
        : this(value, style, style == YamlScalarStyle.Plain ? Resolve(value) : YamlScalarKind.String, span)
    {
    }

    internal YamlScalar(string value, YamlScalarStyle style, YamlScalarKind kind, SourceSpan? span)
        : base(span, StyleAndKind(style, kind))
    {
        ArgumentNullException.ThrowIfNull(value);
        Value = value;
    }

    /// <summary>A scalar read from text, with its position as offsets (see <see cref="SpanOrigin"/>).</summary>
    internal YamlScalar(string value, YamlScalarStyle style, YamlScalarKind kind, SpanOrigin? origin, int start, int end)
        : base(origin, start, end, StyleAndKind(style, kind)) => Value = value;

    /// <summary>A null scalar built in code.</summary>
    public static YamlScalar Null { get; } = new("null", YamlScalarStyle.Plain, YamlScalarKind.Null, null);

    /// <summary>The text, after quotes and escapes are undone.</summary>
    public string Value { get; }

    /// <summary>How it was written.</summary>
    public YamlScalarStyle Style => (YamlScalarStyle)(Tag & 0xF);

    /// <summary>What it resolves to.</summary>
    public YamlScalarKind Kind => (YamlScalarKind)(Tag >> 4);

    /// <summary>Whether it was written in single or double quotes.</summary>
    public bool IsQuoted => Style is YamlScalarStyle.SingleQuoted or YamlScalarStyle.DoubleQuoted;

    /// <summary>Whether it resolves to null.</summary>
    public bool IsNull => Kind == YamlScalarKind.Null;

    /// <summary>A string scalar (double-quoted, so it stays a string whatever its text).</summary>
    /// <param name="value">The string.</param>
    /// <returns>The scalar.</returns>
    public static YamlScalar From(string value) => new(value, YamlScalarStyle.DoubleQuoted, YamlScalarKind.String, null);

    /// <summary>An integer scalar.</summary>
    /// <param name="value">The number.</param>
    /// <returns>The scalar.</returns>
    public static YamlScalar From(long value) => new(value.ToString(CultureInfo.InvariantCulture), YamlScalarStyle.Plain, YamlScalarKind.Int, null);

    /// <summary>A float scalar.</summary>
    /// <param name="value">The number.</param>
    /// <returns>The scalar.</returns>
    public static YamlScalar From(double value)
    {
        var text = value switch
        {
            double.PositiveInfinity => ".inf",
            double.NegativeInfinity => "-.inf",
            double.NaN => ".nan",
            _ => value.ToString("R", CultureInfo.InvariantCulture),
        };
        if (text.AsSpan().IndexOfAny(".eEn") < 0)
        {
            text += ".0";
        }

        return new(text, YamlScalarStyle.Plain, YamlScalarKind.Float, null);
    }

    /// <summary>A boolean scalar.</summary>
    /// <param name="value">The boolean.</param>
    /// <returns>The scalar.</returns>
    public static YamlScalar From(bool value) => new(value ? "true" : "false", YamlScalarStyle.Plain, YamlScalarKind.Bool, null);

    /// <summary>What the text of a plain scalar resolves to as Kubernetes reads it: the YAML 1.2 core schema plus YAML 1.1 booleans (<c>yes</c>, <c>no</c>, <c>on</c>, <c>off</c>, <c>y</c>, <c>n</c>).</summary>
    /// <param name="text">The text.</param>
    /// <returns>The kind.</returns>
    public static YamlScalarKind Resolve(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
        {
            return YamlScalarKind.Null;
        }

        // Most scalars are names, images and paths: rule them out on the first character.
        var first = text[0];
        if (!char.IsAsciiDigit(first) && first is not ('-' or '+' or '.' or '~' or 'n' or 'N' or 't' or 'T' or 'f' or 'F' or 'y' or 'Y' or 'o' or 'O'))
        {
            return YamlScalarKind.String;
        }

        return text switch
        {
            "~" or "null" or "Null" or "NULL" => YamlScalarKind.Null,
            _ when IsTrue(text) || IsFalse(text) => YamlScalarKind.Bool,
            _ when IsInt(text) => YamlScalarKind.Int,
            _ when IsFloat(text) => YamlScalarKind.Float,
            _ => YamlScalarKind.String,
        };
    }

    /// <summary>The value as a boolean.</summary>
    /// <returns>The boolean, or null when the scalar is not a bool.</returns>
    public bool? AsBool() => Kind == YamlScalarKind.Bool ? IsTrue(Value) : null;

    /// <summary>The value as a 64-bit integer.</summary>
    /// <returns>The number, or null when the scalar is not an int or does not fit.</returns>
    public long? AsInt64() => Kind == YamlScalarKind.Int && TryParseInt(Value, out var number) ? number : null;

    /// <summary>The value as a double; ints convert too.</summary>
    /// <returns>The number, or null when the scalar is not a number.</returns>
    public double? AsDouble() => Kind switch
    {
        YamlScalarKind.Int => TryParseInt(Value, out var number) ? number : double.TryParse(Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var big) ? big : null,
        YamlScalarKind.Float => ParseFloat(Value),
        _ => null,
    };

    /// <summary>The value as text.</summary>
    /// <returns>The text, or null when the scalar is null.</returns>
    public string? AsString() => IsNull ? null : Value;

    /// <inheritdoc />
    public override JsonNode? ToJson() => Kind switch
    {
        YamlScalarKind.Null => null,
        YamlScalarKind.Bool => JsonValue.Create(AsBool()!.Value),
        YamlScalarKind.Int when TryParseInt(Value, out var number) => JsonValue.Create(number),
        YamlScalarKind.Int or YamlScalarKind.Float when AsDouble() is { } number && double.IsFinite(number) => JsonValue.Create(number),
        _ => JsonValue.Create(Value),
    };

    /// <summary>The text.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Value;

    // The style and the kind in the byte the node keeps beside its offsets.
    private static byte StyleAndKind(YamlScalarStyle style, YamlScalarKind kind) => (byte)((int)style | (int)kind << 4);

    internal static YamlScalar NullAt(SourceSpan? span) => span is null ? Null : new("null", YamlScalarStyle.Plain, YamlScalarKind.Null, span);

    // Kubernetes reads YAML 1.1 (sigs.k8s.io/yaml): y, yes and on are true; n, no and off are false.
    private static bool IsTrue(string text) => text is "true" or "True" or "TRUE" or "y" or "Y" or "yes" or "Yes" or "YES" or "on" or "On" or "ON";

    private static bool IsFalse(string text) => text is "false" or "False" or "FALSE" or "n" or "N" or "no" or "No" or "NO" or "off" or "Off" or "OFF";

    private static bool IsInt(string text)
    {
        if (text.Length > 2 && text[0] == '0' && text[1] is 'x' or 'o')
        {
            var digits = text.AsSpan(2);
            return text[1] == 'x' ? digits.ContainsAnyExcept("0123456789abcdefABCDEF") is false : digits.ContainsAnyExcept("01234567") is false;
        }

        var body = text.AsSpan(text[0] is '-' or '+' ? 1 : 0);
        return !body.IsEmpty && !body.ContainsAnyExceptInRange('0', '9');
    }

    private static bool IsFloat(string text)
    {
        var body = text.AsSpan(text[0] is '-' or '+' ? 1 : 0);
        if (body is ".inf" or ".Inf" or ".INF")
        {
            return true;
        }

        if (text is ".nan" or ".NaN" or ".NAN")
        {
            return true;
        }

        // [0-9]*(\.[0-9]*)?([eE][-+]?[0-9]+)? with at least one digit before the exponent.
        var i = 0;
        var digits = 0;
        while (i < body.Length && char.IsAsciiDigit(body[i]))
        {
            i++;
            digits++;
        }

        if (i < body.Length && body[i] == '.')
        {
            i++;
            while (i < body.Length && char.IsAsciiDigit(body[i]))
            {
                i++;
                digits++;
            }
        }

        if (digits == 0)
        {
            return false;
        }

        if (i < body.Length && body[i] is 'e' or 'E')
        {
            i++;
            if (i < body.Length && body[i] is '-' or '+')
            {
                i++;
            }

            var exponent = i;
            while (i < body.Length && char.IsAsciiDigit(body[i]))
            {
                i++;
            }

            if (i == exponent)
            {
                return false;
            }
        }

        return i == body.Length;
    }

    private static bool TryParseInt(string text, out long number)
    {
        if (text.StartsWith("0x", StringComparison.Ordinal))
        {
            return long.TryParse(text.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out number) && number >= 0;
        }

        if (text.StartsWith("0o", StringComparison.Ordinal))
        {
            number = 0;
            foreach (var c in text.AsSpan(2))
            {
                if (number > (long.MaxValue >> 3))
                {
                    return false;
                }

                number = (number << 3) + (c - '0');
            }

            return true;
        }

        return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out number);
    }

    private static double ParseFloat(string text)
    {
        var negative = text[0] == '-';
        var body = text.AsSpan(text[0] is '-' or '+' ? 1 : 0);
        if (body is ".inf" or ".Inf" or ".INF")
        {
            return negative ? double.NegativeInfinity : double.PositiveInfinity;
        }

        return body is ".nan" or ".NaN" or ".NAN" ? double.NaN : double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
    }
}
