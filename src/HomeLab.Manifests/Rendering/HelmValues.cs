using HomeLab.Manifests.Yaml;

namespace HomeLab.Manifests.Rendering;

/// <summary>The values a chart renders with, each tree with its spans, so a value can be traced to the line that set it.</summary>
internal sealed class HelmValues(IReadOnlyList<YamlMap> lowestFirst)
{
    /// <summary>The node at a dotted path such as <c>image.tag</c> in the source that wins; null when none sets it.</summary>
    public YamlNode? Lookup(string dottedPath)
    {
        for (var i = lowestFirst.Count - 1; i >= 0; i--)
        {
            YamlNode? node = lowestFirst[i];
            foreach (var key in dottedPath.Split('.', StringSplitOptions.RemoveEmptyEntries))
            {
                node = node is YamlMap map ? map[key] : null;
                if (node is null)
                {
                    break;
                }
            }

            if (node is not null)
            {
                return node;
            }
        }

        return null;
    }

    public static YamlNode? Step(YamlNode? node, FieldPathSegment segment) => (node, segment.IsIndex) switch
    {
        (YamlMap map, false) => map[segment.Key!],
        (YamlList list, true) when segment.Index < list.Count => list[segment.Index],
        _ => null,
    };
}
