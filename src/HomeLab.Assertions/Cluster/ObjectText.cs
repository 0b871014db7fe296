using System.Globalization;
using System.Text;
using HomeLab.Cluster.Client;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using YamlDotNet.Serialization;

namespace HomeLab.Assertions.Cluster;

/// <summary>Turns objects into the text collectors hand back: YAML, JSON, tables, event lists, descriptions.</summary>
internal static class ObjectText
{
    private static readonly ISerializer Yaml = new SerializerBuilder().WithQuotingNecessaryStrings().Build();

    public static string ToYaml(IEnumerable<JObject> objects) =>
        string.Join("---\n", objects.Select(o => Yaml.Serialize(ToPlain(WithoutManagedFields(o)))));

    public static string ToJson(IReadOnlyList<JObject> objects) => objects.Count == 1
        ? WithoutManagedFields(objects[0]).ToString(Formatting.Indented)
        : new JArray(objects.Select(WithoutManagedFields)).ToString(Formatting.Indented);

    public static string ToTable(IReadOnlyList<JObject> objects)
    {
        if (objects.Count == 0)
        {
            return "(no objects)\n";
        }

        return Table(
            ["NAMESPACE", "KIND", "NAME", "STATUS", "CREATED"],
            objects.Select(o => new[]
            {
                KubeJson.Namespace(o) ?? string.Empty,
                KubeJson.GetString(o, "kind") ?? string.Empty,
                KubeJson.Name(o) ?? string.Empty,
                Status(o),
                KubeJson.GetString(o, "metadata.creationTimestamp") ?? string.Empty,
            }));
    }

    /// <summary>Events oldest first, as a table.</summary>
    public static string EventTable(IEnumerable<JObject> events)
    {
        var sorted = events.OrderBy(EventTime).ThenBy(e => KubeJson.Name(e), StringComparer.Ordinal).ToList();
        if (sorted.Count == 0)
        {
            return "(no events)\n";
        }

        return Table(
            ["TIME", "TYPE", "REASON", "OBJECT", "COUNT", "MESSAGE"],
            sorted.Select(e => new[]
            {
                EventTime(e).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
                KubeJson.GetString(e, "type") ?? string.Empty,
                KubeJson.GetString(e, "reason") ?? string.Empty,
                $"{KubeJson.GetString(e, "involvedObject.kind")}/{KubeJson.GetString(e, "involvedObject.name")}",
                KubeJson.GetString(e, "count") ?? "1",
                (KubeJson.GetString(e, "message") ?? string.Empty).ReplaceLineEndings(" ").Trim(),
            }));
    }

    /// <summary>A readable summary of one object: identity, labels, status fields, conditions and its events.</summary>
    public static string Describe(JObject obj, IEnumerable<JObject> events)
    {
        var text = new StringBuilder();
        Line(text, "Name", KubeJson.Name(obj));
        Line(text, "Namespace", KubeJson.Namespace(obj));
        Line(text, "Kind", $"{KubeJson.GetString(obj, "apiVersion")} {KubeJson.GetString(obj, "kind")}");
        Line(text, "Labels", Pairs(obj.SelectToken("metadata.labels") as JObject));
        Line(text, "Created", KubeJson.GetString(obj, "metadata.creationTimestamp"));
        if (KubeJson.GetString(obj, "metadata.deletionTimestamp") is { } deleting)
        {
            Line(text, "Deleting", $"since {deleting}, finalizers: {string.Join(", ", obj.SelectToken("metadata.finalizers")?.Values<string>() ?? [])}");
        }

        if (obj["status"] is JObject status)
        {
            var scalars = status.Properties().Where(p => p.Value is JValue).Select(p => $"{p.Name}={KubeJson.Text(p.Value)}").ToList();
            Line(text, "Status", scalars.Count == 0 ? "(no scalar fields)" : string.Join(", ", scalars));
            if (status["containerStatuses"] is JArray containers)
            {
                text.Append("Containers:\n");
                foreach (var c in containers.OfType<JObject>())
                {
                    var state = (c["state"] as JObject)?.Properties().FirstOrDefault();
                    var detail = state?.Value is JObject s ? KubeJson.GetString(s, "reason") ?? string.Empty : string.Empty;
                    var line = $"  {KubeJson.GetString(c, "name")}: ready={KubeJson.GetString(c, "ready")}, restarts={KubeJson.GetString(c, "restartCount")}, state={state?.Name} {detail}";
                    text.Append(line.TrimEnd()).Append('\n');
                }
            }

            if (status["conditions"] is JArray conditions && conditions.Count > 0)
            {
                text.Append("Conditions:\n");
                text.Append(Indent(Table(
                    ["TYPE", "STATUS", "REASON", "MESSAGE"],
                    conditions.OfType<JObject>().Select(c => new[]
                    {
                        KubeJson.GetString(c, "type") ?? string.Empty,
                        KubeJson.GetString(c, "status") ?? string.Empty,
                        KubeJson.GetString(c, "reason") ?? string.Empty,
                        (KubeJson.GetString(c, "message") ?? string.Empty).ReplaceLineEndings(" "),
                    }))));
            }
        }

        text.Append("Events:\n").Append(Indent(EventTable(events)));
        return text.ToString();
    }

    public static DateTimeOffset EventTime(JObject e)
    {
        foreach (var path in new[] { "eventTime", "lastTimestamp", "series.lastObservedTime", "firstTimestamp", "metadata.creationTimestamp" })
        {
            if (KubeJson.GetString(e, path) is { Length: > 0 } text
                && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
            {
                return time.ToUniversalTime();
            }
        }

        return DateTimeOffset.MinValue;
    }

    public static string Status(JObject obj)
    {
        if (KubeJson.GetString(obj, "status.phase") is { } phase)
        {
            return phase;
        }

        if (obj.SelectToken("status.conditions") is JArray conditions)
        {
            var ready = conditions.OfType<JObject>().FirstOrDefault(c => KubeJson.GetString(c, "type") is "Ready" or "Available");
            if (ready is not null)
            {
                return $"{KubeJson.GetString(ready, "type")}={KubeJson.GetString(ready, "status")}";
            }
        }

        return KubeJson.GetString(obj, "status.replicas") is { } replicas
            ? $"{KubeJson.GetString(obj, "status.readyReplicas") ?? "0"}/{replicas} ready"
            : string.Empty;
    }

    public static string Table(string[] headers, IEnumerable<string[]> rows)
    {
        var all = rows.Prepend(headers).ToList();
        var widths = headers.Select((_, i) => all.Max(r => r[i].Length)).ToArray();
        var text = new StringBuilder();
        foreach (var row in all)
        {
            text.Append(string.Join("  ", row.Select((cell, i) => i == row.Length - 1 ? cell : cell.PadRight(widths[i]))).TrimEnd()).Append('\n');
        }

        return text.ToString();
    }

    private static string Indent(string text) =>
        string.Concat(text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => "  " + l + "\n"));

    private static void Line(StringBuilder text, string label, string? value) =>
        text.Append((label + ":").PadRight(12)).Append(string.IsNullOrEmpty(value) ? "<none>" : value).Append('\n');

    private static string Pairs(JObject? map) =>
        map is null ? string.Empty : string.Join(", ", map.Properties().Select(p => $"{p.Name}={KubeJson.Text(p.Value)}"));

    private static JObject WithoutManagedFields(JObject obj)
    {
        if (obj.SelectToken("metadata.managedFields") is null)
        {
            return obj;
        }

        var copy = (JObject)obj.DeepClone();
        ((JObject)copy["metadata"]!).Remove("managedFields");
        return copy;
    }

    private static object? ToPlain(JToken token) => token switch
    {
        JObject obj => obj.Properties().ToDictionary(p => p.Name, p => ToPlain(p.Value), StringComparer.Ordinal),
        JArray array => array.Select(ToPlain).ToList(),
        JValue value => value.Value,
        _ => null,
    };
}
