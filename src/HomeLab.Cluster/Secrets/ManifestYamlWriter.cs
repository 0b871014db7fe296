using System.Collections;
using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace HomeLab.Cluster.Secrets;

/// <summary>
/// Writes a manifest tree as block YAML with every mapping's keys in ordinal order (as kubectl prints them), so a
/// re-written file changes only where its content changed. Strings that YAML 1.1 or 1.2 would read as anything other
/// than a string are double-quoted; multi-line strings become literal blocks. Null values are left out.
/// </summary>
internal static partial class ManifestYamlWriter
{
    public static string Write(IReadOnlyDictionary<string, object?> root)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        var emitter = new Emitter(writer, new EmitterSettings(bestIndent: 2, bestWidth: int.MaxValue, isCanonical: false, maxSimpleKeyLength: 1024, newLine: "\n"));
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart(null, null, isImplicit: true));
        EmitValue(emitter, root);
        emitter.Emit(new DocumentEnd(isImplicit: true));
        emitter.Emit(new StreamEnd());
        return writer.ToString();
    }

    private static void EmitValue(IEmitter emitter, object value)
    {
        switch (value)
        {
            case string text:
                EmitString(emitter, text);
                break;
            case bool flag:
                emitter.Emit(new Scalar(null, null, flag ? "true" : "false", ScalarStyle.Plain, isPlainImplicit: true, isQuotedImplicit: false));
                break;
            case int or long:
                emitter.Emit(new Scalar(null, null, Convert.ToString(value, CultureInfo.InvariantCulture)!, ScalarStyle.Plain, isPlainImplicit: true, isQuotedImplicit: false));
                break;
            case IEnumerable<KeyValuePair<string, object?>> map:
                EmitMap(emitter, map.Where(pair => pair.Value is not null).Select(pair => (pair.Key, pair.Value!)));
                break;
            case IEnumerable<KeyValuePair<string, string>> strings:
                EmitMap(emitter, strings.Select(pair => (pair.Key, (object)pair.Value)));
                break;
            case IEnumerable list:
                emitter.Emit(new SequenceStart(null, null, isImplicit: true, SequenceStyle.Block));
                foreach (var item in list)
                {
                    EmitValue(emitter, item!);
                }

                emitter.Emit(new SequenceEnd());
                break;
            default:
                throw new ArgumentException($"Cannot write a {value.GetType().Name} as YAML.", nameof(value));
        }
    }

    private static void EmitMap(IEmitter emitter, IEnumerable<(string Key, object Value)> pairs)
    {
        var sorted = pairs.OrderBy(pair => pair.Key, StringComparer.Ordinal).ToList();
        emitter.Emit(new MappingStart(null, null, isImplicit: true, sorted.Count == 0 ? MappingStyle.Flow : MappingStyle.Block));
        foreach (var (key, value) in sorted)
        {
            EmitString(emitter, key);
            EmitValue(emitter, value);
        }

        emitter.Emit(new MappingEnd());
    }

    private static void EmitString(IEmitter emitter, string text)
    {
        var style = text.Contains('\n', StringComparison.Ordinal) && IsLiteralSafe(text)
            ? ScalarStyle.Literal
            : NeedsQuotes(text) ? ScalarStyle.DoubleQuoted : ScalarStyle.Any;
        emitter.Emit(new Scalar(null, null, text, style, isPlainImplicit: true, isQuotedImplicit: true));
    }

    /// <summary>Whether a plain scalar would be read back as something other than this string.</summary>
    internal static bool NeedsQuotes(string text) =>
        text.Length == 0
        || text != text.Trim()
        || ImplicitlyTyped().IsMatch(text)
        || "-?:,[]{}#&*!|>'\"%@`".Contains(text[0], StringComparison.Ordinal)
        || text.Contains(": ", StringComparison.Ordinal)
        || text.Contains(" #", StringComparison.Ordinal)
        || text.EndsWith(':')
        || text.Any(char.IsControl);

    // Literal blocks cannot carry trailing spaces on a line, tabs or control characters faithfully.
    private static bool IsLiteralSafe(string text) =>
        !text.Split('\n').Any(line => line.EndsWith(' ') || line.EndsWith('\r'))
        && !text.StartsWith(' ')
        && !text.Any(c => char.IsControl(c) && c != '\n');

    // Null, booleans (YAML 1.1 included, as sigs.k8s.io/yaml reads them), numbers in any base, infinities, NaN,
    // timestamps and the merge and value keys: conservatively, anything starting like a number is quoted.
    [GeneratedRegex(@"^(~|null|Null|NULL|y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|<<|=|[-+]?\.?[0-9].*|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN))$", RegexOptions.CultureInvariant)]
    private static partial Regex ImplicitlyTyped();
}
