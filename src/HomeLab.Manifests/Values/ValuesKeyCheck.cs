using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using HomeLab.Manifests.Findings;
using HomeLab.Manifests.Rendering;
using HomeLab.Manifests.Validation;
using HomeLab.Manifests.Yaml;

namespace HomeLab.Manifests.Values;

/// <summary>
/// Checks that every key a values file (or an Application's inline values) sets is one the chart reads: it is in
/// the chart's <c>values.yaml</c> (a subchart's under its alias or name; anything under <c>global</c>), or its
/// <c>values.schema.json</c> allows it, or it sits under a free-form map (an empty <c>{}</c> or null default, or a
/// schema with <c>additionalProperties</c>). helm ignores any other key without a word; here it is a finding at the
/// key's line, with the nearest key the chart does read.
/// </summary>
public sealed class ValuesKeyCheck
{
    private const int ListedKeys = 8;

    /// <summary>Checks values against a chart.</summary>
    /// <param name="chart">The chart's values.</param>
    /// <param name="values">The values, with their spans.</param>
    /// <returns>One finding per key the chart does not read.</returns>
    public IReadOnlyList<Finding> Check(ChartValues chart, YamlMap values)
    {
        ArgumentNullException.ThrowIfNull(chart);
        ArgumentNullException.ThrowIfNull(values);
        var findings = new List<Finding>();
        Walk(values, Level.Of(chart), string.Empty, findings);
        return findings;
    }

    /// <summary>Checks a values file against a chart.</summary>
    /// <param name="chart">The chart's values.</param>
    /// <param name="valuesFile">The values file.</param>
    /// <returns>One finding per key the chart does not read, and the file's own YAML problems.</returns>
    public IReadOnlyList<Finding> Check(ChartValues chart, string valuesFile)
    {
        ArgumentNullException.ThrowIfNull(valuesFile);
        var loaded = YamlLoader.Default.LoadFile(valuesFile);
        if (loaded.HasErrors)
        {
            return loaded.Findings;
        }

        return loaded.Documents is [{ Root: YamlMap values }, ..] ? Check(chart, values) : [];
    }

    /// <summary>
    /// The values an Application's <c>helm.parameters</c> set (helm's <c>--set name=value</c>), as a tree whose every
    /// key sits at its parameter's name, so a parameter the chart does not read is reported at its line. A name is
    /// split at dots (<c>\.</c> keeps one); a list index (<c>args[0]</c>) ends the path, as lists are not checked.
    /// </summary>
    /// <param name="parameters">The <c>helm.parameters</c> list: maps with <c>name</c> and <c>value</c>.</param>
    /// <returns>The values; empty when no parameter has a name.</returns>
    public static YamlMap ParameterValues(YamlList parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var root = new ParameterNode();
        foreach (var parameter in parameters.Items.OfType<YamlMap>())
        {
            if (parameter["name"] is not YamlScalar { IsNull: false } name)
            {
                continue;
            }

            var node = root;
            foreach (var key in ParameterPath(name.Value))
            {
                node = node.Children.TryGetValue(key, out var child) ? child : node.Children[key] = new ParameterNode { Span = name.Span, Order = node.Children.Count };
            }

            node.Value = parameter["value"] as YamlScalar ?? new YamlScalar(string.Empty, YamlScalarStyle.Plain, name.Span);
        }

        return root.ToMap(parameters.Span);
    }

    private static List<string> ParameterPath(string name)
    {
        var keys = new List<string>();
        var key = new System.Text.StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            switch (name[i])
            {
                case '\\' when i + 1 < name.Length:
                    key.Append(name[++i]);
                    break;
                case '.':
                    keys.Add(key.ToString());
                    key.Clear();
                    break;
                case '[':
                    keys.Add(key.ToString());
                    return [.. keys.Where(k => k.Length > 0)];
                default:
                    key.Append(name[i]);
                    break;
            }
        }

        keys.Add(key.ToString());
        return [.. keys.Where(k => k.Length > 0)];
    }

    /// <summary>
    /// Checks every chart a rendered environment rendered against the values it was rendered with (value files and
    /// inline values, from the chart directory or the chart cache's package). Charts that were not rendered, or
    /// whose values cannot be read, are counted as not checked, never skipped silently.
    /// </summary>
    /// <param name="set">The rendered environment.</param>
    /// <returns>The findings and the counts.</returns>
    public ValuesCheckResult Check(RenderedSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        var findings = new List<Finding>();
        var charts = new Dictionary<string, ChartValues?>(StringComparer.Ordinal);
        int checkedCount = 0, notChecked = set.Counts.NotRenderedOffline + set.Findings.Count(f => f.RuleId == RenderRuleIds.ToolFailed);
        foreach (var source in set.Sources)
        {
            if (source.Chart is not { } request)
            {
                continue;
            }

            if (!charts.TryGetValue(request.Chart, out var chart))
            {
                try
                {
                    chart = ChartValues.Load(request.Chart);
                }
                catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException)
                {
                    chart = null;
                    findings.Add(new Finding(ValuesRuleIds.NotChecked, Severity.Info, $"the values of chart {request.Chart} could not be read, so its values keys were not checked: {ex.Message}")
                    {
                        Span = request.DeclaredAt.IsKnown ? request.DeclaredAt : null,
                        Hint = "run SyncCharts to fetch the chart again",
                    });
                }

                charts[request.Chart] = chart;
            }

            if (chart is null)
            {
                notChecked++;
                continue;
            }

            checkedCount++;
            foreach (var file in request.ValueFiles)
            {
                findings.AddRange(Check(chart, file).Where(f => f.RuleId.StartsWith("values/", StringComparison.Ordinal)));
            }

            foreach (var inline in request.Values)
            {
                findings.AddRange(Check(chart, inline));
            }

            if (request.SetValues.Length > 0 && Parameters(set, source) is { } parameters)
            {
                findings.AddRange(Check(chart, ParameterValues(parameters)));
            }
        }

        return new ValuesCheckResult(findings, checkedCount, notChecked);
    }

    /// <summary>The <c>helm.parameters</c> a source was rendered with, as its Application wrote them (with their lines).</summary>
    /// <param name="set">The rendered environment, which holds the Applications.</param>
    /// <param name="source">A source an Application rendered.</param>
    /// <returns>The parameters list; null when the Application is not in the set.</returns>
    public static YamlList? Parameters(RenderedSet set, RenderedSource source)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(source);
        if (source.Application is not { } name || source.Chart is not { } request)
        {
            return null;
        }

        var names = request.SetValues.Select(v => v.Name).ToHashSet(StringComparer.Ordinal);
        return set.Objects.Where(o => o.Kind == "Application" && o.Group == Lint.Rules.ApplicationSources.Group && o.Name == name)
            .SelectMany(Lint.Rules.ApplicationSources.Of)
            .Select(s => s.Source.GetMap("helm")?.GetList("parameters"))
            .FirstOrDefault(list => list is not null && list.Items.OfType<YamlMap>().Select(p => p.GetString("name")).OfType<string>().ToHashSet(StringComparer.Ordinal).SetEquals(names));
    }

    /// <summary>
    /// Checks values against the new version of a chart they were written for an older one of: a key the old
    /// version read and the new one does not is reported as dropped by the new version; keys neither reads stay
    /// unknown-key findings.
    /// </summary>
    /// <param name="before">The chart version the values were written for.</param>
    /// <param name="after">The chart version they are bumped to.</param>
    /// <param name="values">The values, with their spans.</param>
    /// <returns>The findings against the new version.</returns>
    public IReadOnlyList<Finding> CheckBump(ChartValues before, ChartValues after, YamlMap values)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var old = Check(before, values).Select(f => (f.Span, f.FieldPath)).ToHashSet();
        return [.. Check(after, values).Select(f => old.Contains((f.Span, f.FieldPath)) ? f : f with
        {
            RuleId = ValuesRuleIds.DroppedKey,
            Message = $"values key {f.FieldPath} is read by chart {before.Title} but no longer by {after.Title}: {after.Title} dropped it, and helm ignores it",
        })];
    }

    private static void Walk(YamlMap values, Level level, string path, List<Finding> findings)
    {
        foreach (var entry in values.Entries)
        {
            var key = entry.Key;
            var keyPath = path.Length == 0 ? key : $"{path}.{key}";
            if (level.Chart is { } chart)
            {
                if (key == "global")
                {
                    continue; // helm hands global to the chart and every subchart: it is shared, not the chart's own.
                }

                if (level.IsIstio && entry.Value is YamlMap merged && (key == "pilot" || key == "meshConfig"))
                {
                    // Istio's charts merge pilot into the top level, and pass meshConfig (Istio's MeshConfig) through whole.
                    if (key == "pilot")
                    {
                        Walk(merged, level, keyPath, findings);
                    }

                    continue;
                }

                if (chart.Subcharts.TryGetValue(key, out var subchart))
                {
                    if (entry.Value is YamlMap subValues)
                    {
                        // enabled is the dependency's usual condition; the parent's own defaults for the subchart apply too.
                        var sub = Level.Of(subchart);
                        var parent = level.Child(key);
                        var withEnabled = subValues.ContainsKey("enabled") ? subValues.Without("enabled") : subValues;
                        Walk(withEnabled, sub with { Defaults = [.. sub.Defaults, .. parent.Defaults], Owners = [.. sub.Owners, .. level.Owners] }, keyPath, findings);
                    }

                    continue;
                }
            }

            if (!level.Allows(key))
            {
                findings.Add(Unknown(entry, keyPath, path, level));
                continue;
            }

            if (entry.Value is YamlMap map)
            {
                Walk(map, level.Child(key), keyPath, findings);
            }
        }
    }

    private static Finding Unknown(YamlMapEntry entry, string keyPath, string parentPath, Level level)
    {
        var candidates = level.Keys().ToList();
        var closest = FieldSuggestions.Closest(entry.Key, candidates);
        var at = parentPath.Length == 0 ? "the top level" : parentPath;
        var hint = closest is not null
            ? $"did you mean {(parentPath.Length == 0 ? closest : $"{parentPath}.{closest}")}?"
            : candidates.Count == 0
                ? $"the chart reads no keys under {at}"
                : $"the chart reads under {at}: {string.Join(", ", candidates.Take(ListedKeys))}{(candidates.Count > ListedKeys ? ", …" : string.Empty)}";
        return new Finding(ValuesRuleIds.UnknownKey, Severity.Error, $"values key {keyPath} is not read by chart {level.Title}: helm ignores it")
        {
            Span = entry.KeySpan,
            FieldPath = keyPath,
            Hint = hint,
        };
    }

    /// <summary>A key of the tree <see cref="ParameterValues"/> builds.</summary>
    private sealed class ParameterNode
    {
        public Dictionary<string, ParameterNode> Children { get; } = new(StringComparer.Ordinal);

        public SourceSpan Span { get; init; }

        public int Order { get; init; }

        public YamlScalar? Value { get; set; }

        public YamlMap ToMap(SourceSpan span) =>
            new(Children.OrderBy(c => c.Value.Order).Select(c => new YamlMapEntry(c.Key, c.Value.Span, c.Value.Children.Count > 0 ? c.Value.ToMap(c.Value.Span) : c.Value.Value ?? new YamlScalar(string.Empty, YamlScalarStyle.Plain, c.Value.Span))), span);
    }

    /// <summary>One level of the chart's values: the defaults that apply there and the schemas that describe it.</summary>
    private sealed record Level(string Title, string ChartPath, ChartValues? Chart, IReadOnlyList<YamlNode> Defaults, IReadOnlyList<JsonObject> Schemas, JsonNode? SchemaRoot, bool SchemaOpen)
    {
        // Kubernetes API fields charts hand to the object whole: their insides are the API's, not the chart's.
        private static readonly HashSet<string> KubernetesFields = new(StringComparer.Ordinal)
        {
            "resources", "affinity", "securityContext", "podSecurityContext", "containerSecurityContext", "livenessProbe", "readinessProbe", "startupProbe", "strategy", "updateStrategy",
        };

        // Istio's charts keep their defaults under this key and merge it into the top level in their templates.
        private const string IstioDefaults = "_internal_defaults_do_not_set";

        /// <summary>The charts whose values files the defaults come from (a subchart's level has its parent's too).</summary>
        public IReadOnlyList<ChartValues> Owners { get; init; } = [];

        public static Level Of(ChartValues chart)
        {
            YamlNode[] defaults = chart.Defaults.GetMap(IstioDefaults) is { } istio ? [chart.Defaults, istio] : [chart.Defaults];
            return new(chart.Title, string.Empty, chart, defaults, Resolve(chart.Schema, chart.Schema, out var open), chart.Schema, open) { Owners = [chart] };
        }

        /// <summary>Whether this is the top level of one of Istio's charts.</summary>
        public bool IsIstio => Chart is not null && Chart.Defaults.ContainsKey(IstioDefaults);

        private bool HasStructure => Defaults.Any(d => d is YamlMap { Count: > 0 });

        /// <summary>
        /// A map of another program's configuration that the chart passes through whole (<c>toYaml</c>), such as
        /// loki's <c>limits_config</c> or argo-cd's <c>configs.cm</c>: its keys are snake_case or dotted, which chart
        /// values are not.
        /// </summary>
        /// <summary>Whether an enclosing level is passed through whole, so that everything below is the user's.</summary>
        public bool Whole { get; init; }

        private bool IsPassedThrough => Whole || KubernetesFields.Contains(ChartPath.Split('.')[^1]) || Owners.Take(1).Any(o => o.PassedWhole.Contains(ChartPath)) || LooksLikeConfiguration();

        /// <summary>
        /// Whether most of the level's default keys are another program's (dotted or snake_case): one such key among a
        /// chart's camelCase values (tempo's <c>tempo.per_tenant_overrides</c>, loki's subchart alias
        /// <c>rollout_operator</c>) is that key's own passed-through map, not a sign that the whole level is.
        /// </summary>
        private bool LooksLikeConfiguration()
        {
            var keys = Defaults.OfType<YamlMap>().SelectMany(d => d.Keys).Where(k => Chart?.Subcharts.ContainsKey(k) != true).Distinct(StringComparer.Ordinal).ToList();
            var configuration = keys.Count(k => k.Contains('.', StringComparison.Ordinal) || (k.IndexOf('_', StringComparison.Ordinal) > 0 && !k.Any(char.IsUpper)));
            return configuration > 0 && configuration * 2 >= keys.Count;
        }

        private static string Join(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";

        private bool IsReadByTemplates(string key)
        {
            var path = Join(ChartPath, key);
            return Owners.Take(1).Any(o => o.TemplateReads.Contains(path) || o.TemplateReads.Any(r => r.StartsWith(path + ".", StringComparison.Ordinal)));
        }

        /// <summary>Whether a comment inside one of the default maps' blocks writes the key out (<c># storageClassName: x</c>).</summary>
        private bool IsDocumented(string key)
        {
            foreach (var map in Defaults.OfType<YamlMap>())
            {
                if (Owners.FirstOrDefault(o => o.Defaults.Span.File == map.Span.File) is not { } owner || owner.CommentedKeys.Count == 0)
                {
                    continue;
                }

                var isRoot = ReferenceEquals(map, owner.Defaults);
                var start = isRoot || !map.Span.IsKnown ? 0 : owner.ContentLines.LastOrDefault(l => l < map.Span.Line);
                var end = isRoot || !map.Span.IsKnown ? int.MaxValue : owner.ContentLines.FirstOrDefault(l => l > Math.Max(map.Span.EndLine, map.Span.Line), int.MaxValue);
                if (owner.CommentedKeys.Any(c => c.Line > start && c.Line < end && c.Key == key))
                {
                    return true;
                }
            }

            return false;
        }

        public IEnumerable<string> Keys() =>
            Defaults.OfType<YamlMap>().SelectMany(d => d.Keys)
                .Concat(Schemas.SelectMany(s => s["properties"] as JsonObject ?? []).Select(p => p.Key))
                .Distinct(StringComparer.Ordinal);

        public bool Allows(string key)
        {
            // A key with a dot or a slash cannot be named in a template (.Values.a.b): only a map passed whole reads it.
            if (Defaults.Any(d => d is YamlMap map && map.ContainsKey(key)) || key.Contains('.', StringComparison.Ordinal) || key.Contains('/', StringComparison.Ordinal))
            {
                return true;
            }

            if (IsPassedThrough || IsDocumented(key) || IsReadByTemplates(key))
            {
                return true;
            }

            if (SchemaOpen || Schemas.Any(s => ChildSchema(s, key) is not null))
            {
                return true;
            }

            // A map the chart leaves empty (or null) is the user's to fill, unless a schema lists what may go in it.
            return !HasStructure && !Schemas.Any(s => s.ContainsKey("properties") || s.ContainsKey("patternProperties") || s["additionalProperties"] is JsonValue);
        }

        public Level Child(string key)
        {
            var defaults = Defaults.OfType<YamlMap>().Select(d => d[key]).OfType<YamlNode>().ToList();
            var schemas = new List<JsonObject>();
            var open = false;
            foreach (var schema in Schemas)
            {
                schemas.AddRange(Resolve(ChildSchema(schema, key), SchemaRoot, out var childOpen));
                open |= childOpen;
            }

            return new Level(Title, Join(ChartPath, key), null, defaults, schemas, SchemaRoot, open) { Owners = Owners, Whole = ChartPath.Length > 0 && IsPassedThrough };
        }

        private static JsonNode? ChildSchema(JsonObject schema, string key)
        {
            if (schema["properties"] is JsonObject properties && properties.TryGetPropertyValue(key, out var property))
            {
                return property ?? JsonValue.Create(true);
            }

            if (schema["patternProperties"] is JsonObject patterns)
            {
                foreach (var (pattern, value) in patterns)
                {
                    if (Matches(pattern, key))
                    {
                        return value ?? JsonValue.Create(true);
                    }
                }
            }

            return schema["additionalProperties"] switch
            {
                JsonObject additional => additional,
                JsonValue flag when flag.TryGetValue<bool>(out var allowed) && allowed => flag,
                _ => null,
            };
        }

        private static bool Matches(string pattern, string key)
        {
            try
            {
                return Regex.IsMatch(key, pattern, RegexOptions.None, TimeSpan.FromMilliseconds(100));
            }
            catch (ArgumentException)
            {
                return false;
            }
        }

        /// <summary>A schema with its <c>$ref</c>s followed and <c>allOf</c>/<c>anyOf</c>/<c>oneOf</c> flattened; open when it is <c>true</c>.</summary>
        private static List<JsonObject> Resolve(JsonNode? schema, JsonNode? root, out bool open)
        {
            var result = new List<JsonObject>();
            var isOpen = false;
            void Add(JsonNode? node, int depth)
            {
                if (depth > 20)
                {
                    return;
                }

                switch (node)
                {
                    case JsonValue value when value.TryGetValue<bool>(out var flag):
                        isOpen |= flag;
                        break;
                    case JsonObject obj:
                        if (obj["$ref"]?.GetValue<string>() is { } reference)
                        {
                            Add(Pointer(root, reference), depth + 1);
                        }

                        result.Add(obj);
                        foreach (var combinator in new[] { "allOf", "anyOf", "oneOf" })
                        {
                            foreach (var part in obj[combinator] as JsonArray ?? [])
                            {
                                Add(part, depth + 1);
                            }
                        }

                        break;
                }
            }

            Add(schema, 0);
            open = isOpen;
            return result;
        }

        private static JsonNode? Pointer(JsonNode? root, string reference)
        {
            if (!reference.StartsWith("#/", StringComparison.Ordinal))
            {
                return JsonValue.Create(true); // A reference to another file: not followed, so not held against the user.
            }

            var node = root;
            foreach (var part in reference[2..].Split('/'))
            {
                node = (node as JsonObject)?[part.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)];
            }

            return node;
        }
    }
}
