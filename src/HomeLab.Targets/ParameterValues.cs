using System.Globalization;

namespace HomeLab.Targets;

/// <summary>Converts text from the command line, the environment and parameter files into typed values.</summary>
internal static class ParameterValues
{
    private static readonly string[] TrueWords = ["true", "yes", "on", "1"];
    private static readonly string[] FalseWords = ["false", "no", "off", "0"];

    public static bool IsCollection(Type type) =>
        type != typeof(string) && (type.IsArray || (type.IsGenericType && type.GetGenericTypeDefinition() is var definition
            && (definition == typeof(IReadOnlyList<>) || definition == typeof(List<>) || definition == typeof(IEnumerable<>) || definition == typeof(IReadOnlyCollection<>))));

    public static Type ElementType(Type type)
    {
        if (type.IsArray)
        {
            type = type.GetElementType()!;
        }
        else if (IsCollection(type))
        {
            type = type.GetGenericArguments()[0];
        }

        return Nullable.GetUnderlyingType(type) ?? type;
    }

    public static bool LooksLikeBool(string text) =>
        TrueWords.Contains(text, StringComparer.OrdinalIgnoreCase) || FalseWords.Contains(text, StringComparer.OrdinalIgnoreCase);

    /// <summary>Converts the values given for a parameter; <paramref name="describe"/> names the parameter and source in errors.</summary>
    public static object? Convert(Type type, IReadOnlyList<string> values, string rootDirectory, Func<string> describe)
    {
        var element = ElementType(type);
        if (IsCollection(type))
        {
            var array = Array.CreateInstance(element, values.Count);
            for (var i = 0; i < values.Count; i++)
            {
                array.SetValue(ConvertOne(element, values[i], rootDirectory, describe), i);
            }

            return type.IsArray || type.GetGenericTypeDefinition() != typeof(List<>)
                ? array
                : Activator.CreateInstance(type, array);
        }

        if (values.Count == 0)
        {
            return element == typeof(bool)
                ? true
                : throw new BuildUsageException($"{describe()} needs a value{Allowed(element, " (one of ", ")")}.");
        }

        if (values.Count > 1)
        {
            throw new BuildUsageException($"{describe()} takes one value but was given {values.Count}: {string.Join(' ', values)}.");
        }

        return ConvertOne(element, values[0], rootDirectory, describe);
    }

    public static string Format(object? value) => value switch
    {
        null => "(none)",
        string text => text.Length == 0 ? "\"\"" : text,
        bool flag => flag ? "true" : "false",
        Enum member => Names.Kebab(member.ToString()),
        System.Collections.IEnumerable items => string.Join(' ', items.Cast<object?>().Select(Format)) is { Length: > 0 } joined ? joined : "(none)",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    /// <summary>A short description of what a type accepts, for help and errors.</summary>
    public static string Describe(Type type)
    {
        var element = ElementType(type);
        var one = element.IsEnum
            ? string.Join('|', Enum.GetNames(element).Select(Names.Kebab))
            : element == typeof(AbsolutePath) ? "path"
            : element == typeof(bool) ? "bool"
            : element == typeof(int) || element == typeof(long) ? "int"
            : element == typeof(double) ? "number"
            : "string";
        return IsCollection(type) ? $"{one}..." : one;
    }

    private static object ConvertOne(Type type, string text, string rootDirectory, Func<string> describe)
    {
        if (type == typeof(string))
        {
            return text;
        }

        if (type == typeof(bool))
        {
            if (TrueWords.Contains(text, StringComparer.OrdinalIgnoreCase))
            {
                return true;
            }

            if (FalseWords.Contains(text, StringComparer.OrdinalIgnoreCase))
            {
                return false;
            }

            throw Bad(text, describe, "true or false");
        }

        if (type == typeof(int))
        {
            return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number : throw Bad(text, describe, "a whole number");
        }

        if (type == typeof(long))
        {
            return long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number : throw Bad(text, describe, "a whole number");
        }

        if (type == typeof(double))
        {
            return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : throw Bad(text, describe, "a number");
        }

        if (type.IsEnum)
        {
            var wanted = Names.Normalize(text);
            foreach (var name in Enum.GetNames(type))
            {
                if (Names.Normalize(name) == wanted)
                {
                    return Enum.Parse(type, name);
                }
            }

            throw Bad(text, describe, $"one of {string.Join(", ", Enum.GetNames(type).Select(Names.Kebab))}");
        }

        if (type == typeof(AbsolutePath))
        {
            return text.Length == 0 ? throw Bad(text, describe, "a path") : AbsolutePath.Create(text, rootDirectory);
        }

        if (type == typeof(TimeSpan))
        {
            return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span) ? span : throw Bad(text, describe, "a duration like 00:05:00");
        }

        throw new TargetDefinitionException($"{describe()} has type {type.Name}, which parameters do not support; use string, bool, int, long, double, an enum, AbsolutePath or an array of these.");
    }

    private static string Allowed(Type type, string prefix, string suffix) =>
        type.IsEnum ? prefix + string.Join(", ", Enum.GetNames(type).Select(Names.Kebab)) + suffix : string.Empty;

    private static BuildUsageException Bad(string text, Func<string> describe, string expected) =>
        new($"{describe()} has a bad value '{text}': expected {expected}.");
}
