using System.Globalization;
using HomeLab.Manifests.Yaml;

namespace HomeLab.Stack.Tests.Observability;

/// <summary>
/// Reads the values files of remote-chart Applications (which do not render offline) and sums what their
/// <c>resources.limits</c> say, so budgets can be checked on what the repository declares.
/// </summary>
public static class ValuesFiles
{
    /// <summary>Loads a values file as one map, merging a later file over an earlier one (Helm's order).</summary>
    /// <param name="paths">The files, base first.</param>
    /// <returns>The merged map.</returns>
    public static YamlMap Load(params string[] paths)
    {
        var merged = YamlMap.Empty;
        foreach (var path in paths)
        {
            var loaded = YamlLoader.Default.LoadFile(path);
            if (loaded.Findings.Count > 0)
            {
                throw new InvalidOperationException($"{path}: {loaded.Findings[0]}");
            }

            if (loaded.Documents.Count > 0 && loaded.Documents[0].Root is YamlMap map)
            {
                merged = Merge(merged, map);
            }
        }

        return merged;
    }

    /// <summary>The memory limit at a path of resources blocks (e.g. <c>grafana.resources</c>), in bytes, or null.</summary>
    /// <param name="values">The values.</param>
    /// <param name="resourcesPath">Dotted keys to a <c>resources</c> map.</param>
    /// <returns>The bytes, or null when the path sets no memory limit.</returns>
    public static decimal? MemoryLimit(YamlMap values, string resourcesPath)
    {
        YamlNode? node = values;
        foreach (var key in resourcesPath.Split('.'))
        {
            node = (node as YamlMap)?[key];
        }

        var text = ((node as YamlMap)?.GetMap("limits")?["memory"] as YamlScalar)?.AsString();
        return text is null ? null : Bytes(text);
    }

    /// <summary>A memory quantity (<c>350Mi</c>, <c>1.5Gi</c>, <c>512M</c>, <c>1000</c>) in bytes.</summary>
    /// <param name="quantity">The Kubernetes quantity.</param>
    /// <returns>The bytes.</returns>
    public static decimal Bytes(string quantity)
    {
        (string Suffix, decimal Factor)[] units =
        [
            ("Ki", 1024m), ("Mi", 1024m * 1024), ("Gi", 1024m * 1024 * 1024), ("Ti", 1024m * 1024 * 1024 * 1024),
            ("k", 1e3m), ("M", 1e6m), ("G", 1e9m), ("T", 1e12m),
        ];
        foreach (var (suffix, factor) in units)
        {
            if (quantity.EndsWith(suffix, StringComparison.Ordinal))
            {
                return decimal.Parse(quantity[..^suffix.Length], CultureInfo.InvariantCulture) * factor;
            }
        }

        return decimal.Parse(quantity, CultureInfo.InvariantCulture);
    }

    private static YamlMap Merge(YamlMap under, YamlMap over)
    {
        var result = under;
        foreach (var entry in over.Entries)
        {
            result = result.With(entry.Key, under[entry.Key] is YamlMap left && entry.Value is YamlMap right ? Merge(left, right) : entry.Value);
        }

        return result;
    }
}
