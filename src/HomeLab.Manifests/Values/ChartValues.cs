using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using HomeLab.Manifests.Yaml;

namespace HomeLab.Manifests.Values;

/// <summary>
/// What a chart reads from its values: its default <c>values.yaml</c>, its <c>values.schema.json</c> when it has one,
/// and its subcharts' values under the key the parent gives them (the dependency's alias, else its name).
/// Read from a chart directory, a packaged <c>.tgz</c>, or a folder laid out like one (<c>values.yaml</c> with
/// <c>charts/&lt;subchart&gt;/values.yaml</c> beside it).
/// </summary>
public sealed partial class ChartValues
{
    /// <summary>Creates the values of a chart.</summary>
    /// <param name="name">The chart's name.</param>
    /// <param name="version">The chart's version; null when unknown.</param>
    /// <param name="defaults">The default values.</param>
    /// <param name="schema">The values schema; null when the chart has none.</param>
    /// <param name="subcharts">The subcharts, by the values key they read (alias or name).</param>
    /// <param name="valuesText">The text of <c>values.yaml</c>, whose commented-out keys document values the chart reads; null when not at hand.</param>
    public ChartValues(string name, string? version, YamlMap defaults, JsonNode? schema = null, IReadOnlyDictionary<string, ChartValues>? subcharts = null, string? valuesText = null)
    {
        (CommentedKeys, ContentLines) = Scan(valuesText);
        Name = name;
        Version = version;
        Defaults = defaults;
        Schema = schema;
        Subcharts = subcharts ?? new Dictionary<string, ChartValues>(StringComparer.Ordinal);
    }

    /// <summary>The chart's name.</summary>
    public string Name { get; }

    /// <summary>The chart's version; null when unknown.</summary>
    public string? Version { get; }

    /// <summary>The default values, with their spans in the chart's <c>values.yaml</c>.</summary>
    public YamlMap Defaults { get; }

    /// <summary>The values schema; null when the chart has none.</summary>
    public JsonNode? Schema { get; }

    /// <summary>The subcharts, by the values key they read: the dependency's alias, else its name.</summary>
    public IReadOnlyDictionary<string, ChartValues> Subcharts { get; }

    /// <summary>Keys written in comments of <c>values.yaml</c> (<c># storageClassName: local-path</c>), by line: values the chart reads but leaves unset.</summary>
    internal IReadOnlyList<(int Line, string Key)> CommentedKeys { get; }

    /// <summary>The values paths the chart's templates name (<c>.Values.allInOne.podLabels</c> as <c>allInOne.podLabels</c>); empty when the templates are not at hand.</summary>
    public IReadOnlySet<string> TemplateReads { get; init; } = new HashSet<string>();

    /// <summary>The values paths the chart's templates hand on whole (<c>toYaml .Values.probes.liveness</c>): whatever is under them is the user's.</summary>
    public IReadOnlySet<string> PassedWhole { get; init; } = new HashSet<string>();

    /// <summary>The lines of <c>values.yaml</c> that hold YAML rather than comments, in order.</summary>
    internal IReadOnlyList<int> ContentLines { get; }

    /// <summary>The chart's name and version, as messages name it: <c>jaeger 3.4.1</c>.</summary>
    public string Title => Version is null ? Name : $"{Name} {Version}";

    /// <summary>Reads a chart directory, a packaged chart (<c>.tgz</c>) or a folder of default values.</summary>
    /// <param name="path">The directory or <c>.tgz</c>.</param>
    /// <param name="aliases">Values keys of subcharts by subchart name, for folders without a <c>Chart.yaml</c> to say them.</param>
    /// <returns>The chart's values.</returns>
    /// <exception cref="InvalidDataException">The chart has no readable values.</exception>
    public static ChartValues Load(string path, IReadOnlyDictionary<string, string>? aliases = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (File.Exists(path))
        {
            var files = ReadPackage(File.ReadAllBytes(path));
            var root = files.Keys.Select(k => k.Split('/')[0]).FirstOrDefault() ?? string.Empty;
            return FromFiles(files, root + "/", path, aliases);
        }

        if (!Directory.Exists(path))
        {
            throw new InvalidDataException($"{path}: neither a chart directory nor a packaged chart");
        }

        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        var inFolder = Directory.EnumerateFiles(full, "*", SearchOption.AllDirectories)
            .Where(f => IsRead(Path.GetFileName(f)))
            .ToDictionary(f => Path.GetRelativePath(full, f).Replace('\\', '/'), File.ReadAllBytes, StringComparer.Ordinal);

        // Without a Chart.yaml, a folder of default values is laid out as <chart>/<version>/.
        var fallback = (Path.GetFileName(Path.GetDirectoryName(full)) ?? "chart", (string?)Path.GetFileName(full));
        return FromFiles(inFolder, string.Empty, full, aliases, fallback);
    }

    private static bool IsRead(string fileName) => fileName is "values.yaml" or "values.schema.json" or "Chart.yaml" || fileName.EndsWith(".tgz", StringComparison.Ordinal) || fileName.EndsWith(".tpl", StringComparison.Ordinal) || fileName.EndsWith(".yaml", StringComparison.Ordinal);

    private static ChartValues FromFiles(Dictionary<string, byte[]> files, string prefix, string origin, IReadOnlyDictionary<string, string>? aliases, (string Name, string? Version)? fallback = null)
    {
        var displayRoot = Path.Combine(origin, prefix.TrimEnd('/'));
        var chart = files.TryGetValue(prefix + "Chart.yaml", out var chartBytes) ? Map(chartBytes, Path.Combine(displayRoot, "Chart.yaml")) : null;
        var name = chart?.GetString("name") ?? fallback?.Name ?? prefix.TrimEnd('/');
        var version = chart is null ? fallback?.Version : chart.GetString("version");

        var hasValues = files.TryGetValue(prefix + "values.yaml", out var valuesBytes);
        var defaults = hasValues ? Map(valuesBytes!, Path.Combine(displayRoot, "values.yaml")) ?? YamlMap.Empty : YamlMap.Empty;
        var schema = files.TryGetValue(prefix + "values.schema.json", out var schemaBytes) ? ParseSchema(schemaBytes) : null;

        var keys = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var dependency in chart?.GetList("dependencies")?.Items.OfType<YamlMap>() ?? [])
        {
            if (dependency.GetString("name") is { } dependencyName)
            {
                keys[dependencyName] = dependency.GetString("alias") ?? dependencyName;
            }
        }

        foreach (var (subchart, key) in aliases ?? new Dictionary<string, string>())
        {
            keys.TryAdd(subchart, key);
        }

        var subcharts = new Dictionary<string, ChartValues>(StringComparer.Ordinal);
        var chartsPrefix = prefix + "charts/";
        foreach (var folder in files.Keys.Where(k => k.StartsWith(chartsPrefix, StringComparison.Ordinal))
                     .Select(k => k[chartsPrefix.Length..])
                     .Where(rest => rest.Contains('/', StringComparison.Ordinal))
                     .Select(rest => rest[..rest.IndexOf('/', StringComparison.Ordinal)])
                     .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var sub = FromFiles(files, chartsPrefix + folder + "/", origin, null, (folder, null));
            subcharts[keys.GetValueOrDefault(sub.Name, sub.Name)] = sub;
        }

        foreach (var package in files.Keys.Where(k => k.StartsWith(chartsPrefix, StringComparison.Ordinal) && k.EndsWith(".tgz", StringComparison.Ordinal) && !k[chartsPrefix.Length..].Contains('/', StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            var inner = ReadPackage(files[package]);
            var root = inner.Keys.Select(k => k.Split('/')[0]).FirstOrDefault() ?? string.Empty;
            var sub = FromFiles(inner, root + "/", Path.Combine(origin, package), null);
            subcharts[keys.GetValueOrDefault(sub.Name, sub.Name)] = sub;
        }

        var templates = prefix + "templates/";
        var read = new HashSet<string>(StringComparer.Ordinal);
        var whole = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (file, bytes) in files.Where(f => f.Key.StartsWith(templates, StringComparison.Ordinal)))
        {
            var text = Encoding.UTF8.GetString(bytes);
            foreach (Match match in ValuesReference().Matches(text))
            {
                read.Add(match.Groups[1].Value);
            }

            foreach (Match match in WholeReference().Matches(text))
            {
                whole.Add(match.Groups[1].Value.TrimStart('.'));
            }
        }

        return new ChartValues(name, version, defaults, schema, subcharts, hasValues ? Encoding.UTF8.GetString(valuesBytes!) : null) { TemplateReads = read.Select(r => r.TrimStart('.')).ToHashSet(StringComparer.Ordinal), PassedWhole = whole };
    }

    private static (List<(int, string)> Commented, List<int> Content) Scan(string? text)
    {
        var commented = new List<(int, string)>();
        var content = new List<int>();
        var number = 0;
        foreach (var line in (text ?? string.Empty).Split('\n'))
        {
            number++;
            var trimmed = line.Trim();
            if (trimmed.Length == 0)
            {
                continue;
            }

            if (!trimmed.StartsWith('#'))
            {
                content.Add(number);
                continue;
            }

            var body = trimmed.TrimStart('#').Trim();
            if (body.StartsWith("- ", StringComparison.Ordinal))
            {
                body = body[2..].TrimStart();
            }

            var colon = body.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && (colon == body.Length - 1 || body[colon + 1] == ' ') && body[..colon].All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.' or '/'))
            {
                commented.Add((number, body[..colon]));
            }
        }

        return (commented, content);
    }

    private static YamlMap? Map(byte[] bytes, string displayName) =>
        YamlLoader.Default.LoadString(Encoding.UTF8.GetString(bytes), displayName).Documents.FirstOrDefault()?.Root as YamlMap;

    private static JsonNode? ParseSchema(byte[] bytes)
    {
        try
        {
            return JsonNode.Parse(bytes);
        }
        catch (JsonException)
        {
            return null; // helm rejects such a chart when it renders; here the defaults alone decide.
        }
    }

    private static Dictionary<string, byte[]> ReadPackage(byte[] package)
    {
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        using var gzip = new GZipStream(new MemoryStream(package), CompressionMode.Decompress);
        using var tar = new TarReader(gzip);
        while (tar.GetNextEntry() is { } entry)
        {
            if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile) || entry.DataStream is null)
            {
                continue;
            }

            var name = entry.Name.TrimStart('.', '/');
            if (IsRead(Path.GetFileName(name)))
            {
                using var copy = new MemoryStream();
                entry.DataStream.CopyTo(copy);
                files[name] = copy.ToArray();
            }
        }

        return files;
    }

    [GeneratedRegex(@"\.Values((?:\.[A-Za-z_][A-Za-z0-9_]*)+)")]
    private static partial Regex ValuesReference();

    [GeneratedRegex(@"toYaml\s+\(?\s*\$?\.Values((?:\.[A-Za-z_][A-Za-z0-9_]*)+)")]
    private static partial Regex WholeReference();
}
