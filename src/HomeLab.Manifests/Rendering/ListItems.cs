using HomeLab.Manifests.Yaml;

namespace HomeLab.Manifests.Rendering;

/// <summary>
/// Matches an item of a rendered list to the item of a source list that wrote it: by merge key (as strategic
/// merge patches do: containers by name, ports by containerPort, volume mounts by mountPath), by equal value for
/// scalars, and by position only when both lists have the same length.
/// </summary>
internal static class ListItems
{
    private static readonly string[] MergeKeys = ["name", "containerPort", "port", "mountPath", "devicePath", "ip", "topologyKey", "type"];

    public static YamlNode? Match(YamlList source, YamlList rendered, int index, YamlNode renderedItem)
    {
        switch (renderedItem)
        {
            case YamlMap item:
                foreach (var key in MergeKeys)
                {
                    if (item.GetString(key) is not { } value)
                    {
                        continue;
                    }

                    foreach (var candidate in source.Items)
                    {
                        if (candidate is YamlMap map && map.GetString(key) == value)
                        {
                            return candidate;
                        }
                    }

                    return null;
                }

                break;
            case YamlScalar scalar:
                foreach (var candidate in source.Items)
                {
                    if (candidate is YamlScalar other && other.Value == scalar.Value)
                    {
                        return candidate;
                    }
                }

                return null;
        }

        return source.Count == rendered.Count && index < source.Count ? source[index] : null;
    }
}
