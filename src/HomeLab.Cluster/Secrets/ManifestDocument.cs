using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace HomeLab.Cluster.Secrets;

/// <summary>One YAML document of a manifest file whose root is a mapping, with helpers that keep line numbers.</summary>
internal sealed class ManifestDocument(string source, YamlMappingNode root)
{
    public string Source { get; } = source;

    public YamlMappingNode Root { get; } = root;

    public int Line => LineOf(Root);

    public string? Kind => Scalar(Root, "kind");

    public string? ApiVersion => Scalar(Root, "apiVersion");

    public YamlMappingNode? Metadata => Map(Root, "metadata");

    public string? Name => Metadata is { } metadata ? Scalar(metadata, "name") : null;

    public string? Namespace => Metadata is { } metadata ? Scalar(metadata, "namespace") : null;

    /// <summary>Every document of a file whose root is a mapping; empty documents and other roots are skipped.</summary>
    /// <exception cref="SecretSealingException">The text is not valid YAML.</exception>
    public static List<ManifestDocument> ReadAll(string text, string source)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            throw new SecretSealingException(
                $"Invalid YAML: {ex.InnerException?.Message ?? ex.Message}",
                "Fix the YAML syntax at this line.",
                source,
                (int)ex.Start.Line,
                ex);
        }

        return stream.Documents
            .Where(document => document.RootNode is YamlMappingNode)
            .Select(document => new ManifestDocument(source, (YamlMappingNode)document.RootNode))
            .ToList();
    }

    public static int LineOf(YamlNode node) => (int)node.Start.Line;

    public static YamlNode? Child(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    public static YamlMappingNode? Map(YamlMappingNode map, string key) => Child(map, key) as YamlMappingNode;

    /// <summary>A scalar child's text; null when missing, null-valued or not a scalar.</summary>
    public static string? Scalar(YamlMappingNode map, string key) =>
        Child(map, key) is YamlScalarNode scalar && !IsNull(scalar) ? scalar.Value : null;

    public static bool IsNull(YamlScalarNode scalar) =>
        scalar.Style == YamlDotNet.Core.ScalarStyle.Plain && scalar.Value is null or "" or "~" or "null" or "Null" or "NULL";

    /// <summary>A map of strings with each entry's line; entries that are not scalars go to <paramref name="misfits"/>.</summary>
    public static SortedDictionary<string, (string Value, int Line)> StringMap(
        YamlMappingNode? map,
        List<(string Key, int Line)>? misfits = null)
    {
        var result = new SortedDictionary<string, (string, int)>(StringComparer.Ordinal);
        if (map is null)
        {
            return result;
        }

        foreach (var (keyNode, valueNode) in map.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? keyNode.ToString();
            if (valueNode is YamlScalarNode scalar)
            {
                result[key] = (scalar.Value ?? string.Empty, LineOf(keyNode));
            }
            else
            {
                misfits?.Add((key, LineOf(keyNode)));
            }
        }

        return result;
    }

    /// <summary>A map of strings without line numbers.</summary>
    public static SortedDictionary<string, string> Strings(YamlMappingNode? map) =>
        new(StringMap(map).ToDictionary(pair => pair.Key, pair => pair.Value.Value, StringComparer.Ordinal), StringComparer.Ordinal);
}
